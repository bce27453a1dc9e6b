namespace Hmr.Core.Artifact;

/// <summary>Which modules the app's pages load: the document's <see cref="ModuleGraphDocument.PageEntries"/> and
/// everything they import, statically or dynamically. Diagnostics and dependency pre-bundling are for those modules
/// only; a file no page reaches (a vendor copy under <c>wwwroot/lib</c>, a library's unused builds) is analysed quietly
/// (docs/diagnostics.md, "Which modules are reported").</summary>
public static class ModuleReach
{
    /// <summary>The URLs of the modules pages reach; null when the project has no pages, so that nothing can be told
    /// apart and every module counts as reached.</summary>
    public static IReadOnlySet<string>? FromPages(ModuleGraphDocument document)
    {
        if (document.PageEntries is not { } entries) return null;
        var records = new Dictionary<string, ModuleRecord>(StringComparer.Ordinal);
        foreach (var record in document.Modules) records.TryAdd(record.Url, record);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(entries);
        while (pending.TryPop(out var url))
        {
            if (!reached.Add(url) || !records.TryGetValue(url, out var record)) continue;
            foreach (var import in record.Imports)
                if (import.Url is { } target && !import.External && !reached.Contains(target)) pending.Push(target);
        }
        return reached;
    }

    /// <summary>Whether the module at <paramref name="url"/> is reached, given <see cref="FromPages"/>'s answer.</summary>
    public static bool Includes(this IReadOnlySet<string>? reached, string url) => reached is null || reached.Contains(url);
}
