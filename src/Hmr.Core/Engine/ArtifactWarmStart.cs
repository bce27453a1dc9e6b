using Hmr.Core.Resolution;
using Hmr.Core.Artifact;

namespace Hmr.Core.Engine;

/// <summary>Builds the graph at startup: from the build artifact where its records still match the files (size and
/// modification time first, content hash otherwise), from analysis of the files for the rest. An artifact that is
/// missing, corrupt, of another schema, another analyzer or another web root is reported and ignored, never trusted.
/// The lexer's output is not kept (as it is not in the artifact): a module is lexed again the first time it is served.</summary>
internal sealed class ArtifactWarmStart(HmrEngineOptions options, IModuleAnalyzer analyzer, WebRootPaths paths, ModuleGraph graph, GraphSnapshot snapshot)
{
    private readonly HashSet<string> _moduleExtensions = new(options.ModuleExtensions, StringComparer.OrdinalIgnoreCase);

    public (int FromArtifact, int Analysed, string? Problem) Run()
    {
        foreach (var node in graph.Nodes.ToList()) graph.Remove(node, []);
        graph.Roots.Clear();
        var (document, artifactTime, problem) = LoadArtifact();
        var known = new Dictionary<string, ModuleRecord>(StringComparer.Ordinal);
        if (document is not null)
            foreach (var record in document.Modules) known[record.Url] = record;

        var records = new List<(ModuleNode Node, ModuleRecord Record, bool Broken)>();
        int fromArtifact = 0, analysed = 0;
        foreach (var file in EnumerateFiles())
        {
            var url = paths.ToUrl(file)!;
            var extension = WebRootPaths.Extension(url);
            var info = new FileInfo(file);
            if (extension == ".css")
            {
                var css = File.ReadAllBytes(file);
                var sheet = graph.GetOrAdd(url);
                sheet.FullPath = file;
                records.Add((sheet, new ModuleRecord(url, options.WebRootName.TrimEnd('/') + url, options.ContentHash(css), css.Length, [], [],
                    new HotRecord(true, true, [], null), []), false));
                continue;
            }
            var node = graph.GetOrAdd(url);
            node.FullPath = file;
            if (known.TryGetValue(url, out var cached) && Matches(cached, info, artifactTime, file) && analyzer.IsStillValid(cached))
            {
                records.Add((node, cached, false));
                fromArtifact++;
                continue;
            }
            var content = File.ReadAllBytes(file);
            var text = System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
            var hash = options.ContentHash(content);
            var fresh = analyzer.Analyze(url, file, text, hash, content.Length).Record;
            records.Add((node, fresh, fresh.Diagnostics.Any(d => string.Equals(d.Severity, "error", StringComparison.OrdinalIgnoreCase))));
            analysed++;
        }
        foreach (var (node, record, broken) in records)
        {
            graph.SetRecord(node, record, []);
            // A file that does not parse keeps its best-effort analysis; its next save always propagates.
            if (broken) node.ErrorHash = record.Hash;
        }
        // Drop URLs imported but without a file (they stay as dangling nodes only while someone imports them).
        foreach (var node in graph.Nodes) snapshot.Touch(node);
        if (document is not null)
            foreach (var root in document.Roots) graph.Roots.Add(root);
        foreach (var node in graph.Nodes)
            if (node.Exists && node.Importers.Count == 0) graph.Roots.Add(node.Url);
        return (fromArtifact, analysed, problem);
    }

    private bool Matches(ModuleRecord cached, FileInfo info, DateTime artifactTime, string file)
    {
        if (info.Length != cached.Size) return false;
        if (info.LastWriteTimeUtc < artifactTime) return true;
        // Touched after the build: the hash decides.
        return options.ContentHash(File.ReadAllBytes(file)) == cached.Hash;
    }

    private IEnumerable<string> EnumerateFiles()
    {
        if (!Directory.Exists(paths.Root)) yield break;
        var pending = new Stack<string>();
        pending.Push(paths.Root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && name != "node_modules") pending.Push(sub);
            }
            foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(file).ToLowerInvariant();
                if (!Path.GetFileName(file).StartsWith('.') && (ext == ".css" || _moduleExtensions.Contains(ext))) yield return file;
            }
        }
    }

    private (ModuleGraphDocument? Document, DateTime Time, string? Problem) LoadArtifact()
    {
        if (options.ArtifactPath is not { } path) return (null, default, "no artifact configured");
        if (!File.Exists(path)) return (null, default, $"artifact not found: {path}");
        ModuleGraphDocument document;
        var time = File.GetLastWriteTimeUtc(path);
        try
        {
            using var stream = File.OpenRead(path);
            document = (options.ArtifactReader ?? new SerializerArtifactReader()).Read(stream);
        }
        catch (Exception e)
        {
            return (null, default, $"artifact unreadable ({e.GetType().Name}: {e.Message})");
        }
        if (document is null) return (null, default, "artifact unreadable (empty)");
        if (document.SchemaVersion != ModuleGraphDocument.CurrentSchemaVersion)
            return (null, default, $"artifact schema version {document.SchemaVersion}, expected {ModuleGraphDocument.CurrentSchemaVersion}");
        // Records of other analysis code (an upgraded package) may mean something else although the files are the same.
        if (!string.Equals(document.Analyzer, AnalyzerVersion.Current, StringComparison.Ordinal))
            return (null, default, $"artifact written by analyzer {document.Analyzer ?? "(not recorded)"}, this is {AnalyzerVersion.Current}");
        if (!string.Equals(Normalize(document.WebRoot), Normalize(options.WebRootName), StringComparison.Ordinal))
            return (null, default, $"artifact built for web root '{document.WebRoot}', not '{options.WebRootName}'");
        if (Inconsistency(document) is { } inconsistency) return (null, default, $"artifact inconsistent: {inconsistency}");
        return (document, time, null);
    }

    private static string Normalize(string? webRoot) => (webRoot ?? "").Replace('\\', '/').Trim('/');

    /// <summary>Anything that would make the graph wrong if trusted (nulls from a truncated or foreign file,
    /// duplicate or out-of-root URLs) rejects the whole artifact.</summary>
    private string? Inconsistency(ModuleGraphDocument document)
    {
        if (document.Modules is null || document.Roots is null) return "missing modules or roots";
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in document.Modules)
        {
            if (m is null || m.Url is null || m.Hash is null || m.Imports is null || m.Hot is null || m.Exports is null || m.Diagnostics is null)
                return "a module record is incomplete";
            if (!m.Url.StartsWith('/') || paths.ToFullPath(m.Url) is null) return $"module URL '{m.Url}' is not under the web root";
            if (!urls.Add(m.Url)) return $"module '{m.Url}' appears twice";
            if (m.Hot.AcceptedDeps is null || m.Imports.Any(i => i is null || i.Kind is null)) return $"module '{m.Url}' has incomplete imports";
        }
        return null;
    }
}
