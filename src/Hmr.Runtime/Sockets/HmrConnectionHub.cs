using System.Collections.Concurrent;

namespace Hmr.Runtime.Sockets;

/// <summary>All open browser sockets.</summary>
internal sealed class HmrConnectionHub
{
    private readonly ConcurrentDictionary<HmrConnection, byte> _connections = new();

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
        foreach (var connection in _connections.Keys) connection.Enqueue(frame);
    }
}
