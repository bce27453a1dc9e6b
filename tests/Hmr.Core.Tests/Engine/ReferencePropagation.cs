namespace Hmr.Core.Tests.Engine;

/// <summary>A module of the reference model: plain data, written separately from the engine's graph.</summary>
internal sealed record RefModule(string Url, List<RefImport> Imports)
{
    public bool Self { get; set; }
    public List<string> Deps { get; set; } = [];
    /// <summary>The names acceptExports lists (null: no acceptExports).</summary>
    public string[]? Exports { get; set; }
    /// <summary>The module's own export names.</summary>
    public string[] Declared { get; set; } = [];
    public bool Executed { get; set; }
}

/// <summary>One import: names null = every binding, empty = none.</summary>
internal sealed record RefImport(string Url, string[]? Names, bool Dynamic);

/// <summary>The propagation rules of docs/hmr-semantics.md section 2, written the obvious way (recursion, lists, LINQ) to
/// check the engine against. Speed and stack depth do not matter here; clarity does.</summary>
internal static class ReferencePropagation
{
    public sealed record Result(bool Reload, string? TriggeredBy, List<(string Boundary, string Via, bool Circular)> Boundaries, HashSet<string> Invalidated);

    public static Result Run(IReadOnlyDictionary<string, RefModule> graph, IReadOnlyList<string> changed)
    {
        var visitedBy = new Dictionary<string, int>();
        var boundaries = new List<(string, string)>();
        var invalidated = new HashSet<string>();
        for (var walk = 0; walk < changed.Count; walk++)
        {
            var start = changed[walk];
            if (visitedBy.ContainsKey(start)) continue;
            var before = boundaries.Count;
            var joinedEarlierWalk = false;

            bool Visit(string url, List<string> chain) // true: dead end
            {
                if (visitedBy.TryGetValue(url, out var by))
                {
                    if (by != walk) joinedEarlierWalk = true;
                    return false;
                }
                visitedBy[url] = walk;
                var module = graph[url];
                if (!module.Executed) return false;
                invalidated.Add(url);
                // acceptExports naming every declared export is self-acceptance (docs/hmr-semantics.md, rule 4).
                if (module.Self || module.Exports is not null && module.Declared.All(module.Exports.Contains)) { boundaries.Add((url, url)); return false; }
                if (module.Exports is not null) boundaries.Add((url, url));
                var importers = graph.Values.Where(m => m.Executed && m.Imports.Any(i => i.Url == url))
                    .Select(m => m.Url).OrderBy(u => u, StringComparer.Ordinal).ToList();
                if (importers.Count == 0 && module.Exports is null) return true;
                foreach (var importer in importers)
                {
                    if (graph[importer].Deps.Contains(url)) { boundaries.Add((importer, url)); continue; }
                    if (module.Exports is not null && graph[importer].Imports.Where(i => i.Url == url)
                            .All(i => i.Names is not null && i.Names.All(n => module.Exports.Contains(n))))
                        continue;
                    if (chain.Contains(importer)) continue;
                    if (Visit(importer, [.. chain, importer])) return true;
                }
                return false;
            }

            if (Visit(start, [start])) return new Result(true, start, [], []);
            if (graph[start].Executed && boundaries.Count == before && !joinedEarlierWalk) return new Result(true, start, [], []);
        }
        // Stamping goes on past the boundaries: every importer the page runs that does not accept the module below it as a
        // dependency, recursively from each change (docs/engine.md, "Stamping").
        var expanded = new HashSet<string>();
        void Stamp(string url)
        {
            if (!expanded.Add(url)) return;
            foreach (var importer in graph.Values.Where(m => m.Executed && m.Imports.Any(i => i.Url == url) && !m.Deps.Contains(url)))
            {
                invalidated.Add(importer.Url);
                Stamp(importer.Url);
            }
        }
        foreach (var start in changed)
            if (graph[start].Executed) Stamp(start);
        return new Result(false, null, [.. boundaries.Select(b => (b.Item1, b.Item2, InCycle(graph, b.Item1)))], invalidated);
    }

    /// <summary>Does the module import itself back through at least one other module?</summary>
    private static bool InCycle(IReadOnlyDictionary<string, RefModule> graph, string url)
    {
        var seen = new HashSet<string>();
        bool Reaches(string from) =>
            graph[from].Imports.Select(i => i.Url).Where(u => u != from).Any(u => u == url || (seen.Add(u) && Reaches(u)));
        return graph[url].Imports.Select(i => i.Url).Where(u => u != url).Any(u => seen.Add(u) && Reaches(u));
    }
}
