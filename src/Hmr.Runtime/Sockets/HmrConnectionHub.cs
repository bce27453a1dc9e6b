using System.Collections.Concurrent;

namespace Hmr.Runtime.Sockets;

/// <summary>All open browser sockets, and how many page-affecting messages (update, full-reload, prune, error) this
/// server instance has broadcast: a tab that reconnects compares it with what it received to tell a blip that lost
/// nothing (resume) from one that lost an update (reload).</summary>
internal sealed class HmrConnectionHub
{
    private readonly ConcurrentDictionary<HmrConnection, byte> _connections = new();
    // Greeting a new socket and broadcasting are ordered by this lock, so the count a greeting carries is exactly
    // the number of counted messages sent before it, and every later one reaches the new socket.
    private readonly Lock _order = new();
    private long _pageMessages;

    public int Count => _connections.Count;

    /// <summary>Update, full-reload, prune and error messages broadcast so far.</summary>
    public long PageMessageCount
    {
        get { lock (_order) return _pageMessages; }
    }

    /// <summary>Queues <paramref name="greeting"/> (given the current message count) as the socket's first frame.</summary>
    public int Add(HmrConnection connection, Func<long, string> greeting)
    {
        lock (_order)
        {
            connection.Enqueue(greeting(_pageMessages));
            _connections[connection] = 0;
            return _connections.Count;
        }
    }

    public int Remove(HmrConnection connection)
    {
        _connections.TryRemove(connection, out _);
        connection.Complete();
        return _connections.Count;
    }

    /// <param name="frame">The JSON text.</param>
    /// <param name="affectsPages">True for update, full-reload, prune and error; false for custom events, which a
    /// disconnected tab may miss without running stale code.</param>
    public void Broadcast(string frame, bool affectsPages)
    {
        lock (_order)
        {
            if (affectsPages) _pageMessages++;
            foreach (var connection in _connections.Keys) connection.Enqueue(frame);
        }
    }
}
