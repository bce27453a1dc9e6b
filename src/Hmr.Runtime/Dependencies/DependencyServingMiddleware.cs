using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Dependencies;

/// <summary>Serves the dependency bundles under the manifest's <c>urlBase</c> (<c>/_deps/</c>): exactly the files the
/// manifest lists, from the manifest's folder, immutable (their names carry their content hash). Anything else under
/// the prefix is a 404 that never reaches the app: unlisted names, traversal, percent-encoded names, other methods.</summary>
internal sealed class DependencyServingMiddleware(RequestDelegate next, DependencyManifestSource manifests, ILogger<DependencyServingMiddleware> logger)
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public Task Invoke(HttpContext context)
    {
        // Most requests are not for bundles: decide that without touching the file system.
        var path = context.Request.Path.Value ?? "";
        var raw = RawPath(context);
        if (!Concerns(manifests.Latest, path, raw)) return next(context);
        var manifest = manifests.Current;
        if (manifest.UrlBase is not { } urlBase || (!IsUnder(path, urlBase) && !IsUnder(raw, urlBase))) return next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return NotFound(context, raw, "not GET or HEAD");
        // The raw target must be the listed URL itself: no decoding, no dot segments resolved by the server.
        if (raw != path || !manifest.FilesByUrl.TryGetValue(raw, out var file)) return NotFound(context, raw, "not a file of the dependency manifest");
        var info = new FileInfo(Path.Combine(manifest.Folder, file.File));
        if (!info.Exists) return NotFound(context, raw, $"{info.FullName} does not exist");
        return ServeAsync(context, file, info);
    }

    private async Task ServeAsync(HttpContext context, DependencyFile file, FileInfo info)
    {
        var response = context.Response;
        response.Headers.CacheControl = CacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        if (Serving.EntityTags.AnsweredNotModified(context, "\"" + file.Hash + "\""))
        {
            logger.DependencyServed(file.Url, 304);
            return;
        }
        response.ContentType = "text/javascript; charset=utf-8";
        response.ContentLength = info.Length;
        logger.DependencyServed(file.Url, 200);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.SendFileAsync(info.FullName, 0, info.Length, context.RequestAborted);
    }

    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var end = raw.IndexOfAny(['?', '#']);
        return end < 0 ? raw : raw[..end];
    }

    /// <summary>Whether the request may be for a bundle: under the last known prefix, or under the documented default
    /// one while there is no manifest (it may have just been written; the file is then looked at).</summary>
    private static bool Concerns(ServedDependencies latest, string path, string raw)
    {
        var urlBase = latest.UrlBase ?? DefaultUrlBase;
        return IsUnder(path, urlBase) || IsUnder(raw, urlBase);
    }

    private const string DefaultUrlBase = "/_deps/";

    // Case-insensitive, so that /_DEPS/… is refused here too rather than handed to static files.
    private static bool IsUnder(string path, string urlBase) =>
        path.StartsWith(urlBase, StringComparison.OrdinalIgnoreCase) || path.Equals(urlBase.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private Task NotFound(HttpContext context, string path, string reason)
    {
        logger.DependencyRefused(path, reason);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
