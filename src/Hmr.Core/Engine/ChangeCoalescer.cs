using System.Diagnostics;

namespace Hmr.Core.Engine;

/// <summary>Turns raw watcher events into settled batches: events for one file are merged, and batches run one at a
/// time, in order, on one worker thread. A save after a quiet spell is taken as soon as its events pause for a moment
/// (an editor's truncate-then-write or write-temp-then-rename arrives as events a fraction of a millisecond apart), at
/// most after the first look; a first look that finds several files pending has met a multi-file change (a branch
/// switch) and waits for quiet like one. While changes keep coming (an event within the settle window of the last
/// batch: a formatter, a branch switch, a save storm), a batch is taken only after the window passes with no new
/// event. A file that still looks mid-write when taken (empty, unreadable, not parsable, vanished) is deferred until
/// its next event or one window, whichever comes first.</summary>
internal sealed class ChangeCoalescer : IDisposable
{
    /// <summary>Processes a batch; files it cannot judge yet (possibly mid-write) go to the list and are retried once.</summary>
    public delegate EngineOutcome BatchProcessor(IReadOnlyCollection<FileChange> batch, IReadOnlySet<string> mayDefer, List<string> deferred);

    // The OS wakes a sleeping thread in steps of about a millisecond, too coarse for a first look of a fraction of one:
    // the last stretch before a deadline this close is waited out by yielding instead.
    private static readonly TimeSpan YieldBelow = TimeSpan.FromMilliseconds(2);

    private readonly long _window;
    private readonly long _firstLook;
    private readonly long _saveGap;
    private readonly BatchProcessor _process;
    private readonly Action<EngineOutcome> _raise;
    // A plain object: the worker waits on it with Monitor.Wait, which System.Threading.Lock does not offer.
    private readonly object _gate = new();
    private readonly Dictionary<string, FileChange> _pending = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    // Files deferred once already: the next look accepts what is on disk.
    private readonly HashSet<string> _deferredOnce = new(StringComparer.Ordinal);
    private Thread? _worker;
    // Stopwatch timestamps; 0 = not set.
    private long _due;
    private long _firstEventAt;
    private long _lastBatchTaken;
    private bool _inFirstLook;
    private bool _disposed;

    /// <param name="window">Settle window: quiet needed while changes keep coming, and the wait for a mid-write file.</param>
    /// <param name="firstLook">The longest a lone save after a quiet spell waits for the rest of its events.</param>
    /// <param name="saveGap">A lone save is taken once its events pause this long.</param>
    /// <param name="process">Runs a batch (on the worker thread).</param>
    /// <param name="raise">Receives each batch's outcome.</param>
    public ChangeCoalescer(TimeSpan window, TimeSpan firstLook, TimeSpan saveGap, BatchProcessor process, Action<EngineOutcome> raise)
    {
        _window = Ticks(window);
        _firstLook = Math.Min(Ticks(firstLook), _window);
        _saveGap = Math.Min(Ticks(saveGap), _firstLook);
        _process = process;
        _raise = raise;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public void Post(FileChange change)
    {
        lock (_gate)
        {
            if (_disposed) return;
            var path = Path.GetFullPath(change.FullPath);
            if (_pending.TryAdd(path, change with { FullPath = path })) _order.Add(path);
            else _pending[path] = change with { FullPath = path };
            // A file written again is a new write: it may be deferred again.
            _deferredOnce.Remove(path);
            var now = Stopwatch.GetTimestamp();
            var changesKeepComing = _lastBatchTaken != 0 && now - _lastBatchTaken < _window;
            if (changesKeepComing)
            {
                _inFirstLook = false;
                _due = now + _window;
            }
            else
            {
                if (!_inFirstLook) { _inFirstLook = true; _firstEventAt = now; }
                _due = Math.Min(now + _saveGap, _firstEventAt + _firstLook);
            }
            if (_worker is null)
            {
                // Started on the first event: most engines in tests and tools never get one.
                _worker = new Thread(Run) { IsBackground = true, Name = "Hmr change coalescer" };
                _worker.Start();
            }
            Monitor.Pulse(_gate);
        }
    }

    private void Run()
    {
        while (TakeWhenDue() is { } taken) ProcessTaken(taken.Batch, taken.MayDefer, taken.At);
    }

    /// <summary>Blocks until a batch is due and takes it; null once disposed.</summary>
    private (List<FileChange> Batch, HashSet<string> MayDefer, long At)? TakeWhenDue()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_disposed) return null;
                if (_due == 0) { Monitor.Wait(_gate); continue; }
                var now = Stopwatch.GetTimestamp();
                var remaining = Stopwatch.GetElapsedTime(now, _due);
                if (remaining > YieldBelow) { Monitor.Wait(_gate, remaining - YieldBelow / 2); continue; }
                if (remaining <= TimeSpan.Zero)
                {
                    if (_inFirstLook && _pending.Count > 1)
                    {
                        // Not one save but several files: a branch switch or a tool writing many; one batch when quiet.
                        _inFirstLook = false;
                        _due = now + _window;
                        continue;
                    }
                    _inFirstLook = false;
                    _due = 0;
                    List<FileChange> batch = [.. _order.Select(p => _pending[p])];
                    HashSet<string> mayDefer = [.. _order.Where(p => !_deferredOnce.Contains(p))];
                    _pending.Clear();
                    _order.Clear();
                    return (batch, mayDefer, now);
                }
            }
            Thread.Yield();
        }
    }

    private void ProcessTaken(List<FileChange> batch, HashSet<string> mayDefer, long takenAt)
    {
        var deferred = new List<string>();
        EngineOutcome outcome;
        try
        {
            outcome = _process(batch, mayDefer, deferred);
        }
        catch (Exception e)
        {
            // Never let one bad batch kill the worker, and never hide it: the host logs the exception, the pages show it.
            outcome = BatchFailure.Outcome(batch, e);
        }
        lock (_gate)
        {
            if (_disposed) return;
            // A look that only deferred took nothing: the deferred file's next event gets a first look, not a window.
            if (deferred.Count < batch.Count) _lastBatchTaken = takenAt;
            foreach (var change in batch)
                if (!deferred.Contains(change.FullPath)) _deferredOnce.Remove(change.FullPath);
            foreach (var path in deferred)
            {
                if (_pending.ContainsKey(path)) continue; // written again meanwhile: that event decides
                _pending[path] = new FileChange(path, FileChangeKind.Changed);
                _order.Add(path);
                _deferredOnce.Add(path);
                var retryAt = Stopwatch.GetTimestamp() + _window;
                _due = _due == 0 ? retryAt : Math.Min(_due, retryAt);
            }
        }
        if (outcome.Messages.Count > 0 || outcome.Trace.ChangedUrls.Count > 0 || outcome.Trace.Detail.Count > 0) _raise(outcome);
    }

    /// <summary>Drops pending events and ignores later ones. A batch already being processed finishes (its outcome may
    /// still be raised); nothing else is.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
