using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Chunking;

/// <summary>One output file being planned: its modules in execution order, and for an entry or lazy chunk the
/// module whose exports it exports (which may live in a shared chunk: the chunk is then a facade).</summary>
internal sealed class Chunk(string fileName, ChunkKind kind, BundleEntry? entry, ModuleRecord? root)
{
    public string FileName { get; } = fileName;

    public ChunkKind Kind { get; } = kind;

    public BundleEntry? Entry { get; } = entry;

    public ModuleRecord? Root { get; } = root;

    public List<ModuleRecord> Modules { get; } = [];

    public override string ToString() => FileName;
}

/// <summary>The chunks, which chunk holds each module, and which chunk a dynamic <c>import()</c> of a module loads.</summary>
internal sealed class ChunkPlan
{
    public List<Chunk> Chunks { get; } = [];

    public Dictionary<ModuleRecord, Chunk> ChunkOf { get; } = [];

    public Dictionary<ModuleRecord, Chunk> LazyChunkOf { get; } = [];

    public List<string> FailedEntries { get; } = [];

    /// <summary>All bundled modules in the order the browser would evaluate them.</summary>
    public List<ModuleRecord> ExecutionOrder { get; set; } = [];
}
