using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Client;

/// <summary>Serves the browser client under <c>/_hmr/</c> from embedded resources, with this process's config
/// (socket token, instance id, dotnet watch's refresh endpoints) written into it. Always <c>no-store</c>: a
/// restarted server has a new token.</summary>
internal sealed class ClientAssets
{
    private const string ConfigPlaceholder = "/*@hmr-config*/{}";
    private readonly FrozenDictionary<string, byte[]> _files;

    public ClientAssets(HmrToken token)
    {
        var config = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token"] = token.Value,
            ["instanceId"] = token.InstanceId,
            ["socketPath"] = HmrWebSocketEndpoint.Path,
            ["watchEndpoints"] = (Environment.GetEnvironmentVariable("ASPNETCORE_AUTO_RELOAD_WS_ENDPOINT") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        });
        var assembly = typeof(ClientAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            const string prefix = "HmrClient/";
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace(ConfigPlaceholder, config, StringComparison.Ordinal);
            files["/_hmr/" + name[prefix.Length..]] = Encoding.UTF8.GetBytes(text);
        }
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string path, out byte[] content) => _files.TryGetValue(path, out content!);

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
