using System.Diagnostics;
using Hmr.Core.Protocol;

namespace Hmr.Core.Engine;

// From a propagation to the messages pages receive, with timestamps and preload lists; and client invalidations.
public sealed partial class HmrEngine
{
    private EngineOutcome BuildOutcome(BatchState batch, List<string> pruned, Stopwatch watch)
    {
        var changed = batch.Changed.Where(n => (n.Exists || n.IsDeletedButRunning) && _graph.Find(n.Url) == n);
        var propagation = Propagator.Run(changed);
        batch.Detail.AddRange(propagation.Detail);
        var messages = new List<HmrMessage>();
        string? reloadReason = null;
        if (propagation.NeedsReload)
        {
            reloadReason = propagation.ReloadReason;
            messages.Add(new FullReloadMessage("*", propagation.DeadEndTrigger, reloadReason));
            return Finish(batch.ChangedUrls, [], reloadReason, batch.Detail, messages, watch);
        }
        if (propagation.Boundaries.Count > 0 || batch.Stylesheets.Count > 0)
            messages.Add(StampUpdate(propagation, batch.Stylesheets, firstInvalidatedBy: null, keepEpoch: null));
        foreach (var page in batch.Pages) messages.Add(new FullReloadMessage(page, page, $"{page} changed; a page reloads when it is edited"));
        if (batch.Pages.Count > 0) reloadReason = $"page edited: {string.Join(", ", batch.Pages)}";
        if (pruned.Count > 0) messages.Add(new PruneMessage(pruned));
        foreach (var error in batch.Errors) messages.Add(new ErrorMessage(error));
        return Finish(batch.ChangedUrls, propagation.Boundaries, reloadReason, batch.Detail, messages, watch);
    }

    /// <summary>One payload, one fresh timestamp: every invalidated module is stamped with it so modules served from
    /// now on import it with <c>?t=</c>, and each update lists the stamped URLs its re-import will fetch.</summary>
    private UpdateMessage StampUpdate(Propagation propagation, List<ModuleNode> stylesheets, string? firstInvalidatedBy, ModuleNode? keepEpoch)
    {
        var timestamp = _clock.Next();
        var invalidated = new HashSet<ModuleNode>(propagation.Invalidated);
        foreach (var node in propagation.Invalidated)
        {
            node.LastUpdateTimestamp = timestamp;
            if (node != keepEpoch) node.InvalidationEpoch = timestamp;
            _snapshot.Touch(node);
        }
        var updates = new List<ModuleUpdate>(propagation.Boundaries.Count + stylesheets.Count);
        foreach (var boundary in propagation.Boundaries)
        {
            boundary.AcceptedVia.LastReimportTimestamp = timestamp;
            if (boundary.Module != keepEpoch) boundary.Module.InvalidationEpoch = timestamp;
            updates.Add(new ModuleUpdate(UpdateType.JsUpdate, timestamp, boundary.Module.Url, boundary.AcceptedVia.Url,
                boundary.IsWithinCircularImport, firstInvalidatedBy, Preload(boundary.AcceptedVia, invalidated, timestamp)));
        }
        foreach (var sheet in stylesheets)
        {
            sheet.LastUpdateTimestamp = timestamp;
            _snapshot.Touch(sheet);
            updates.Add(new ModuleUpdate(UpdateType.CssUpdate, timestamp, sheet.Url, sheet.Url, false, null, []));
        }
        return new UpdateMessage(updates);
    }

    /// <summary>The stamped URLs the client's <c>import(accepted?t=N)</c> will fetch: the accepted module and every
    /// module of this update it reaches through static imports of other re-fetched modules. Unchanged modules come from
    /// the browser's cache and stop the walk; dynamic imports are not fetched by the import itself.</summary>
    private List<string> Preload(ModuleNode accepted, HashSet<ModuleNode> invalidated, long timestamp)
    {
        var result = new List<string>();
        if (!invalidated.Contains(accepted)) return result;
        var seen = new HashSet<ModuleNode> { accepted };
        var queue = new Queue<ModuleNode>();
        queue.Enqueue(accepted);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            result.Add($"{node.Url}?t={timestamp}");
            if (node.Record is not { } record) continue;
            foreach (var import in record.Imports)
            {
                if (import.Url is null || import.External || import.Kind == "dynamic") continue;
                if (_graph.Find(import.Url) is { } target && invalidated.Contains(target) && seen.Add(target)) queue.Enqueue(target);
            }
        }
        return result;
    }

    private EngineOutcome InvalidateLocked(string url, string? firstInvalidatedBy, string? message)
    {
        var watch = Stopwatch.StartNew();
        var detail = new List<string>();
        if (message is not null) detail.Add($"{url} invalidated: {message}");
        var node = _graph.Find(url);
        if (node is not { Exists: true, Executed: true })
        {
            detail.Add($"{url}: not a module the page runs, invalidation ignored");
            return Finish([url], [], null, detail, [], watch);
        }
        // Every tab that ran the same update sends the same invalidation; the first one decides for all.
        if (node.HandledInvalidationEpoch == node.InvalidationEpoch)
        {
            detail.Add($"{url}: invalidation for this update already handled");
            return Finish([url], [], null, detail, [], watch);
        }
        node.HandledInvalidationEpoch = node.InvalidationEpoch;
        var first = firstInvalidatedBy ?? url;
        var propagation = Propagator.Run([node], ignoreOwnAcceptance: node);
        detail.AddRange(propagation.Detail);
        var messages = new List<HmrMessage>();
        if (!propagation.NeedsReload && propagation.Boundaries.Any(b => ComesBackTo(first, url, b)))
        {
            propagation.DeadEnd = node;
            propagation.ReloadReason = $"invalidation of {url} came back to {first}, which first invalidated";
        }
        if (propagation.NeedsReload)
        {
            messages.Add(new FullReloadMessage("*", url, propagation.ReloadReason));
            return Finish([url], [], propagation.ReloadReason, detail, messages, watch);
        }
        // A self-accepting module that gave up already runs its new version (the client imported it with the last
        // stamp); importers re-run and import that same instance. Any other invalidator must be fetched anew.
        if (node.LastReimportTimestamp > 0 && node.LastReimportTimestamp == node.LastUpdateTimestamp)
            propagation.Invalidated.Remove(node);
        if (propagation.Boundaries.Count > 0)
            messages.Add(StampUpdate(propagation, [], first, keepEpoch: node));
        _snapshot.Publish(_graph);
        return Finish([url], propagation.Boundaries, null, detail, messages, watch);
    }

    /// <summary>The invalidate loop guard: a boundary that would run the first invalidator's accept callback again.
    /// On the first invalidation an importer accepting the invalidator as a dep is the expected way out, not a loop
    /// (the invalidator is re-imported, its own callback does not run); on a later one in the chain, re-importing the
    /// first invalidator means the walk went round a cycle back to it.</summary>
    private static bool ComesBackTo(string first, string invalidator, Boundary boundary) =>
        boundary.Module.Url == first || (boundary.AcceptedVia.Url == first && invalidator != first);

    private static EngineOutcome Finish(IReadOnlyList<string> changedUrls, List<Boundary> boundaries, string? reloadReason,
        List<string> detail, List<HmrMessage> messages, Stopwatch watch) =>
        new(messages, new UpdateTrace(
            changedUrls,
            [.. boundaries.Select(b => (b.Module.Url, b.AcceptedVia.Url))],
            reloadReason,
            watch.Elapsed,
            detail));
}
