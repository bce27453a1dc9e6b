using Hmr.Runtime.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hmr.Runtime.Html;

/// <summary>Lets the browser keep dotnet watch's refresh script (<c>/_framework/aspnetcore-browser-refresh.js</c>) and
/// revalidate it by ETag, where dotnet watch sends it <c>no-store</c>. Its text is fixed for the whole dotnet watch
/// session (the socket's address and key), and the page runs it as a classic script at the end of its body, so until it
/// arrives and is compiled no module of the page runs: on every reload, 14 KB sent and compiled again for nothing.</summary>
internal sealed class WatchScriptCachingMiddleware(RequestDelegate next)
{
    public const string ScriptPath = "/_framework/aspnetcore-browser-refresh.js";

    public async Task Invoke(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != ScriptPath)
        {
            await next(context);
            return;
        }
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length > 0)
        {
            response.Headers.CacheControl = EntityTags.PrivateRevalidated;
            if (EntityTags.AnsweredNotModified(context, EntityTags.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))))
            {
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original.Stream, context.RequestAborted);
    }
}
