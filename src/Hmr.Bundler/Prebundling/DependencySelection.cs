using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Prebundling;

/// <summary>A specifier to bundle, with the app's imports of it (none for an <c>HmrOptimizeDeps</c> include).</summary>
internal sealed record SelectedDependency(string Specifier, IReadOnlyList<DependencyUse> Uses);

/// <summary>Which specifiers are bundled: those the app imports plus the includes, minus every specifier of an
/// excluded package; sorted, so the same set always gives the same bundles.</summary>
internal static class DependencySelection
{
    public static (List<SelectedDependency> Selected, List<DependencyUse> Excluded) Select(DependencyOptimizerRequest request)
    {
        var excluded = new HashSet<string>(request.Excludes.Select(e => e.Trim()), StringComparer.Ordinal);
        var uses = new SortedDictionary<string, List<DependencyUse>>(StringComparer.Ordinal);
        var excludedUses = new List<DependencyUse>();
        foreach (var use in request.Uses)
        {
            if (excluded.Contains(PackageName(use.Specifier)))
            {
                excludedUses.Add(use);
                continue;
            }
            if (!uses.TryGetValue(use.Specifier, out var list))
            {
                uses[use.Specifier] = list = [];
            }
            list.Add(use);
        }
        foreach (var include in request.Includes.Select(i => i.Trim()).Where(i => i.Length > 0))
        {
            if (!excluded.Contains(PackageName(include)))
            {
                uses.TryAdd(include, []);
            }
        }
        var selected = uses.Select(pair => new SelectedDependency(pair.Key, [.. pair.Value
            .OrderBy(u => u.ImporterFile, StringComparer.Ordinal).ThenBy(u => u.Line).ThenBy(u => u.Column)])).ToList();
        return (selected, excludedUses);
    }

    /// <summary><c>@scope/pkg/sub</c> → <c>@scope/pkg</c>. An invalid specifier is its own name here; resolving it
    /// reports why it is invalid.</summary>
    public static string PackageName(string specifier)
    {
        try
        {
            return PackageSpecifier.Parse(specifier).Name;
        }
        catch (ResolutionException)
        {
            return specifier;
        }
    }
}
