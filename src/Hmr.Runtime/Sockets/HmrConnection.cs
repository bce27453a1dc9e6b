using System.Net.WebSockets;
using System.Text;

namespace Hmr.Runtime.Sockets;

/// <summary>One browser tab's socket: frames go out one at a time, in the order they were queued. The thread that finds
/// the socket idle sends at once, so a broadcast reaches the wire without waiting for another thread to wake up; a send
/// that cannot finish at once leaves the rest of the queue to its own continuation, so a slow tab never holds up the
/// others.</summary>
internal sealed class HmrConnection(WebSocket socket)
{
    // A tab that stopped reading must not grow the server: beyond this many unsent frames the oldest are dropped (the
    // tab notices the gap in the message count when it reconnects, and reloads).
    private const int MaxQueuedFrames = 1024;

    private readonly Lock _gate = new();
    private readonly Queue<string> _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _cancellation;
    private CancellationTokenRegistration _cancelled;
    private bool _running;
    private bool _sending;
    private bool _completing;

    public WebSocket Socket { get; } = socket;

    /// <summary>Queues a frame; false once the connection is completing or stopped.</summary>
    public bool Enqueue(string frame)
    {
        bool drain;
        lock (_gate)
        {
            if (_completing || _stopped.Task.IsCompleted) return false;
            if (_queue.Count == MaxQueuedFrames) _queue.Dequeue();
            _queue.Enqueue(frame);
            drain = ClaimDrain();
        }
        if (drain) _ = DrainAsync();
        return true;
    }

    /// <summary>No more frames: the writer stops once what is queued is sent.</summary>
    public void Complete()
    {
        bool drain;
        lock (_gate)
        {
            _completing = true;
            drain = ClaimDrain();
        }
        if (drain) _ = DrainAsync();
    }

    /// <summary>Lets queued frames go out; the task ends when the queue is completed and sent, the socket closes or
    /// fails, or <paramref name="cancellation"/> fires (frames still queued are then dropped: the tab is gone).</summary>
    public Task RunWriterAsync(CancellationToken cancellation)
    {
        bool drain;
        lock (_gate)
        {
            _cancellation = cancellation;
            _running = true;
            _cancelled = cancellation.Register(static self => ((HmrConnection)self!).Stop(), this);
            drain = ClaimDrain();
        }
        if (drain) _ = DrainAsync();
        return _stopped.Task;
    }

    /// <summary>Under the gate: true when the caller is to start sending (one sender at a time).</summary>
    private bool ClaimDrain()
    {
        if (_sending || !_running || _stopped.Task.IsCompleted) return false;
        if (_queue.Count == 0)
        {
            if (_completing) Stop();
            return false;
        }
        _sending = true;
        return true;
    }

    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                string frame;
                lock (_gate)
                {
                    var open = Socket.State == WebSocketState.Open;
                    if (_stopped.Task.IsCompleted || _queue.Count == 0 || !open)
                    {
                        _sending = false;
                        if (!open || (_completing && _queue.Count == 0)) Stop();
                        return;
                    }
                    frame = _queue.Dequeue();
                }
                await Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, _cancellation);
            }
        }
        catch (Exception)
        {
            // Whatever ended the send (the tab went away, the app is stopping), this tab's writer is done; the reader
            // side cleans up, and the tab reconnects if it is still there.
            lock (_gate) _sending = false;
            Stop();
        }
    }

    private void Stop()
    {
        if (!_stopped.TrySetResult()) return;
        CancellationTokenRegistration cancelled;
        lock (_gate) cancelled = _cancelled; // the gate is reentrant: callers may hold it
        // Unregister, not Dispose: this may run inside the cancellation callback itself.
        cancelled.Unregister();
    }
}
