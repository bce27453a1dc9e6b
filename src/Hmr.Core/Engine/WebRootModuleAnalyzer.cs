using Hmr.Core.Analysis;
using Hmr.Core.Graph;

namespace Hmr.Core.Engine;

/// <summary>The default analyzer: the build task's <see cref="ModuleAnalyzer"/> (lexer, import map, resolution
/// against files on disk), so a module analysed live gets exactly the record the build would have written.</summary>
public sealed class WebRootModuleAnalyzer : IModuleAnalyzer
{
    private readonly ModuleAnalyzer _analyzer;
    private readonly string _projectDirectory;

    public WebRootModuleAnalyzer(string webRootPath, string? importMapFile = null)
    {
        var root = Path.GetFullPath(webRootPath);
        _projectDirectory = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(root)) ?? root;
        _analyzer = ModuleAnalyzer.ForWebRoot(root, importMapFile);
    }

    public ModuleRecord Analyze(string url, string fullPath, string content) =>
        _analyzer.Analyze(url, Path.GetRelativePath(_projectDirectory, fullPath).Replace('\\', '/'), content);

    public bool IsStillValid(ModuleRecord record) => _analyzer.IsStillValid(record);
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
