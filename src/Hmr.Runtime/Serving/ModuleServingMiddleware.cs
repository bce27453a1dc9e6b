using Hmr.Core.Artifact;
using System.Text;
using Hmr.Core.Engine;
using Hmr.Runtime.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Serving;

/// <summary>Serves the web root's ES modules the graph knows, transformed for HMR. Requests it does not own pass to
/// the next middleware (the app's static files); module requests with a suspicious path are refused outright, so no
/// later middleware gets a chance to serve a file from outside the web root either.</summary>
internal sealed class ModuleServingMiddleware(
    RequestDelegate next,
    HmrEngineHolder engines,
    HmrWebRoot webRoot,
    ModuleCache cache,
    Checking.ModuleSyntaxChecks syntaxChecks,
    ILogger<ModuleServingMiddleware> logger)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Task Invoke(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return next(context);
        if (!WebRootFiles.IsModule(path) && !LooksLikeTraversal(context)) return next(context);
        if (SafePaths.CheckRequestTarget(context) is { } problem) return Refuse(context, path, problem);
        if (!WebRootFiles.IsModule(path)) return next(context);
        if (SafePaths.Locate(webRoot.FullPath, webRoot.RealPath, path).Location == SafePaths.FileLocation.Outside)
            return Refuse(context, path, "the file is not inside the web root");
        if (engines.Engine is not { } engine) return PassOn(context, path, "the engine is not started yet");
        if (FindModule(engine, path) is not { } found) return PassOn(context, path, "not a module of the graph");
        if (found.File is null) return Refuse(context, path, "the file is not inside the web root");
        if (found.Module.Deleted) return NotFound(context, path);
        return ServeAsync(context, engine, found.Module, found.File);
    }

    /// <summary>A deleted module a page still runs: 404, never the old content (docs/hmr-semantics.md).</summary>
    private Task NotFound(HttpContext context, string path)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.Headers.CacheControl = "no-store";
        logger.ModuleServed(path, 404);
        return Task.CompletedTask;
    }

    private static bool LooksLikeTraversal(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
        var p = raw.Split('?', 2)[0];
        // Module-looking requests whose extension is hidden behind encoding or a trailing dot/NUL still get checked.
        return p.Contains(".js", StringComparison.OrdinalIgnoreCase) && !WebRootFiles.IsModule(path)
               && (p.Contains('%') || p.Contains('\\') || path.EndsWith('.'));
    }

    /// <summary>The module for a request path, also through a MapStaticAssets fingerprint.</summary>
    private (ModuleInfo Module, string? File)? FindModule(IHmrEngine engine, string path)
    {
        foreach (var url in new[] { path, ModuleUrls.StripFingerprint(path) })
        {
            if (url is null || engine.GetModule(url) is not { } module) continue;
            return (module, SafePaths.MapToFile(webRoot.FullPath, webRoot.RealPath, url));
        }
        return null;
    }

    private async Task ServeAsync(HttpContext context, IHmrEngine engine, ModuleInfo module, string file)
    {
        var served = await TransformAsync(engine, module, file, context.RequestAborted);
        engine.MarkExecuted(module.Url);
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (EntityTags.AnsweredNotModified(context, served.ETag))
        {
            logger.ModuleServed(module.Url, 304);
            return;
        }
        response.ContentType = "text/javascript; charset=utf-8";
        response.ContentLength = served.Body.Length;
        logger.ModuleServed(module.Url, 200);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(served.Body, context.RequestAborted);
    }

    private async Task<ServedModule> TransformAsync(IHmrEngine engine, ModuleInfo module, string file, CancellationToken cancellation)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellation);
        // Empty usually means a writer truncated the file and has not written yet: serving that would run a module
        // without its hot context, deaf to every later update. Give the writer a moment (a truly empty file waits 200 ms).
        for (var retry = 0; bytes.Length == 0 && retry < 10; retry++)
        {
            await Task.Delay(20, cancellation);
            bytes = await File.ReadAllBytesAsync(file, cancellation);
        }
        var analysed = engine.AnalyzeForServing(module.Url, file, bytes);
        var hash = analysed.Record.Hash;
        if (analysed.Source is not { } lexed) return cache.GetOutput(module.Url, hash) ?? cache.SetOutput(module.Url, hash, bytes);
        var source = Utf8.GetString(ContentHash.WithoutBom(bytes));
        var lexerError = lexed.Diagnostics.FirstOrDefault(d => d.Severity == Hmr.Core.Analysis.DiagnosticSeverity.Error);
        var error = lexerError is null ? syntaxChecks.KnownError(module.Url, hash)
            : new DiagnosticRecord(lexerError.Code, GraphDiagnosticCodes.Error, lexerError.Message, lexerError.Position.Line, lexerError.Position.Column);
        if (error is not null)
        {
            logger.ModuleError(module.Url, error.Message);
            var exports = new SortedSet<string>(engine.NamesImportedFrom(module.Url), StringComparer.Ordinal);
            exports.UnionWith(lexed.Exports);
            var errorKey = "error:" + hash + "|" + string.Join(',', exports);
            return cache.GetOutput(module.Url, errorKey)
                   ?? cache.SetOutput(module.Url, errorKey, Utf8.GetBytes(ErrorModule.Build(module.Url, source, error, exports)));
        }
        // Served now, checked by the full parser in the background: a page whose module it rejects gets the overlay.
        syntaxChecks.Request(module.Url, file, hash, source);
        var (code, stamps) = ModuleTransformer.Transform(source, analysed, module.Url, engine.GetModule);
        var key = hash + "|" + stamps;
        return cache.GetOutput(module.Url, key) ?? cache.SetOutput(module.Url, key, Utf8.GetBytes(code));
    }

    private Task PassOn(HttpContext context, string path, string reason)
    {
        logger.ModulePassedOn(path, reason);
        return next(context);
    }

    private Task Refuse(HttpContext context, string path, string reason)
    {
        logger.RequestRefused(path, reason);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
