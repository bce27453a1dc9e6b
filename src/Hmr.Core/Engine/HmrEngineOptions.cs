using Hmr.Core.Artifact;

namespace Hmr.Core.Engine;

/// <summary>Where the engine finds the files and the artifact, and how it analyses and settles changes.</summary>
public sealed class HmrEngineOptions
{
    /// <summary>Absolute path of the web root folder (the folder URLs are relative to).</summary>
    public required string WebRootPath { get; init; }

    /// <summary>The web root as written in the artifact (relative to the project directory, forward slashes),
    /// e.g. <c>wwwroot</c>. An artifact for another web root is refused.</summary>
    public string WebRootName { get; init; } = "wwwroot";

    /// <summary>The build artifact (<c>module-graph.json</c>), or null to always build the graph from the files.</summary>
    public string? ArtifactPath { get; init; }

    /// <summary>Per-file analysis (lexer plus resolution); null uses <see cref="WebRootModuleAnalyzer"/>.</summary>
    public IModuleAnalyzer? Analyzer { get; init; }

    /// <summary>Reads the artifact; null uses <see cref="SerializerArtifactReader"/>.</summary>
    public IArtifactReader? ArtifactReader { get; init; }

    /// <summary>While changes keep coming, how long files must stay quiet before their events are taken as one batch
    /// (reset by each new event); also how long a file that looks mid-write is given to complete.</summary>
    public TimeSpan SettleWindow { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest the first event after a quiet spell waits for the rest of its save before it is taken.
    /// Capped at <see cref="SettleWindow"/>.</summary>
    public TimeSpan FirstLook { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>A save after a quiet spell is taken once its events pause this long (a truncate and the write after
    /// it, or a temporary file and the rename onto the file, arrive a fraction of a millisecond apart). Capped at
    /// <see cref="FirstLook"/>.</summary>
    public TimeSpan SaveGap { get; init; } = TimeSpan.FromMilliseconds(0.3);

    /// <summary>File extensions (with dot, lowercase) analysed as ES modules.</summary>
    public IReadOnlyCollection<string> ModuleExtensions { get; init; } = [".js", ".mjs"];

    /// <summary>Hash of file content as written to <see cref="ModuleRecord.Hash"/>; must match the build task's
    /// (SHA-256 of the UTF-8 text without a byte order mark).</summary>
    public Func<ReadOnlyMemory<byte>, string> ContentHash { get; init; } = static bytes => Artifact.ContentHash.Of(bytes.Span);
}
