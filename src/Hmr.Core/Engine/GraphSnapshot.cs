using System.Collections.Immutable;

namespace Hmr.Core.Engine;

/// <summary>What request threads read: an immutable URL → <see cref="ModuleInfo"/> map swapped in whole after each
/// batch, so a reader sees the graph before or after an update, never half of it. Each batch touches few entries, so
/// building the next map costs O(changed · log n).</summary>
internal sealed class GraphSnapshot
{
    private ImmutableDictionary<string, ModuleInfo> _current = ImmutableDictionary.Create<string, ModuleInfo>(StringComparer.Ordinal);
    private readonly HashSet<ModuleNode> _dirty = [];

    public ImmutableDictionary<string, ModuleInfo> Current => Volatile.Read(ref _current);

    public ModuleInfo? Get(string url) => Current.GetValueOrDefault(url);

    /// <summary>Notes that a node's info (existence, path, timestamp) may have changed in the current batch.</summary>
    public void Touch(ModuleNode node) => _dirty.Add(node);

    /// <summary>Publishes the batch's changes (called by the single writer).</summary>
    public void Publish(ModuleGraph graph)
    {
        if (_dirty.Count == 0) return;
        var builder = _current.ToBuilder();
        foreach (var node in _dirty)
        {
            if ((node.Exists || node.IsDeletedButRunning) && graph.Find(node.Url) == node)
            {
                var info = builder.GetValueOrDefault(node.Url);
                if (info is null || info.FullPath != node.FullPath || info.LastUpdateTimestamp != node.LastUpdateTimestamp || info.Deleted == node.Exists)
                    builder[node.Url] = new ModuleInfo(node.Url, node.FullPath, node.LastUpdateTimestamp, Deleted: !node.Exists);
            }
            else if (graph.Find(node.Url) is not { } current || !(current.Exists || current.IsDeletedButRunning))
            {
                builder.Remove(node.Url);
            }
        }
        _dirty.Clear();
        Volatile.Write(ref _current, builder.ToImmutable());
    }
}
