using Hmr.Core.Resolution;
using Hmr.Core.Artifact;

namespace Hmr.Core.Engine;

/// <summary>The mutable module graph: nodes by URL with importer and import edges kept symmetric. Only the engine's
/// mutation path touches it (under its lock); readers use <see cref="GraphSnapshot"/>.</summary>
internal sealed class ModuleGraph(WebRootPaths paths)
{
    private readonly Dictionary<string, ModuleNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>Entry modules (loaded by pages or imported by nothing when the graph was built): never pruned.</summary>
    public HashSet<string> Roots { get; } = new(StringComparer.Ordinal);

    public WebRootPaths Paths => paths;

    /// <summary>Called for every node whose record or membership changes, so the snapshot can republish it.</summary>
    public Action<ModuleNode>? NodeChanged { get; set; }

    public int Count => _nodes.Count;

    public IEnumerable<ModuleNode> Nodes => _nodes.Values;

    public ModuleNode? Find(string url) => _nodes.GetValueOrDefault(url);

    public ModuleNode GetOrAdd(string url)
    {
        if (_nodes.TryGetValue(url, out var node)) return node;
        node = new ModuleNode(url)
        {
            FullPath = paths.ToFullPath(url) ?? "",
            IsStylesheet = WebRootPaths.Extension(url) == ".css",
        };
        _nodes.Add(url, node);
        return node;
    }

    /// <summary>Gives <paramref name="node"/> a new analysis and relinks its import edges. Modules that lose an
    /// importer are added to <paramref name="lostImporter"/> (prune candidates, decided after the whole batch).</summary>
    public void SetRecord(ModuleNode node, ModuleRecord record, ICollection<ModuleNode> lostImporter)
    {
        var targets = new List<ModuleNode>(record.Imports.Count);
        var seen = new HashSet<ModuleNode>();
        ResolvedImport[]? shared = null;
        for (var i = 0; i < record.Imports.Count; i++)
        {
            var import = record.Imports[i];
            if (import.Url is null || import.External) continue;
            var target = GetOrAdd(import.Url);
            if (seen.Add(target)) targets.Add(target);
            // Point the import at the target's own URL string: one copy per URL instead of one per import.
            if (!ReferenceEquals(import.Url, target.Url))
            {
                shared ??= [.. record.Imports];
                shared[i] = import with { Url = target.Url };
            }
        }
        node.Record = shared is null ? record : record with { Imports = shared };
        NodeChanged?.Invoke(node);
        Relink(node, [.. targets], lostImporter);
    }

    /// <summary>The file is gone: its imports no longer count; importers keep pointing at the (now dangling) URL.</summary>
    public void ClearRecord(ModuleNode node, ICollection<ModuleNode> lostImporter)
    {
        node.Record = null;
        node.Executed = false;
        node.ExecutedHot = HotRecord.None;
        NodeChanged?.Invoke(node);
        Relink(node, [], lostImporter);
        if (node.Importers.Count == 0) _nodes.Remove(node.Url);
    }

    /// <summary>The file of a module a page runs is gone: its imports no longer count, but it keeps its importers, what
    /// the page runs of it (<see cref="ModuleNode.ExecutedHot"/>) and its place in the graph (see
    /// <see cref="ModuleNode.IsDeletedButRunning"/>).</summary>
    public void MarkDeleted(ModuleNode node, ICollection<ModuleNode> lostImporter)
    {
        node.Record = null;
        NodeChanged?.Invoke(node);
        Relink(node, [], lostImporter);
    }

    /// <summary>Takes a module out of the graph (pruned or dangling without importers).</summary>
    public void Remove(ModuleNode node, ICollection<ModuleNode> lostImporter)
    {
        Relink(node, [], lostImporter);
        node.Record = null;
        node.Executed = false;
        _nodes.Remove(node.Url);
        NodeChanged?.Invoke(node);
    }

    private static void Relink(ModuleNode node, ModuleNode[] targets, ICollection<ModuleNode> lostImporter)
    {
        // Small import lists are the norm; a set only pays off for wide fans.
        HashSet<ModuleNode>? keep = targets.Length > 16 ? [.. targets] : null;
        foreach (var old in node.Imports)
        {
            if (keep is not null ? keep.Contains(old) : Array.IndexOf(targets, old) >= 0) continue;
            old.Importers.Remove(node);
            lostImporter.Add(old);
        }
        foreach (var target in targets) target.Importers.Add(node);
        node.Imports = targets;
    }
}
