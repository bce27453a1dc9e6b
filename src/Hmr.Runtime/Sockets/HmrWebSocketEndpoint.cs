using System.Net.WebSockets;
using System.Text;
using Hmr.Runtime.Hosting;
using Hmr.Core.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Sockets;

/// <summary><c>/_hmr/ws?token=…</c>: the browser side of the protocol. Checks the token, the Origin and the Host
/// before accepting; then sends <c>connected</c>, relays broadcasts and handles what the client sends.</summary>
internal sealed class HmrWebSocketEndpoint(
    HmrToken token,
    HmrConnectionHub hub,
    HmrServer server,
    OriginPolicy originPolicy,
    HmrEngineHolder engine,
    Dependencies.DependencyManifestSource dependencies,
    HmrWebRoot webRoot,
    IOptions<HmrOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<HmrWebSocketEndpoint> logger)
{
    public const string Path = "/_hmr/ws";
    private const int MaxMessageBytes = 1 << 20;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest) { await Refuse(context, StatusCodes.Status400BadRequest, "not a WebSocket request"); return; }
        if (!token.Matches(context.Request.Query["token"].ToString())) { await Refuse(context, StatusCodes.Status403Forbidden, "missing or wrong token"); return; }
        if (originPolicy.Check(context.Request) is { } problem) { await Refuse(context, StatusCodes.Status403Forbidden, problem); return; }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(Math.Max(1, options.Value.KeepAliveSeconds)),
        });
        await RunAsync(socket, context.RequestAborted);
    }

    private async Task RunAsync(WebSocket socket, CancellationToken aborted)
    {
        var connection = new HmrConnection(socket);
        // connected carries this server's instance id and the count of messages broadcast so far (docs/runtime.md).
        logger.SocketConnected(hub.Add(connection, count => HmrMessageJson.Serialize(new ConnectedMessage(token.InstanceId, count))));
        if (StandingDependencyError() is { } standing) connection.Enqueue(HmrMessageJson.Serialize(standing));
        // Sockets end with the app, so a restart under dotnet watch does not wait out the shutdown timeout.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        var writer = connection.RunWriterAsync(stop.Token);
        try
        {
            while (await ReceiveTextAsync(socket, stop.Token) is { } text) await HandleClientMessageAsync(text);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        finally
        {
            logger.SocketClosed(hub.Remove(connection));
            stop.Cancel();
            await writer;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
                catch (WebSocketException) { }
            }
        }
    }

    /// <summary>A page that loads while a dependency it may import failed to bundle would otherwise fail on the import
    /// with no overlay (the failure's message went out before it connected): it gets the first failure, at the app's
    /// import of the package, as the failing run's pages did (docs/dependencies.md, "While the app runs").</summary>
    private ErrorMessage? StandingDependencyError()
    {
        foreach (var failure in dependencies.Current.Failures)
            foreach (var diagnostic in failure.Diagnostics)
            {
                if (webRoot.UrlOfProjectFile(diagnostic.File) is not { } url) continue;
                return new ErrorMessage(HmrError.AtImport(url, diagnostic.Code, diagnostic.Message, diagnostic.Line, diagnostic.Column)) { Replayed = true };
            }
        return null;
    }

    private async Task HandleClientMessageAsync(string text)
    {
        switch (HmrMessageJson.ParseClientMessage(text))
        {
            case ClientInvalidate invalidate:
                logger.Invalidated(invalidate.Path, invalidate.Message ?? "");
                if (engine.Engine is { } live)
                {
                    var outcome = live.Invalidate(invalidate.Path, invalidate.FirstInvalidatedBy, invalidate.Message);
                    logger.LogOutcome(outcome.Trace, await server.PublishAsync([], outcome.Messages), options.Value.MorphMarkup);
                }
                break;
            case ClientCustomEvent custom:
                await server.DispatchClientEventAsync(new HmrClientEvent(custom.Event, custom.Data));
                break;
            default:
                break; // pings and anything unknown are tolerated
        }
    }

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken cancellation)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes) return null;
            if (result.EndOfMessage) break;
        }
        return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
    }

    private Task Refuse(HttpContext context, int status, string reason)
    {
        logger.SocketRefused(reason);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
