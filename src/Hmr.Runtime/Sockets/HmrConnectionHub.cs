using System.Collections.Concurrent;

namespace Hmr.Runtime.Sockets;

/// <summary>All open browser sockets.</summary>
internal sealed class HmrConnectionHub
{
    private readonly ConcurrentDictionary<HmrConnection, byte> _connections = new();
    private long _broadcasts;

    /// <summary>How many frames have been broadcast so far: a client that reconnects to this instance compares it with
    /// what it received, and reloads when it missed some (an update sent while it was disconnected).</summary>
    public long Broadcasts => Interlocked.Read(ref _broadcasts);

    public int Count => _connections.Count;

    public int Add(HmrConnection connection)
    {
        _connections[connection] = 0;
        return _connections.Count;
    }

    public int Remove(HmrConnection connection)
    {
        _connections.TryRemove(connection, out _);
        connection.Complete();
        return _connections.Count;
    }

    public void Broadcast(string frame)
    {
        Interlocked.Increment(ref _broadcasts);
        foreach (var connection in _connections.Keys) connection.Enqueue(frame);
    }
}
