using Hmr.Core.Analysis;
using Hmr.Core.Protocol;

namespace Hmr.Core.Engine;

/// <summary>What happened to a file on disk.</summary>
public enum FileChangeKind { Created, Changed, Deleted }

/// <summary>One file event, with the absolute path of the file.</summary>
public readonly record struct FileChange(string FullPath, FileChangeKind Kind);

/// <summary>The engine's answer to one batch of changes or one invalidation: the messages to broadcast, in order,
/// and a trace of the decision for the host's logs.</summary>
public sealed record EngineOutcome(IReadOnlyList<HmrMessage> Messages, UpdateTrace Trace)
{
    public static EngineOutcome Nothing { get; } = new([], UpdateTrace.Empty);
}

/// <summary>Why the engine decided what it decided: enough for one log line per update
/// (<c>hmr update /js/app.js (via /js/dep.js) in 3 ms</c>, <c>page reload: /js/main.js changed; no module accepts it: /js/main.js &lt;- the page</c>)
/// and debug-level detail.</summary>
/// <param name="ChangedUrls">The module URLs this batch changed, created or deleted.</param>
/// <param name="Boundaries">Each boundary found, with the module it accepted.</param>
/// <param name="ReloadReason">Why the batch became a full reload, or null.</param>
/// <param name="Elapsed">Time from the engine taking the batch to the outcome.</param>
/// <param name="Detail">Propagation steps, for debug logging.</param>
/// <param name="Failure">The exception that stopped this batch (a bug): the host logs it as an error; the pages get an
/// error overlay.</param>
public sealed record UpdateTrace(
    IReadOnlyList<string> ChangedUrls,
    IReadOnlyList<(string Boundary, string AcceptedVia)> Boundaries,
    string? ReloadReason,
    TimeSpan Elapsed,
    IReadOnlyList<string> Detail,
    Exception? Failure = null)
{
    public static UpdateTrace Empty { get; } = new([], [], null, TimeSpan.Zero, []);
}

/// <summary>What the host needs to know about one module to serve it.</summary>
/// <param name="Url">The module URL under the web root, e.g. <c>/js/app.js</c>.</param>
/// <param name="FullPath">The file on disk.</param>
/// <param name="LastUpdateTimestamp">The timestamp of the last update that invalidated it, 0 if none.</param>
/// <param name="Deleted">The file is gone but a page still runs the module: it stays known (imports of it carry its
/// stamp, so no page takes the old instance from its module map) and its URL answers 404.</param>
public sealed record ModuleInfo(string Url, string FullPath, long LastUpdateTimestamp, bool Deleted = false);

/// <summary>The live module graph and HMR propagation (docs/hmr-semantics.md sections 2 and 5).
/// Every member is safe to call from any thread; mutations are serialized inside.</summary>
public interface IHmrEngine : IDisposable
{
    /// <summary>Warm start: load the build artifact (if usable), check it against the files on disk, and analyse
    /// what is stale or new. Never throws for a missing or bad artifact; returns what it did for the log.</summary>
    WarmStartReport Start();

    /// <summary>Feeds a raw file-system event. Events are coalesced (atomic saves, partial writes) and settled
    /// batches are propagated; their outcomes are raised through <see cref="OutcomeReady"/>.</summary>
    void Post(FileChange change);

    /// <summary>Propagates one batch now, synchronously, bypassing the settle window (tests, tools).</summary>
    EngineOutcome ApplyChanges(IReadOnlyCollection<FileChange> changes);

    /// <summary>A browser asked for the module at <paramref name="url"/>: from now on the page runs it.</summary>
    void MarkExecuted(string url);

    /// <summary>A client's <c>vite:invalidate</c>: re-propagate from the module's importers.</summary>
    EngineOutcome Invalidate(string url, string? firstInvalidatedBy, string? message);

    /// <summary>Something outside the web root that the analyzer's import map includes changed (the dependency
    /// manifest): the maps are read again and modules relinked; if a module a page runs now imports something else
    /// (a dependency bundle under a new URL, or one that did not exist), the outcome is a full reload, since a page
    /// cannot change the import map it loaded with. Nothing when the map did not change.</summary>
    EngineOutcome RefreshImportMap() => EngineOutcome.Nothing;

    /// <summary>Every URL a page loading the module at <paramref name="url"/> fetches before running it: its static
    /// imports and re-exports, and theirs, depth-first in source order, each once. A URL outside the graph (a
    /// dependency bundle the import map names) is listed but not followed; dynamic imports are not followed. Empty when the graph does not
    /// know the module.</summary>
    IReadOnlyList<string> StaticImportsReachedFrom(string url) => [];

    /// <summary>The module for a URL (no query string), or null when the graph does not know it.</summary>
    ModuleInfo? GetModule(string url);

    /// <summary>The engine's analysis of <paramref name="content"/>, the file of the module at <paramref name="url"/> as
    /// a request reads it: the one the batch path made for the same content under the same import map, or a new one by
    /// the same analyzer. The dev server rewrites modules from it and never analyses on its own.</summary>
    AnalysedModule AnalyzeForServing(string url, string fullPath, byte[] content);

    /// <summary>The export names the graph's importers of <paramref name="url"/> import by name (a stand-in served for
    /// a broken module must provide them, or the browser fails the importing page while linking).</summary>
    IReadOnlySet<string> NamesImportedFrom(string url);

    /// <summary>Raised for each settled batch posted through <see cref="Post"/>, one at a time and in order, on the
    /// engine's own batch thread (a handler that blocks holds the next batch back).</summary>
    event Action<EngineOutcome>? OutcomeReady;
}

/// <summary>What a warm start did: how many modules came from the artifact unchanged, how many were
/// (re-)analysed, and why the artifact was not used if it was not.</summary>
public sealed record WarmStartReport(int ModulesFromArtifact, int ModulesAnalysed, string? ArtifactProblem, TimeSpan Elapsed);
