using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>A TCP relay on 127.0.0.1 in front of a web app, whose connections the test can cut abruptly (RST):
/// a network drop while the server itself keeps running.</summary>
public sealed class TcpProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly ConcurrentDictionary<Socket, byte> sockets = new();
    private readonly CancellationTokenSource stop = new();
    private volatile TaskCompletionSource heldSockets = Released();

    public TcpProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Resets every relayed connection; new ones are still accepted.</summary>
    public void DropAll()
    {
        foreach (var socket in sockets.Keys) Reset(socket);
    }

    /// <summary>From now on, new connections that open the HMR WebSocket (<c>GET /_hmr/ws</c>) are held before they
    /// reach the server, so that the page's socket stays CONNECTING until <see cref="ReleaseHmrSockets"/>.</summary>
    public void HoldHmrSockets() => heldSockets = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held HMR WebSocket connections (and later ones) through.</summary>
    public void ReleaseHmrSockets() => heldSockets.TrySetResult();

    private static TaskCompletionSource Released()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await listener.AcceptSocketAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        sockets[client] = 0;
        sockets[server] = 0;
        try
        {
            // The request's first bytes tell an HMR WebSocket handshake from other requests.
            var first = new byte[16 * 1024];
            var read = await client.ReceiveAsync(first, SocketFlags.None, stop.Token);
            if (read == 0) return;
            if (System.Text.Encoding.ASCII.GetString(first, 0, read).StartsWith("GET /_hmr/ws", StringComparison.Ordinal))
                await heldSockets.Task.WaitAsync(stop.Token);
            await server.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
            await server.SendAsync(first.AsMemory(0, read), SocketFlags.None, stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                if (read == 0) { to.Shutdown(SocketShutdown.Send); return; }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    private void Reset(Socket socket)
    {
        if (!sockets.TryRemove(socket, out _)) return;
        try { socket.LingerState = new LingerOption(true, 0); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        socket.Dispose();
    }

    public void Dispose()
    {
        stop.Cancel();
        heldSockets.TrySetResult();
        listener.Stop();
        DropAll();
        stop.Dispose();
    }
}
