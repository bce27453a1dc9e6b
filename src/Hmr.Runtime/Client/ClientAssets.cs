using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Hmr.Runtime.Html;
using Hmr.Runtime.Serving;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Client;

/// <summary>Serves the browser client under <c>/_hmr/</c> from embedded resources, with this process's config
/// (socket token, instance id, dotnet watch's refresh endpoints, the web root's name) written into it.
/// <para>Caching, so that a reload costs no more than it must: every file is the same for the life of this process,
/// so the browser keeps it (<c>private</c>: never a shared cache, as it carries the token) and revalidates it by ETag;
/// the preamble, which blocks the page's parsing, is asked for under this instance's id
/// (<see cref="HtmlInjectionMiddleware"/>), so under that URL it is not even revalidated. A restarted server has a new
/// id, hence a new preamble URL and new ETags.</para></summary>
internal sealed class ClientAssets
{
    private const string ConfigPlaceholder = "/*@hmr-config*/{}";
    private const string ForThisInstance = "private, max-age=31536000, immutable";
    private readonly FrozenDictionary<string, ClientFile> _files;
    private readonly string _instanceId;

    public ClientAssets(HmrToken token, Hosting.HmrWebRoot webRoot, Microsoft.Extensions.Options.IOptions<HmrOptions> options)
    {
        _instanceId = token.InstanceId;
        var config = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token"] = token.Value,
            ["instanceId"] = token.InstanceId,
            ["socketPath"] = HmrWebSocketEndpoint.Path,
            ["watchEndpoints"] = (Environment.GetEnvironmentVariable("ASPNETCORE_AUTO_RELOAD_WS_ENDPOINT") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            // dotnet watch names changed static files relative to the project ("wwwroot/site.css"); the preamble
            // leaves the web root's stylesheets to HMR's own swap (preamble.js, isFileHmrHandles).
            ["webRootName"] = webRoot.Name,
            ["morphMarkup"] = options.Value.MorphMarkup,
        });
        var assembly = typeof(ClientAssets).Assembly;
        var files = new Dictionary<string, ClientFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            const string prefix = "HmrClient/";
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var content = Encoding.UTF8.GetBytes(reader.ReadToEnd().Replace(ConfigPlaceholder, config, StringComparison.Ordinal));
            files["/_hmr/" + name[prefix.Length..]] = new ClientFile(content, EntityTags.Of(content));
        }
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The preamble's URL for this server instance, the one pages name and the browser keeps.</summary>
    public string PreambleUrl => $"{HtmlInjectionMiddleware.PreambleUrl}?v={_instanceId}";

    public bool TryGet(string path, out ClientFile file) => _files.TryGetValue(path, out file!);

    public async Task ServeAsync(HttpContext context, ClientFile file)
    {
        var request = context.Request;
        var response = context.Response;
        response.ContentType = "text/javascript; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = request.Path == HtmlInjectionMiddleware.PreambleUrl && request.Query["v"] == _instanceId
            ? ForThisInstance
            : EntityTags.PrivateRevalidated;
        if (EntityTags.AnsweredNotModified(context, file.ETag)) return;
        response.ContentLength = file.Content.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await response.Body.WriteAsync(file.Content, context.RequestAborted);
    }
}

/// <summary>One client script as served: its bytes, config included, and their ETag.</summary>
internal sealed record ClientFile(byte[] Content, string ETag);
