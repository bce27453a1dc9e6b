using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Client;

/// <summary>Serves the browser client under <c>/_hmr/</c> from embedded resources, with this process's config
/// (socket token, instance id, dotnet watch's refresh endpoints, the web root's name) written into it. Always <c>no-store</c>: a
/// restarted server has a new token. The preamble also gets, per request, the number of page messages broadcast so far
/// (<see cref="HmrConnectionHub.PageMessageCount"/>): a page whose socket first connects after an update went out
/// while it was loading can tell that it missed it.</summary>
internal sealed class ClientAssets
{
    private const string ConfigPlaceholder = "/*@hmr-config*/{}";
    private const string MessageCountPlaceholder = "/*@hmr-message-count*/0";
    private readonly FrozenDictionary<string, byte[]> _files;
    private readonly FrozenDictionary<string, string> _perRequest;
    private readonly HmrConnectionHub _hub;

    public ClientAssets(HmrToken token, HmrConnectionHub hub, Hosting.HmrWebRoot webRoot, Microsoft.Extensions.Options.IOptions<HmrOptions> options)
    {
        _hub = hub;
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
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var perRequest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            const string prefix = "HmrClient/";
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace(ConfigPlaceholder, config, StringComparison.Ordinal);
            var url = "/_hmr/" + name[prefix.Length..];
            if (text.Contains(MessageCountPlaceholder, StringComparison.Ordinal)) perRequest[url] = text;
            else files[url] = Encoding.UTF8.GetBytes(text);
        }
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        _perRequest = perRequest.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string path, out byte[] content)
    {
        if (_perRequest.TryGetValue(path, out var template))
        {
            var count = _hub.PageMessageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            content = Encoding.UTF8.GetBytes(template.Replace(MessageCountPlaceholder, count, StringComparison.Ordinal));
            return true;
        }
        return _files.TryGetValue(path, out content!);
    }

    public async Task ServeAsync(HttpContext context, byte[] content)
    {
        var response = context.Response;
        response.ContentType = "text/javascript; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = content.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(content, context.RequestAborted);
    }
}
