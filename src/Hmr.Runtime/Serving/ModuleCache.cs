using System.Collections.Concurrent;
using System.Security.Cryptography;
using Hmr.Core.Analysis;

namespace Hmr.Runtime.Serving;

/// <summary>Per module: the last analysis (keyed by content hash) and the last output (keyed by content hash and
/// the import stamps it used), so a reload of an unchanged page costs a hash and a lookup.</summary>
internal sealed class ModuleCache
{
    private readonly ConcurrentDictionary<string, (string Hash, ModuleAnalysis Analysis)> _analyses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServedModule> _outputs = new(StringComparer.Ordinal);

    public ModuleAnalysis Analyze(string url, string hash, string source)
    {
        if (_analyses.TryGetValue(url, out var cached) && cached.Hash == hash) return cached.Analysis;
        var analysis = ModuleLexer.Analyze(source);
        _analyses[url] = (hash, analysis);
        return analysis;
    }

    /// <summary>The export names modules served so far import from <paramref name="url"/> (through
    /// <paramref name="resolve"/>: specifier and importer URL to module URL). The stand-in for a broken module must
    /// provide them, or the browser rejects the whole page while linking, before the stand-in could show anything.</summary>
    public SortedSet<string> NamesImportedFrom(string url, Func<string, string, string?> resolve)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (importerUrl, (_, analysis)) in _analyses)
            foreach (var import in analysis.Imports)
                if (import is { ImportedNames: { } used, Specifier: { } specifier } && resolve(specifier, importerUrl) == url)
                    names.UnionWith(used);
        return names;
    }

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
