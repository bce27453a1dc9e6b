namespace Hmr.Bundler;

/// <summary>Why a chunk exists: it serves an entry, it holds modules several entries share, or it is loaded
/// lazily by a dynamic <c>import()</c> inside a dependency.</summary>
public enum ChunkKind
{
    Entry,
    Shared,
    Lazy,
}

/// <summary>One ES module file of the bundle. <see cref="FileName"/> is relative to the folder all chunks are written
/// to together (chunks import each other as <c>./FileName</c>). <see cref="EntryName"/> is the entry's specifier for
/// an entry chunk; <see cref="Exports"/> lists the names the chunk exports.</summary>
public sealed record BundleChunk(string FileName, string Code, ChunkKind Kind, string? EntryName, IReadOnlyList<string> Exports);

/// <summary>The chunks of the entries that bundled, the entries that did not (each has at least one diagnostic), and
/// every diagnostic.</summary>
public sealed record BundleResult(
    IReadOnlyList<BundleChunk> Chunks,
    IReadOnlyList<string> FailedEntries,
    IReadOnlyList<BundleDiagnostic> Diagnostics);
