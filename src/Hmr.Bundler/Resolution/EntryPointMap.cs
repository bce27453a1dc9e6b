using System.Text.Json;

namespace Hmr.Bundler.DependencyResolution;

internal enum MapOutcomeKind
{
    /// <summary>No key or condition applies ("undefined" in Node's algorithm).</summary>
    NoMatch,

    /// <summary>A <c>null</c> target: the package blocks the sub-path on purpose.</summary>
    Blocked,

    /// <summary>A file inside the package (<see cref="MapOutcome.Value"/> is its absolute path).</summary>
    Resolved,

    /// <summary>An <c>imports</c> target that names another package (<see cref="MapOutcome.Value"/> is the specifier).</summary>
    Bare,

    /// <summary>A target Node rejects; array fallbacks skip it, anything else reports it.</summary>
    Invalid,
}

internal readonly record struct MapOutcome(MapOutcomeKind Kind, string? Value = null, string? Code = null, string? Message = null);

/// <summary>The <c>exports</c> and <c>imports</c> fields of one <c>package.json</c>, matched as Node specifies
/// (PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_EXPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE, PATTERN_KEY_COMPARE): exact keys
/// first, then <c>*</c> patterns from the most specific; condition objects in the package's own key order with the
/// first condition in <paramref name="conditions"/> (or <c>default</c>) winning; arrays as fallbacks; <c>null</c> blocking.
/// Targets are returned as paths and never probed: an <c>exports</c> target names one exact file.</summary>
internal sealed class EntryPointMap(PackageJson package, IReadOnlySet<string> conditions, string packageDescription)
{
    /// <summary>Resolves <paramref name="subpath"/> (<c>.</c> or <c>./x</c>) through <c>exports</c>, which must exist.</summary>
    public MapOutcome ResolveExport(string subpath)
    {
        var exports = package.Exports!.Value;
        var hasSubpathKeys = HasSubpathKeys(exports);
        if (subpath == ".")
        {
            if (!hasSubpathKeys)
            {
                return ResolveTarget(exports, null, isImports: false);
            }
            return exports.TryGetProperty(".", out var main) ? ResolveTarget(main, null, isImports: false) : default;
        }
        return hasSubpathKeys ? MatchKeys(subpath, exports, isImports: false) : default;
    }

    /// <summary>Resolves a <c>#name</c> specifier through <c>imports</c>, which must exist.</summary>
    public MapOutcome ResolveImport(string specifier) => MatchKeys(specifier, package.Imports!.Value, isImports: true);

    /// <summary>The sub-paths <c>exports</c> offers (patterns as written), for "not exported" messages.</summary>
    public IReadOnlyList<string> ExportedSubpaths()
    {
        var exports = package.Exports!.Value;
        if (!HasSubpathKeys(exports))
        {
            return ["."];
        }
        return exports.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToList();
    }

    /// <summary>True for <c>{ ".": …, "./x": … }</c>, false for a string, an array or a conditions object (all of
    /// which are the main export). Mixing both kinds of key is invalid (HMR105).</summary>
    private bool HasSubpathKeys(JsonElement exports)
    {
        if (exports.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        bool? subpathKeys = null;
        foreach (var property in exports.EnumerateObject())
        {
            var isSubpath = property.Name.StartsWith('.');
            if (subpathKeys is { } first && first != isSubpath)
            {
                throw new ResolutionException(ResolutionCodes.InvalidPackageConfig,
                    $"{packageDescription}: \"exports\" mixes sub-path keys (starting with '.') and condition keys; use one kind per object");
            }
            subpathKeys = isSubpath;
        }
        return subpathKeys ?? false;
    }

    private MapOutcome MatchKeys(string matchKey, JsonElement map, bool isImports)
    {
        // A key ending in '/' is a folder mapping, which Node no longer supports: never matched, even exactly.
        if (!matchKey.Contains('*') && !matchKey.EndsWith('/') && map.TryGetProperty(matchKey, out var exact))
        {
            return ResolveTarget(exact, null, isImports);
        }
        var patterns = map.EnumerateObject()
            .Where(p => p.Name.IndexOf('*') is var star && star >= 0 && p.Name.IndexOf('*', star + 1) < 0)
            .OrderBy(p => p.Name, PatternKeyComparer.Instance);
        foreach (var pattern in patterns)
        {
            var star = pattern.Name.IndexOf('*');
            var prefix = pattern.Name[..star];
            var suffix = pattern.Name[(star + 1)..];
            if (matchKey.Length > prefix.Length && matchKey.StartsWith(prefix, StringComparison.Ordinal)
                && (suffix.Length == 0 || (matchKey.EndsWith(suffix, StringComparison.Ordinal) && matchKey.Length >= pattern.Name.Length)))
            {
                var match = matchKey[prefix.Length..(matchKey.Length - suffix.Length)];
                return ResolveTarget(pattern.Value, match, isImports);
            }
        }
        return default;
    }

    private MapOutcome ResolveTarget(JsonElement target, string? patternMatch, bool isImports)
    {
        switch (target.ValueKind)
        {
            case JsonValueKind.String:
                return ResolveTargetString(target.GetString()!, patternMatch, isImports);
            case JsonValueKind.Null:
                return new MapOutcome(MapOutcomeKind.Blocked);
            case JsonValueKind.Object:
                foreach (var condition in target.EnumerateObject())
                {
                    if (condition.Name == "default" || conditions.Contains(condition.Name))
                    {
                        var outcome = ResolveTarget(condition.Value, patternMatch, isImports);
                        if (outcome.Kind != MapOutcomeKind.NoMatch)
                        {
                            return outcome;
                        }
                    }
                }
                return default;
            case JsonValueKind.Array:
                return ResolveFallbacks(target, patternMatch, isImports);
            default:
                return Invalid(ResolutionCodes.InvalidPackageConfig, $"a target must be a string, an object, an array or null, not {target.GetRawText()}");
        }
    }

    /// <summary>Node's array rule: the first fallback that resolves wins; invalid targets and <c>null</c> are skipped,
    /// and when none resolves the last of those is the answer.</summary>
    private MapOutcome ResolveFallbacks(JsonElement fallbacks, string? patternMatch, bool isImports)
    {
        var last = new MapOutcome(fallbacks.GetArrayLength() == 0 ? MapOutcomeKind.Blocked : MapOutcomeKind.NoMatch);
        foreach (var fallback in fallbacks.EnumerateArray())
        {
            var outcome = ResolveTarget(fallback, patternMatch, isImports);
            if (outcome.Kind is MapOutcomeKind.Resolved or MapOutcomeKind.Bare)
            {
                return outcome;
            }
            if (outcome.Kind != MapOutcomeKind.NoMatch)
            {
                last = outcome;
            }
        }
        return last;
    }

    private MapOutcome ResolveTargetString(string target, string? patternMatch, bool isImports)
    {
        if (!target.StartsWith("./", StringComparison.Ordinal))
        {
            var leaves = target.StartsWith("../", StringComparison.Ordinal) || target.StartsWith('/') || Path.IsPathRooted(target)
                || target.Contains(':');
            if (isImports && !leaves)
            {
                return new MapOutcome(MapOutcomeKind.Bare, patternMatch is null ? target : target.Replace("*", patternMatch));
            }
            return leaves
                ? Invalid(ResolutionCodes.TargetOutsidePackage, $"the target '{target}' points outside the package")
                : Invalid(ResolutionCodes.InvalidPackageConfig, $"the target '{target}' must start with './'");
        }
        foreach (var segment in target[2..].Split('/', '\\').Select(Uri.UnescapeDataString))
        {
            if (segment == "..")
            {
                return Invalid(ResolutionCodes.TargetOutsidePackage, $"the target '{target}' points outside the package");
            }
            if (segment is "" or "." || segment.Equals("node_modules", StringComparison.OrdinalIgnoreCase))
            {
                return Invalid(ResolutionCodes.InvalidPackageConfig, $"the target '{target}' has a '{segment}' segment");
            }
        }
        if (patternMatch is not null && patternMatch.Split('/', '\\').Select(Uri.UnescapeDataString)
                .Any(s => s is "" or "." or ".." || s.Equals("node_modules", StringComparison.OrdinalIgnoreCase)))
        {
            // Node throws here rather than trying other fallbacks: the specifier itself is at fault.
            throw new ResolutionException(ResolutionCodes.InvalidSpecifier,
                $"the sub-path '{patternMatch}' matched by a pattern of {packageDescription} has an empty, '.', '..' or 'node_modules' segment");
        }
        var relative = patternMatch is null ? target : target.Replace("*", patternMatch);
        var full = Path.GetFullPath(Path.Join(package.Directory, relative));
        return PathComparison.IsInside(full, package.Directory)
            ? new MapOutcome(MapOutcomeKind.Resolved, full)
            : Invalid(ResolutionCodes.TargetOutsidePackage, $"the target '{relative}' points outside the package");
    }

    private static MapOutcome Invalid(string code, string message) => new(MapOutcomeKind.Invalid, null, code, message);

    /// <summary>PATTERN_KEY_COMPARE: a longer part before the <c>*</c> first, then the longer key.</summary>
    private sealed class PatternKeyComparer : IComparer<string>
    {
        public static readonly PatternKeyComparer Instance = new();

        public int Compare(string? a, string? b)
        {
            var baseA = a!.IndexOf('*');
            var baseB = b!.IndexOf('*');
            if (baseA != baseB)
            {
                return baseA > baseB ? -1 : 1;
            }
            return b.Length.CompareTo(a.Length);
        }
    }
}
