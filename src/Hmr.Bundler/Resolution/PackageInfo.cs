using System.Collections.Concurrent;

namespace Hmr.Bundler.DependencyResolution;

/// <summary>The package a dependency file belongs to: chunks are named after it, its <c>package.json</c> is an input of
/// incremental bundling, and diagnostics name it.</summary>
/// <param name="Name">The <c>name</c> field, or the folder's name when there is none.</param>
/// <param name="Version">The <c>version</c> field; null when there is none.</param>
/// <param name="RootDirectory">The package's real folder.</param>
/// <param name="PackageJsonPath">Its <c>package.json</c>; null when the folder has none.</param>
public sealed record PackageInfo(string Name, string? Version, string RootDirectory, string? PackageJsonPath);

/// <summary>Which package a file belongs to. Under <c>node_modules</c> the layout decides: the folder just below the
/// last <c>node_modules</c> (or <c>@scope</c>) is the package, so a nested <c>package.json</c> with a name of its own
/// (preact's <c>hooks/package.json</c>) does not split the package. Elsewhere (LibMan and import-map folders) the known
/// package folders decide, then the nearest <c>package.json</c> with a <c>name</c>.</summary>
internal sealed class PackageOwnership(PackageFiles files, Func<IEnumerable<string>> knownPackageFolders)
{
    private readonly Lazy<HashSet<string>> knownRoots = new(() => new HashSet<string>(knownPackageFolders().Select(files.RealPaths.Resolve), PathComparison.Comparer));
    private readonly ConcurrentDictionary<string, PackageInfo> infoByRoot = new(PathComparison.Comparer);

    public PackageInfo? Find(string filePath)
    {
        var start = files.RealPaths.Resolve(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (IsNodeModules(dir))
            {
                break;
            }
            var parent = Path.GetDirectoryName(dir);
            if (knownRoots.Value.Contains(dir) || (parent is not null && IsPackageFolderUnder(dir, parent)))
            {
                return InfoFor(dir);
            }
        }
        for (var dir = start; dir is not null && !IsNodeModules(dir); dir = Path.GetDirectoryName(dir))
        {
            if (TryPackageJson(dir)?.Name is not null)
            {
                return InfoFor(dir);
            }
        }
        return null;
    }

    private PackageInfo InfoFor(string root) => infoByRoot.GetOrAdd(root, dir =>
    {
        var json = TryPackageJson(dir);
        return new PackageInfo(json?.Name ?? FolderDerivedName(dir), json?.Version, dir, json?.FilePath);
    });

    /// <summary>A broken <c>package.json</c> is reported where it is resolved through; here it only loses its name.</summary>
    private PackageJson? TryPackageJson(string dir)
    {
        try
        {
            return files.PackageJsonIn(dir);
        }
        catch (ResolutionException)
        {
            return null;
        }
    }

    /// <summary><c>node_modules/x</c>, or <c>node_modules/@scope/x</c>.</summary>
    private static bool IsPackageFolderUnder(string dir, string parent)
    {
        if (Path.GetFileName(dir).StartsWith('@'))
        {
            return false;
        }
        if (IsNodeModules(parent))
        {
            return true;
        }
        var grandparent = Path.GetDirectoryName(parent);
        return Path.GetFileName(parent).StartsWith('@') && grandparent is not null && IsNodeModules(grandparent);
    }

    private static string FolderDerivedName(string dir)
    {
        var parent = Path.GetDirectoryName(dir);
        var name = Path.GetFileName(dir);
        return parent is not null && Path.GetFileName(parent).StartsWith('@') ? $"{Path.GetFileName(parent)}/{name}" : name;
    }

    private static bool IsNodeModules(string dir) => Path.GetFileName(dir).Equals("node_modules", PathComparison.Comparison);
}
