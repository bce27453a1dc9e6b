using Hmr.Core.Artifact;

namespace Hmr.Core.Engine;

/// <summary>One boundary: the module whose accept callback runs, and the module it re-imports.</summary>
internal readonly record struct Boundary(ModuleNode Module, ModuleNode AcceptedVia, bool IsWithinCircularImport);

/// <summary>The result of walking one batch: boundaries, or the dead end that turns the batch into a reload, and
/// every module the update invalidates: each change and, recursively, every importer the page runs that does not accept
/// it as a dependency (past the boundaries too; docs/engine.md, "Stamping").</summary>
internal sealed class Propagation
{
    public List<Boundary> Boundaries { get; } = [];
    public List<ModuleNode> Invalidated { get; } = [];
    public ModuleNode? DeadEnd { get; set; }
    public string? DeadEndTrigger { get; set; }
    public string? ReloadReason { get; set; }
    public List<string> Detail { get; } = [];
    public bool NeedsReload => DeadEnd is not null;
}

/// <summary>HMR propagation (docs/hmr-semantics.md section 2) over the live graph. Iterative depth-first walks up the
/// importer edges with an explicit stack, so a 10,000-level chain cannot overflow the thread's stack.</summary>
internal sealed class Propagator
{
    private sealed class Frame(ModuleNode node, ModuleNode[] importers, IReadOnlyList<string>? acceptedExports)
    {
        public ModuleNode Node { get; } = node;
        public ModuleNode[] Importers { get; } = importers;
        public IReadOnlyList<string>? AcceptedExports { get; } = acceptedExports;
        public int Next { get; set; }
    }

    // Which walk of the batch visited a module: rule 1 stops there; a walk that only met its own modules and found no
    // boundary ran into an import cycle that nothing accepts.
    private readonly Dictionary<ModuleNode, int> _visitedBy = [];
    private readonly HashSet<ModuleNode> _onChain = [];
    private readonly Stack<Frame> _stack = new();
    private readonly Propagation _result = new();
    private int _walk;

    /// <summary>Walks from every changed module; <paramref name="ignoreOwnAcceptance"/> is the module that invalidated
    /// itself (its own accept/acceptExports are disregarded, as if it were not self-accepting).</summary>
    public static Propagation Run(IEnumerable<ModuleNode> changed, ModuleNode? ignoreOwnAcceptance = null)
    {
        var propagator = new Propagator();
        var starts = changed.ToList();
        foreach (var start in starts)
        {
            if (!propagator.Walk(start, start == ignoreOwnAcceptance)) break;
        }
        propagator.FlagCycles();
        if (!propagator._result.NeedsReload) propagator.InvalidateImporters(starts);
        return propagator._result;
    }

    /// <summary>As Vite does, the update's timestamp goes to the changed modules and, recursively, to every importer that
    /// does not accept the module below it as a dependency, self-accepting ones and boundaries included: modules served
    /// from then on import all of them with the new <c>?t=</c>, so a re-import that reaches one of them again (inside an
    /// import cycle) runs it again instead of keeping its old instance.</summary>
    private void InvalidateImporters(List<ModuleNode> starts)
    {
        var invalidated = new HashSet<ModuleNode>(_result.Invalidated);
        var expanded = new HashSet<ModuleNode>();
        var queue = new Queue<ModuleNode>();
        foreach (var start in starts)
            if (start.Executed) queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!expanded.Add(node)) continue;
            foreach (var importer in ExecutedImporters(node))
            {
                if (importer.ExecutedHot.AcceptedDeps.Contains(node.Url, StringComparer.Ordinal)) continue;
                if (invalidated.Add(importer)) _result.Invalidated.Add(importer);
                queue.Enqueue(importer);
            }
        }
    }

    /// <summary>One walk; false when it hit a dead end (the batch is a reload, no need to look further).</summary>
    private bool Walk(ModuleNode start, bool ignoreOwnAcceptance)
    {
        _walk++;
        var boundariesBefore = _result.Boundaries.Count;
        var joinedEarlierWalk = false;
        if (_visitedBy.ContainsKey(start)) return true;
        if (!Enter(start, ignoreOwnAcceptance, ref joinedEarlierWalk, start.Url)) return false;
        var entered = start.Executed;
        while (_stack.Count > 0)
        {
            var frame = _stack.Peek();
            if (frame.Next == frame.Importers.Length)
            {
                _stack.Pop();
                _onChain.Remove(frame.Node);
                continue;
            }
            var importer = frame.Importers[frame.Next++];
            if (importer.ExecutedHot.AcceptedDeps.Contains(frame.Node.Url, StringComparer.Ordinal))
            {
                AddBoundary(importer, frame.Node);
                continue;
            }
            if (frame.AcceptedExports is { } accepted && UsesOnlyAccepted(importer, frame.Node, accepted))
            {
                _result.Detail.Add($"{importer.Url} uses only accepted exports of {frame.Node.Url}");
                continue;
            }
            if (_onChain.Contains(importer))
            {
                _result.Detail.Add($"cycle: {frame.Node.Url} -> {importer.Url} is already on the chain");
                continue;
            }
            if (!Enter(importer, false, ref joinedEarlierWalk, start.Url)) return false;
        }
        if (entered && _result.Boundaries.Count == boundariesBefore && !joinedEarlierWalk)
        {
            // Every path closed on itself: the page runs this change (via a root inside the cycle) and nothing
            // accepts it. Vite sends nothing here; the page would keep running stale code.
            _result.DeadEnd = start;
            _result.DeadEndTrigger = start.Url;
            _result.ReloadReason = $"{start.Url} changed; no module accepts it: each of its importers leads back to it (an import cycle), none accepts it";
            return false;
        }
        return true;
    }

    /// <summary>Visits one module (rules 1–4 and 6); false on a dead end.</summary>
    private bool Enter(ModuleNode node, bool ignoreOwnAcceptance, ref bool joinedEarlierWalk, string trigger)
    {
        if (_visitedBy.TryGetValue(node, out var walk))
        {
            if (walk != _walk) joinedEarlierWalk = true;
            return true;
        }
        _visitedBy[node] = _walk;
        if (!node.Executed)
        {
            _result.Detail.Add($"{node.Url}: never executed by the page, stop");
            return true;
        }
        _result.Invalidated.Add(node);
        var hot = ignoreOwnAcceptance ? HotRecord.None : node.ExecutedHot;
        if (hot.AcceptsSelf || node.IsStylesheet)
        {
            AddBoundary(node, node);
            return true;
        }
        var acceptedExports = hot.AcceptedExports;
        if (acceptedExports is not null) AddBoundary(node, node);
        var importers = ExecutedImporters(node);
        if (importers.Length == 0 && acceptedExports is null)
        {
            _result.DeadEnd = node;
            _result.DeadEndTrigger = trigger;
            _result.ReloadReason = ignoreOwnAcceptance
                ? $"{node.Url} invalidated itself and no module imports it: {ChainTo(node)}"
                : $"{trigger} changed; no module accepts it: {ChainTo(node)}";
            _result.Detail.Add($"{node.Url}: dead end");
            return false;
        }
        _onChain.Add(node);
        _stack.Push(new Frame(node, importers, acceptedExports));
        return true;
    }

    /// <summary>The path the walk took from the change up to <paramref name="deadEnd"/>, which the page loads and no
    /// module imports: <c>/js/footer.js &lt;- /js/main.js &lt;- the page</c>. The stack holds that path, top last.</summary>
    private string ChainTo(ModuleNode deadEnd)
    {
        var chain = _stack.Reverse().Select(frame => frame.Node.Url).Append(deadEnd.Url).Append("the page");
        return string.Join(" <- ", chain);
    }

    private void AddBoundary(ModuleNode boundary, ModuleNode acceptedVia)
    {
        _result.Boundaries.Add(new Boundary(boundary, acceptedVia, false));
        _result.Detail.Add(boundary == acceptedVia ? $"{boundary.Url} accepts itself" : $"{boundary.Url} accepts {acceptedVia.Url}");
    }

    /// <summary>Importers the page runs, in URL order so payloads are deterministic.</summary>
    private static ModuleNode[] ExecutedImporters(ModuleNode node)
    {
        if (node.Importers.Count == 0) return [];
        var list = new List<ModuleNode>(node.Importers.Count);
        foreach (var importer in node.Importers)
            if (importer.Executed && importer.Exists) list.Add(importer);
        list.Sort(static (a, b) => string.CompareOrdinal(a.Url, b.Url));
        return [.. list];
    }

    /// <summary>Rule 4: does <paramref name="importer"/> use only bindings of <paramref name="node"/> that it accepts?
    /// A namespace or dynamic import (names null) uses everything; a side-effect import (no names) uses nothing.</summary>
    internal static bool UsesOnlyAccepted(ModuleNode importer, ModuleNode node, IReadOnlyList<string> accepted)
    {
        if (importer.Record is not { } record) return false;
        var found = false;
        foreach (var import in record.Imports)
        {
            if (!string.Equals(import.Url, node.Url, StringComparison.Ordinal) || import.External) continue;
            found = true;
            if (import.Names is null) return false;
            foreach (var name in import.Names)
                if (!accepted.Contains(name, StringComparer.Ordinal)) return false;
        }
        return found;
    }

    /// <summary>A boundary is inside an import cycle when it imports itself back through at least one other module.</summary>
    private void FlagCycles()
    {
        if (_result.NeedsReload) return;
        var memo = new Dictionary<ModuleNode, bool>();
        for (var i = 0; i < _result.Boundaries.Count; i++)
        {
            var b = _result.Boundaries[i];
            if (!memo.TryGetValue(b.Module, out var inCycle))
                memo[b.Module] = inCycle = ReachesItselfUpward(b.Module);
            if (inCycle) _result.Boundaries[i] = b with { IsWithinCircularImport = true };
        }
    }

    private static bool ReachesItselfUpward(ModuleNode module)
    {
        var seen = new HashSet<ModuleNode>();
        var queue = new Queue<ModuleNode>();
        foreach (var importer in module.Importers)
            if (importer != module && seen.Add(importer)) queue.Enqueue(importer);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var importer in node.Importers)
            {
                if (importer == node) continue;
                if (importer == module) return true;
                if (seen.Add(importer)) queue.Enqueue(importer);
            }
        }
        return false;
    }
}
