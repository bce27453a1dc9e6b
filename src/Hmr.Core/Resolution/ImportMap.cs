using System.Text;
using System.Text.Json;
using Hmr.Core.Artifact;

namespace Hmr.Core.Resolution;

/// <summary>An import map (HTML spec, "import maps"): <c>imports</c> and <c>scopes</c>, with every key and
/// address already resolved against the map's base URL. Entries are kept in code-unit descending order,
/// which the spec uses so that the longest matching prefix is tried first.</summary>
public sealed class ImportMap
{
    private readonly List<KeyValuePair<string, string?>> imports;
    private readonly List<KeyValuePair<string, List<KeyValuePair<string, string?>>>> scopes;

    private ImportMap(List<KeyValuePair<string, string?>> imports, List<KeyValuePair<string, List<KeyValuePair<string, string?>>>> scopes)
    {
        this.imports = imports;
        this.scopes = scopes;
        Fingerprint = ComputeFingerprint();
    }

    /// <summary>A map with no entries.</summary>
    public static ImportMap Empty { get; } = new([], []);

    /// <summary>True when the map has no entries.</summary>
    public bool IsEmpty => imports.Count == 0 && scopes.Count == 0;

    /// <summary>The keys of <c>imports</c> (bare ones as written, URL-like ones resolved), longest first.</summary>
    public IEnumerable<string> ImportKeys => imports.Select(entry => entry.Key);

    /// <summary>A stable hash of the entries: two maps with the same entries have the same fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary>Parses an import map. Relative keys, scopes and addresses resolve against <paramref name="baseUrl"/>
    /// (the page URL for an inline map, <c>/</c> for a map file). Malformed JSON yields an empty map; invalid
    /// entries are skipped (or blocked, as the spec says); each problem is added to <paramref name="problems"/>.</summary>
    public static ImportMap Parse(string json, string baseUrl, ICollection<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            problems.Add($"the import map is not valid JSON: {e.Message}");
            return Empty;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("the import map must be a JSON object");
                return Empty;
            }
            var imports = new List<KeyValuePair<string, string?>>();
            var scopes = new List<KeyValuePair<string, List<KeyValuePair<string, string?>>>>();
            if (root.TryGetProperty("imports", out var importsElement))
                imports = ParseSpecifierMap(importsElement, baseUrl, "imports", problems);
            if (root.TryGetProperty("scopes", out var scopesElement))
            {
                if (scopesElement.ValueKind != JsonValueKind.Object)
                    problems.Add("\"scopes\" must be an object");
                else
                    foreach (var scope in scopesElement.EnumerateObject())
                    {
                        var prefix = ResolveAddress(scope.Name, baseUrl);
                        if (prefix is null)
                        {
                            problems.Add($"scope \"{scope.Name}\" is not a URL");
                            continue;
                        }
                        scopes.Add(new(prefix, ParseSpecifierMap(scope.Value, baseUrl, $"scope \"{scope.Name}\"", problems)));
                    }
            }
            SortDescending(imports);
            scopes.Sort((a, b) => string.CompareOrdinal(b.Key, a.Key));
            return new ImportMap(imports, scopes);
        }
    }

    /// <summary>Combines two maps the way a page with several import maps does: entries already present win.</summary>
    public ImportMap Merge(ImportMap other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        var mergedImports = MergeEntries(imports, other.imports);
        var mergedScopes = scopes.Select(s => new KeyValuePair<string, List<KeyValuePair<string, string?>>>(s.Key, s.Value)).ToList();
        foreach (var scope in other.scopes)
        {
            var index = mergedScopes.FindIndex(s => s.Key == scope.Key);
            if (index < 0) mergedScopes.Add(scope);
            else mergedScopes[index] = new(scope.Key, MergeEntries(mergedScopes[index].Value, scope.Value));
        }
        mergedScopes.Sort((a, b) => string.CompareOrdinal(b.Key, a.Key));
        return new ImportMap(mergedImports, mergedScopes);
    }

    /// <summary>Looks a specifier up: scopes whose prefix matches the referrer first (most specific first), then
    /// top-level imports; within each, an exact key or the longest trailing-slash prefix.</summary>
    /// <param name="normalizedSpecifier">A bare specifier as written, or a URL-like specifier already resolved to a URL.</param>
    /// <param name="isUrl">True for a URL-like specifier (prefix keys then only match path-like URLs, which all of ours are).</param>
    /// <param name="referrerUrl">The importing module's (or page's) URL.</param>
    /// <param name="address">The mapped address, or null when the map blocks the specifier (a null or invalid entry).</param>
    /// <returns>False when no entry matches.</returns>
    public bool TryResolve(string normalizedSpecifier, bool isUrl, string referrerUrl, out string? address)
    {
        foreach (var (prefix, scopeImports) in scopes)
        {
            var applies = prefix == referrerUrl || (prefix.EndsWith('/') && referrerUrl.StartsWith(prefix, StringComparison.Ordinal));
            if (applies && TryMatch(normalizedSpecifier, isUrl, scopeImports, out address))
                return true;
        }
        return TryMatch(normalizedSpecifier, isUrl, imports, out address);
    }

    private static bool TryMatch(string specifier, bool isUrl, List<KeyValuePair<string, string?>> entries, out string? address)
    {
        _ = isUrl; // every URL-like specifier here is a path, for which prefix matching is allowed
        foreach (var (key, value) in entries)
        {
            if (key == specifier)
            {
                address = value;
                return true;
            }
            if (key.EndsWith('/') && specifier.StartsWith(key, StringComparison.Ordinal))
            {
                if (value is null)
                {
                    address = null;
                    return true;
                }
                var candidate = value + specifier[key.Length..];
                if (!ModuleUrl.IsExternal(candidate))
                    candidate = ModuleUrl.Normalize(candidate, out _);
                // The spec blocks a remainder that climbs out of the mapped prefix ("backtracking").
                address = candidate.StartsWith(value, StringComparison.Ordinal) ? candidate : null;
                return true;
            }
        }
        address = null;
        return false;
    }

    private static List<KeyValuePair<string, string?>> ParseSpecifierMap(JsonElement element, string baseUrl, string where, ICollection<string> problems)
    {
        var entries = new List<KeyValuePair<string, string?>>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} must be an object");
            return entries;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Length == 0)
            {
                problems.Add($"{where}: an empty specifier key is ignored");
                continue;
            }
            var key = IsUrlLike(property.Name) ? ResolveAddress(property.Name, baseUrl)! : property.Name;
            string? address = null;
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                // A null address blocks the specifier on purpose.
            }
            else if (property.Value.ValueKind != JsonValueKind.String)
                problems.Add($"{where}: the address of \"{property.Name}\" must be a string");
            else
            {
                address = ResolveAddress(property.Value.GetString()!, baseUrl);
                if (address is null)
                    problems.Add($"{where}: the address \"{property.Value.GetString()}\" of \"{property.Name}\" is not a URL (use ./, ../, / or a full URL)");
                else if (key.EndsWith('/') && !address.EndsWith('/'))
                {
                    problems.Add($"{where}: \"{property.Name}\" ends with '/' so its address must too");
                    address = null;
                }
            }
            // Spec: an invalid address is kept as null, which blocks the specifier rather than falling through.
            entries.RemoveAll(e => e.Key == key);
            entries.Add(new(key, address));
        }
        SortDescending(entries);
        return entries;
    }

    private static bool IsUrlLike(string value) => ModuleUrl.IsExternal(value) || ModuleUrl.IsRelativeOrRootRelative(value);

    private static string? ResolveAddress(string value, string baseUrl)
    {
        if (ModuleUrl.IsExternal(value)) return value;
        if (ModuleUrl.IsRelativeOrRootRelative(value)) return ModuleUrl.Combine(baseUrl, value, out _);
        return null;
    }

    private static List<KeyValuePair<string, string?>> MergeEntries(List<KeyValuePair<string, string?>> first, List<KeyValuePair<string, string?>> second)
    {
        var merged = new List<KeyValuePair<string, string?>>(first);
        foreach (var entry in second)
            if (!merged.Exists(e => e.Key == entry.Key))
                merged.Add(entry);
        SortDescending(merged);
        return merged;
    }

    private static void SortDescending(List<KeyValuePair<string, string?>> entries) =>
        entries.Sort((a, b) => string.CompareOrdinal(b.Key, a.Key));

    private string ComputeFingerprint()
    {
        if (imports.Count == 0 && scopes.Count == 0) return "";
        var text = new StringBuilder();
        foreach (var (key, value) in imports)
            text.Append(key).Append('\0').Append(value ?? "\u0001").Append('\n');
        foreach (var (prefix, entries) in scopes)
        {
            text.Append("scope\0").Append(prefix).Append('\n');
            foreach (var (key, value) in entries)
                text.Append(key).Append('\0').Append(value ?? "\u0001").Append('\n');
        }
        return ContentHash.Of(text.ToString());
    }
}
