using Hmr.Runtime.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Dependencies;

/// <summary>In a published app: merges the dependency bundles' entries into each HTML page's import map (or adds one
/// before the first module script), with the same merge the dev server uses (<see cref="ImportMapAddition"/>), and
/// nothing else: no preamble, no socket. A page is read uncompressed so it can be merged into. The bundles under
/// <c>/_deps/</c> are served by the app's static files, with <c>Cache-Control: immutable</c> added here.</summary>
internal sealed class PublishedImportMapMiddleware(RequestDelegate next, PublishedImportMap map, ILogger<PublishedImportMapMiddleware> logger)
{
    private static readonly PathString BundlesPath = "/_deps";

    public async Task Invoke(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(BundlesPath))
        {
            // Bundle names carry their content hash: a browser never needs to ask again, whatever serves the file.
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                    context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Task.CompletedTask;
            });
            await next(context);
            return;
        }
        if (!HtmlInjectionMiddleware.IsDocumentRequest(context.Request)) { await next(context); return; }
        HtmlInjectionMiddleware.PrepareRequest(context.Request);
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var merging = new InjectingBodyFeature(original, context.Response, snippet: "", map.Addition);
        context.Features.Set<IHttpResponseBodyFeature>(merging);
        try
        {
            await next(context);
            await merging.CompleteAsync();
            if (merging.ImportMapOutcome is { } outcome && outcome is not ("merged" or "inserted"))
                logger.ImportMapNotMerged(context.Request.Path.Value ?? "/", outcome);
        }
        finally
        {
            context.Features.Set(original);
        }
    }
}
