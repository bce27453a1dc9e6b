using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Hmr.Runtime.Tests.Infrastructure;

/// <summary>A browser tab's socket, for tests.</summary>
internal sealed class SocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public static async Task<SocketClient> ConnectAsync(TestApp app, string? origin = null)
    {
        var token = ((Hmr.Runtime.Sockets.HmrToken)app.App.Services.GetService(typeof(Hmr.Runtime.Sockets.HmrToken))!).Value;
        var client = new SocketClient();
        if (origin is not null) client._socket.Options.SetRequestHeader("Origin", origin);
        await client._socket.ConnectAsync(new Uri($"ws://{app.Address.Authority}/_hmr/ws?token={token}"), CancellationToken.None);
        return client;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancel.Token);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    /// <summary>Skips messages until one of the given type arrives.</summary>
    public async Task<JsonElement> ReceiveTypeAsync(string type)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("type").GetString() == type) return message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
        catch (WebSocketException) { }
        _socket.Dispose();
    }
}
