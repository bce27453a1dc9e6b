using System.Diagnostics;

namespace Hmr.Core.Engine;

/// <summary>Turns raw watcher events into settled batches: events for one file are merged, and batches run one at a
/// time, in order. A save after a quiet spell is taken after a short first look (an editor's atomic save, write temp
/// then rename, or truncate then write, arrives as events microseconds apart), so a single edit reaches the page
/// without waiting out the settle window; a first look that finds several files pending has met a multi-file change (a
/// branch switch) and waits for quiet like one. While changes keep coming (an event within the settle window of the last
/// batch: a formatter, a branch switch, a save storm), a batch is taken only after the window passes with no new
/// event. A file that still looks mid-write when taken (empty, unreadable, not parsable, vanished) is deferred one
/// window.</summary>
internal sealed class ChangeCoalescer : IDisposable
{
    /// <summary>Processes a batch; files it cannot judge yet (possibly mid-write) go to the list and are retried once.</summary>
    public delegate EngineOutcome BatchProcessor(IReadOnlyCollection<FileChange> batch, IReadOnlySet<string> mayDefer, List<string> deferred);

    private readonly TimeSpan _window;
    private readonly TimeSpan _firstLook;
    private long _lastBatchTaken;
    private bool _firstLookArmed;
    private readonly BatchProcessor _process;
    private readonly Action<EngineOutcome> _raise;
    private readonly Lock _pendingGate = new();
    private readonly Lock _flushGate = new();
    private readonly Dictionary<string, FileChange> _pending = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    // Files deferred once already: the next look accepts what is on disk.
    private readonly HashSet<string> _deferredOnce = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private bool _disposed;

    public ChangeCoalescer(TimeSpan window, TimeSpan firstLook, BatchProcessor process, Action<EngineOutcome> raise)
    {
        _window = window;
        _firstLook = firstLook < window ? firstLook : window;
        _process = process;
        _raise = raise;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public void Post(FileChange change)
    {
        lock (_pendingGate)
        {
            if (_disposed) return;
            var path = Path.GetFullPath(change.FullPath);
            if (_pending.TryAdd(path, change with { FullPath = path })) _order.Add(path);
            else _pending[path] = change with { FullPath = path };
            // A file written again is a new write: it may be deferred again.
            _deferredOnce.Remove(path);
            var changesKeepComing = _lastBatchTaken != 0 && Stopwatch.GetElapsedTime(_lastBatchTaken) < _window;
            _firstLookArmed = !changesKeepComing;
            _timer.Change(changesKeepComing ? _window : _firstLook, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        lock (_flushGate)
        {
            List<FileChange> batch;
            HashSet<string> mayDefer;
            lock (_pendingGate)
            {
                if (_disposed || _pending.Count == 0) return;
                if (_firstLookArmed && _pending.Count > 1)
                {
                    // Not one save but several files: a branch switch or a tool writing many; one batch when quiet.
                    _firstLookArmed = false;
                    _timer.Change(_window, Timeout.InfiniteTimeSpan);
                    return;
                }
                _firstLookArmed = false;
                batch = [.. _order.Select(p => _pending[p])];
                mayDefer = [.. _order.Where(p => !_deferredOnce.Contains(p))];
                _pending.Clear();
                _order.Clear();
                _lastBatchTaken = Stopwatch.GetTimestamp();
            }
            var deferred = new List<string>();
            EngineOutcome outcome;
            try
            {
                outcome = _process(batch, mayDefer, deferred);
            }
            catch (Exception e)
            {
                // Never let one bad batch kill the watcher thread; the host sees it as a trace.
                outcome = new EngineOutcome([], UpdateTrace.Empty with { ReloadReason = null, Detail = [$"batch failed: {e}"] });
            }
            lock (_pendingGate)
            {
                foreach (var change in batch)
                    if (!deferred.Contains(change.FullPath)) _deferredOnce.Remove(change.FullPath);
                foreach (var path in deferred)
                {
                    if (_pending.ContainsKey(path)) continue; // written again meanwhile: that event decides
                    _pending[path] = new FileChange(path, FileChangeKind.Changed);
                    _order.Add(path);
                    _deferredOnce.Add(path);
                }
                if (deferred.Count > 0 && !_disposed) _timer.Change(_window, Timeout.InfiniteTimeSpan);
            }
            if (outcome.Messages.Count > 0 || outcome.Trace.ChangedUrls.Count > 0 || outcome.Trace.Detail.Count > 0) _raise(outcome);
        }
    }

    public void Dispose()
    {
        lock (_pendingGate)
        {
            if (_disposed) return;
            _disposed = true;
            _timer.Dispose();
        }
    }
}
