using Hmr.Runtime.Dependencies;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hmr.Runtime.Html;

/// <summary>Adds the HMR preamble to every HTML document the app sends (static pages, Razor Pages, MVC, minimal
/// APIs), while streaming: the response body feature is wrapped and the tag goes right after <c>&lt;head&gt;</c>. When the
/// app has dependency bundles, their import map entries go into the page's import map too (docs/runtime.md).
/// <para>With <see cref="HmrOptions.MorphMarkup"/>, a copy of each page goes to <see cref="ServedPages"/> under an id
/// its preamble tag carries: the base of the page's first morph. The page's own refetches for a morph
/// (<see cref="RefreshHeader"/>) get the same treatment, so both copies compare alike, but are not kept.</para></summary>
internal sealed class HtmlInjectionMiddleware(RequestDelegate next, Client.ClientAssets client, HmrConnectionHub hub, DependencyManifestSource dependencies,
    Hosting.HmrEngineHolder engines, ServedPages servedPages, IOptions<HmrOptions> options, ILogger<HtmlInjectionMiddleware> logger)
{
    public const string PreambleUrl = "/_hmr/preamble.js";

    /// <summary>Sent by page-refresh.js when it fetches the page it shows again.</summary>
    public const string RefreshHeader = "X-Hmr-Refresh";

    public async Task Invoke(HttpContext context)
    {
        if (!IsDocumentRequest(context.Request)) { await next(context); return; }
        PrepareRequest(context.Request);

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var keepCopy = options.Value.MorphMarkup && !IsRefresh(context.Request);
        var pageId = keepCopy ? ServedPages.NewId() : null;
        var snippet = PreambleTag(pageId);
        var served = dependencies.Current;
        var imports = served.Imports;
        var importMap = imports.Count > 0 ? new ImportMapAddition(imports) : null;
        var pagePath = context.Request.Path.Value ?? "/";
        var injecting = new InjectingBodyFeature(original, context.Response, snippet, importMap,
            engines.Engine is { } engine
                ? body => new ModuleScriptStampingStream(body, pagePath, engine.GetModule, served.FilesByUrl.Count == 0 ? null
                    : new ModulePreloads(engine, served, () => ContentSecurityPolicyNonce.Find(context.Response.Headers)))
                : null,
            capture: keepCopy);
        context.Features.Set<IHttpResponseBodyFeature>(injecting);
        try
        {
            await next(context);
            await injecting.CompleteAsync();
            if (injecting.Injected) logger.HtmlInjected(context.Request.Path.Value ?? "/");
            if (injecting.Injected && pageId is not null && injecting.Captured is { } markup)
                servedPages.Add(pageId, new ServedPage(markup, context.Response.ContentType ?? "text/html"));
            if (injecting.ImportMapOutcome is { } outcome && outcome is not ("merged" or "inserted"))
                logger.ImportMapNotMerged(context.Request.Path.Value ?? "/", outcome);
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    /// <summary>The preamble under this instance's id (so the browser can keep it: <see cref="Client.ClientAssets"/>),
    /// with what is this page's own: the page messages broadcast so far, so that a page whose socket first connects
    /// after an update went out while it was loading can tell that it missed it (client.js, onConnected), and the id
    /// of the server's copy of its markup.</summary>
    private string PreambleTag(string? pageId)
    {
        var messages = hub.PageMessageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = pageId is null ? "" : $" data-hmr-page=\"{pageId}\"";
        return $"<script src=\"{client.PreambleUrl}\" data-hmr-messages=\"{messages}\"{page}></script>";
    }

    internal static bool IsDocumentRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method)) return false;
        if (request.Path.StartsWithSegments("/_hmr", StringComparison.OrdinalIgnoreCase)) return false;
        var destination = request.Headers["Sec-Fetch-Dest"].ToString();
        if (destination.Length > 0 && destination != "document" && !IsRefresh(request)) return false;
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsRefresh(HttpRequest request) => request.Headers[RefreshHeader] == "1";

    /// <summary>Plain, fresh HTML: no compressed variant to inject into, and no 304 that would let the browser keep
    /// a copy cached before injection.</summary>
    internal static void PrepareRequest(HttpRequest request)
    {
        request.Headers.Remove(HeaderNames.AcceptEncoding);
        request.Headers.Remove(HeaderNames.IfNoneMatch);
        request.Headers.Remove(HeaderNames.IfModifiedSince);
        request.Headers.Remove(HeaderNames.IfMatch);
        request.Headers.Remove(HeaderNames.IfRange);
    }
}
