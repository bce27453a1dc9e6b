using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Hosting;

/// <summary>A private Kestrel server for the warm-up: loopback only, an ephemeral port, for the second or two the
/// warm-up lasts, answering only requests that carry its random key. It runs the same Kestrel, HTTP/1.1 and WebSocket
/// code as the app's server (the JIT recompiles methods, not servers), with none of the app's middleware, options,
/// logging or hosting startups.</summary>
internal sealed class WarmupServer : IAsyncDisposable
{
    private readonly KestrelServer _server;

    private WarmupServer(KestrelServer server, Uri address, string key)
    {
        _server = server;
        Address = address;
        Key = key;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>The query value (<c>?key=…</c>) every request must carry.</summary>
    public string Key { get; }

    public static async Task<WarmupServer> StartAsync(RequestDelegate pipeline, CancellationToken cancellation)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var options = new KestrelServerOptions { ApplicationServices = new ServiceCollection().BuildServiceProvider() };
        options.Listen(IPAddress.Loopback, 0);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        var sockets = new WebSocketMiddleware(pipeline, Options.Create(new Microsoft.AspNetCore.Builder.WebSocketOptions()), NullLoggerFactory.Instance);
        await server.StartAsync(new Application(context =>
            context.Request.Query["key"] == key ? sockets.Invoke(context) : Refuse(context)), cancellation);
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WarmupServer(server, new Uri(address), key);
    }

    private static Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // A connection still open after a second (a scratch tab that failed half-way) is cut, not waited for.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _server.StopAsync(patience.Token);
        _server.Dispose();
    }

    private sealed class Application(RequestDelegate pipeline) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);
        public Task ProcessRequestAsync(HttpContext context) => pipeline(context);
        public void DisposeContext(HttpContext context, Exception? exception) { }
    }
}
