using Hmr.Runtime.Client;
using Hmr.Runtime.Html;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime;

/// <summary>The runtime's own URLs under <c>/_hmr/</c>: the client scripts, the instance id and the served copy of a
/// page (the socket is mapped beside it). Anything else under that prefix is a 404 so it never reaches the app, and so is every one of them asked
/// for under a host name that is not loopback (DNS rebinding: the client script carries the socket's token).</summary>
internal sealed class HmrEndpointsMiddleware(RequestDelegate next, ClientAssets assets, HmrToken token, OriginPolicy originPolicy,
    ServedPages servedPages)
{
    public Task Invoke(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/_hmr", StringComparison.Ordinal)) return next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return NotFound(context);
        if (originPolicy.CheckHost(context.Request) is not null) return NotFound(context);
        if (assets.TryGet(path.Value!, out var file)) return assets.ServeAsync(context, file);
        if (path.Equals("/_hmr/instance", StringComparison.Ordinal)) return InstanceAsync(context);
        if (path.Equals("/_hmr/page", StringComparison.Ordinal)) return ServedPageAsync(context);
        return NotFound(context);
    }

    /// <summary>The markup a page was sent (page-refresh.js asks for it by the id on its preamble tag). Only for the
    /// client: it sends the token, which no other page can read, and the browser marks the request same-origin.</summary>
    private Task ServedPageAsync(HttpContext context)
    {
        var request = context.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (!token.Matches(request.Headers["X-Hmr-Token"].ToString()) || (site.Length > 0 && site != "same-origin")) return NotFound(context);
        if (servedPages.Find(request.Query["id"].ToString()) is not { } page) return NotFound(context);
        context.Response.ContentType = page.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentLength = page.Markup.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(page.Markup, context.RequestAborted).AsTask();
    }

    /// <summary>Lets a disconnected client tell a restarted server (reload) from the same one (reconnect).</summary>
    private Task InstanceAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(token.InstanceId);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
