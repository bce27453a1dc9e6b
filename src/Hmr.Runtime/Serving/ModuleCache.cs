using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Hmr.Runtime.Serving;

/// <summary>Per module, the last output (keyed by content hash and the import stamps it used), so a reload of an
/// unchanged page costs a hash and a lookup. The analysis it is made from is the engine's
/// (<see cref="Hmr.Core.Engine.IHmrEngine.AnalyzeForServing"/>).</summary>
internal sealed class ModuleCache
{
    private readonly ConcurrentDictionary<string, ServedModule> _outputs = new(StringComparer.Ordinal);

    public ServedModule? GetOutput(string url, string key) =>
        _outputs.TryGetValue(url, out var served) && served.Key == key ? served : null;

    public ServedModule SetOutput(string url, string key, byte[] body)
    {
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
        var served = new ServedModule(key, body, etag);
        _outputs[url] = served;
        return served;
    }
}

/// <summary>Bytes sent for one module version, with their entity tag.</summary>
internal sealed record ServedModule(string Key, byte[] Body, string ETag);
