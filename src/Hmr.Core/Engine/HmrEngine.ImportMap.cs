using System.Diagnostics;
using Hmr.Core.Protocol;

namespace Hmr.Core.Engine;

// A page's import map changed: the graph and the modules served from now on follow the new map.
public sealed partial class HmrEngine
{
    public EngineOutcome RefreshImportMap()
    {
        var watch = Stopwatch.StartNew();
        lock (_gate)
        {
            if (_disposed || !_analyzer.ReloadImportMap()) return EngineOutcome.Nothing;
            var batch = new BatchState();
            var relinked = ResolveAgain(batch);
            var pruned = PruneWalker.Prune(_graph, batch.LostImporter, batch.Detail);
            _snapshot.Publish(_graph);
            List<HmrMessage> messages = [];
            string? reason = null;
            // A page keeps the import map it loaded with: one running a module whose imports moved must load afresh.
            if (relinked.FirstOrDefault(n => n.Executed) is { } running)
            {
                reason = $"the dependencies {running.Url} imports changed; a page takes a new import map only when it loads";
                messages.Add(new FullReloadMessage("*", running.Url, reason));
            }
            if (pruned.Count > 0) messages.Add(new PruneMessage(pruned));
            return Finish([.. relinked.Select(n => n.Url)], [], reason, batch.Detail, messages, watch);
        }
    }

    /// <summary>Called when the analyzer reports a new import map. Analyses made under the old map are no longer served,
    /// and every module whose imports or accepted dependencies now resolve elsewhere is relinked. Nothing is propagated:
    /// the edited page reloads (browsers apply a map only to a page loading afresh), and other pages keep running what
    /// they loaded until they reload or an edit reaches them. Returns the modules relinked.</summary>
    private List<ModuleNode> ResolveAgain(BatchState batch)
    {
        List<ModuleNode> relinked = [];
        Interlocked.Increment(ref _importMapGeneration);
        foreach (var node in _graph.Nodes.Where(n => n is { Exists: true, IsStylesheet: false, ErrorHash: null }).ToList())
        {
            var record = node.Record!;
            // Accepted dependencies are kept resolved, without their specifiers: only a fresh analysis can tell.
            if (record.Hot.AcceptedDeps.Count == 0 && _analyzer.IsStillValid(record)) continue;
            var content = TryRead(node.FullPath, out _);
            if (content is null) continue;
            var fresh = Analyze(node.Url, node.FullPath, Decode(content), _options.ContentHash(content), content.Length);
            if (FirstError(fresh) is not null) continue;
            if (SameImports(record, fresh) && record.Hot.AcceptedDeps.SequenceEqual(fresh.Hot.AcceptedDeps, StringComparer.Ordinal)) continue;
            _graph.SetRecord(node, fresh, batch.LostImporter);
            _snapshot.Touch(node);
            batch.Detail.Add($"{node.Url}: imports resolved again under the new import map");
            relinked.Add(node);
        }
        return relinked;
    }
}
