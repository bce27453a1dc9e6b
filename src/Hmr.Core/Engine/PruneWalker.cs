namespace Hmr.Core.Engine;

/// <summary>Decides, after a batch has relinked its edges, which modules the pages no longer import. A module that
/// lost an importer is pruned when no entry (a root, or a module nothing imports that did not just lose its last
/// importer) reaches it any more; then what it imported is examined the same way, so a whole subtree (or an import
/// cycle cut loose) goes at once (beyond Vite, which prunes one level).</summary>
internal static class PruneWalker
{
    /// <summary>Removes unreachable modules from the graph; returns their URLs in the order they were pruned.</summary>
    public static List<string> Prune(ModuleGraph graph, IEnumerable<ModuleNode> lostImporter, List<string> detail)
    {
        var pruned = new List<string>();
        var work = new Queue<ModuleNode>(lostImporter);
        var queued = new HashSet<ModuleNode>(work);
        var next = new List<ModuleNode>();
        while (work.Count > 0)
        {
            var candidate = work.Dequeue();
            queued.Remove(candidate);
            if (graph.Find(candidate.Url) != candidate) continue; // already gone
            if (!candidate.Exists)
            {
                // A dangling URL nobody imports any more is simply forgotten; a deleted module a page still runs is
                // pruned like any other (its dispose and prune handlers run), as in Vite.
                if (candidate.Importers.Count > 0) continue;
                if (candidate.IsDeletedButRunning)
                {
                    pruned.Add(candidate.Url);
                    detail.Add($"prune {candidate.Url}: deleted, and no longer imported");
                }
                graph.Remove(candidate, next);
                continue;
            }
            if (IsProtected(graph, candidate)) continue;
            var closure = UnreachableClosure(graph, candidate);
            if (closure is null) continue;
            foreach (var node in closure)
            {
                pruned.Add(node.Url);
                detail.Add($"prune {node.Url}: no longer imported");
            }
            foreach (var node in closure) graph.Remove(node, next);
            foreach (var node in next)
                if (queued.Add(node)) work.Enqueue(node);
            next.Clear();
        }
        return pruned;
    }

    private static bool IsProtected(ModuleGraph graph, ModuleNode node) => node.IsStylesheet || graph.Roots.Contains(node.Url);

    /// <summary>The candidate plus all its importers transitively, when none of them is an entry; null otherwise.
    /// Breadth-first so the common case (an importer chain reaching a root) stops early.</summary>
    private static List<ModuleNode>? UnreachableClosure(ModuleGraph graph, ModuleNode candidate)
    {
        var closure = new List<ModuleNode> { candidate };
        var seen = new HashSet<ModuleNode> { candidate };
        for (var i = 0; i < closure.Count; i++)
        {
            var node = closure[i];
            if (IsProtected(graph, node)) return null;
            if (node != candidate && node.Importers.Count == 0) return null; // an entry of its own
            foreach (var importer in node.Importers)
                if (seen.Add(importer)) closure.Add(importer);
        }
        return closure;
    }
}
