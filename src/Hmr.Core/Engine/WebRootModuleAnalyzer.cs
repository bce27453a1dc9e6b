using Hmr.Core.Analysis;
using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Core.Engine;

/// <summary>The default analyzer: the build task's <see cref="ModuleAnalyzer"/> (lexer, import map, resolution
/// against files on disk), so a module analysed live gets exactly the record the build would have written. It is the
/// only place the live import map is read: the engine asks it to reload when a page changes, or when what
/// <c>provided</c> returns changed (the dependency manifest the dev server watches).</summary>
public sealed class WebRootModuleAnalyzer : IModuleAnalyzer
{
    private readonly string _root;
    private readonly string? _importMapFile;
    private readonly string _projectDirectory;
    private readonly Func<ProvidedImports>? _provided;
    private volatile ModuleAnalyzer _analyzer;

    /// <param name="webRootPath">The web root folder.</param>
    /// <param name="importMapFile">The <c>HmrImportMap</c> file, or null.</param>
    /// <param name="provided">Import map entries served from outside the web root (read again on each reload), or null.</param>
    public WebRootModuleAnalyzer(string webRootPath, string? importMapFile = null, Func<ProvidedImports>? provided = null)
    {
        _root = Path.GetFullPath(webRootPath);
        _importMapFile = importMapFile;
        _provided = provided;
        _projectDirectory = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(_root)) ?? _root;
        _analyzer = Load();
    }

    private ModuleAnalyzer Load() => ModuleAnalyzer.ForWebRoot(_root, _importMapFile, provided: _provided?.Invoke());

    public AnalysedModule Analyze(string url, string fullPath, string content, string hash, long size) =>
        _analyzer.AnalyzeModule(url, Path.GetRelativePath(_projectDirectory, fullPath).Replace('\\', '/'), content, hash, size);

    public bool IsStillValid(ModuleRecord record) => _analyzer.IsStillValid(record);

    public bool ReloadImportMap()
    {
        var reloaded = Load();
        if (reloaded.Resolver.ImportMap.Fingerprint == _analyzer.Resolver.ImportMap.Fingerprint) return false;
        _analyzer = reloaded;
        return true;
    }
}

/// <summary>Reads the artifact with the build task's <see cref="ModuleGraphSerializer"/>.</summary>
public sealed class SerializerArtifactReader : IArtifactReader
{
    public ModuleGraphDocument Read(Stream artifact)
    {
        using var buffer = new MemoryStream();
        artifact.CopyTo(buffer);
        return ModuleGraphSerializer.TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var document, out var problem)
            ? document!
            : throw new InvalidDataException(problem);
    }
}
