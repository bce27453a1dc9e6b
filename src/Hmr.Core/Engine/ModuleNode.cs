using Hmr.Core.Artifact;

namespace Hmr.Core.Engine;

/// <summary>One URL in the live graph. A node exists while its file exists or while some module imports its URL
/// (then <see cref="Record"/> is null: a dangling import, linked again when the file is created).</summary>
internal sealed class ModuleNode(string url)
{
    public string Url { get; } = url;

    /// <summary>The file on disk (also known for a dangling node, from the URL).</summary>
    public string FullPath { get; set; } = "";

    /// <summary>The analysis of the current content on disk; null when there is no file.</summary>
    public ModuleRecord? Record { get; set; }

    /// <summary>A stylesheet: self-accepting, no imports, updated with <c>css-update</c>.</summary>
    public bool IsStylesheet { get; init; }

    /// <summary>Modules whose current analysis imports this URL (any kind).</summary>
    public ImporterSet Importers { get; } = new();

    /// <summary>Distinct nodes this module's current analysis imports (any kind).</summary>
    public ModuleNode[] Imports { get; set; } = [];

    /// <summary>Some page has requested (executed) this module since it last entered the graph.</summary>
    public bool Executed { get; set; }

    /// <summary>The hot facts of the version the page runs: captured when it was last served, because the running
    /// version's callbacks are the ones that receive the next update.</summary>
    public HotRecord ExecutedHot { get; set; } = HotRecord.None;

    /// <summary>Timestamp of the last update that invalidated this module (0: never); imports of it carry <c>?t=</c>.</summary>
    public long LastUpdateTimestamp { get; set; }

    /// <summary>Timestamp of the last update whose payload made the client re-import this module itself.</summary>
    public long LastReimportTimestamp { get; set; }

    /// <summary>The last update in which this module was a boundary or was invalidated: an invalidation from
    /// several tabs in reply to the same update carries the same epoch and is handled once.</summary>
    public long InvalidationEpoch { get; set; }

    /// <summary>The epoch whose invalidation was already handled, or -1.</summary>
    public long HandledInvalidationEpoch { get; set; } = -1;

    /// <summary>Hash of content that failed to analyse (syntax error), so the next good save is always propagated
    /// (it clears the client's overlay) even when it restores the last good content.</summary>
    public string? ErrorHash { get; set; }

    public bool Exists => Record is not null;

    /// <summary>The file was deleted while a page ran the module: as in Vite it stays in the graph (with its importers,
    /// without imports of its own) until the last importer drops it, and deleting or re-creating it is an update of
    /// the module itself (docs/hmr-semantics.md, "Files appearing and disappearing").</summary>
    public bool IsDeletedButRunning => Record is null && Executed;

    public override string ToString() => Url;
}
