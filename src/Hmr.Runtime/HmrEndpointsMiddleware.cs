using Hmr.Runtime.Client;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime;

/// <summary>The runtime's own URLs under <c>/_hmr/</c>: the client scripts and the socket. Anything else under
/// that prefix is a 404 so it never reaches the app.</summary>
internal sealed class HmrEndpointsMiddleware(RequestDelegate next, ClientAssets assets, HmrWebSocketEndpoint socket)
{
    public Task Invoke(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/_hmr", StringComparison.Ordinal)) return next(context);
        if (path.Equals(HmrWebSocketEndpoint.Path, StringComparison.Ordinal)) return socket.HandleAsync(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return NotFound(context);
        if (assets.TryGet(path.Value!, out var content)) return assets.ServeAsync(context, content);
        return NotFound(context);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
