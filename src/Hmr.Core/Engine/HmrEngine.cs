using System.Collections.Concurrent;
using System.Diagnostics;
using Hmr.Core.Analysis;
using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Core.Engine;

/// <summary>The live module graph and HMR propagation behind <see cref="IHmrEngine"/>. One lock serializes every
/// mutation (file batches, invalidations, executed marks); <see cref="GetModule"/> reads an immutable snapshot
/// without locking.</summary>
public sealed partial class HmrEngine : IHmrEngine
{
    private readonly HmrEngineOptions _options;
    private readonly IModuleAnalyzer _analyzer;
    private readonly Lock _gate = new();
    private readonly WebRootPaths _paths;
    private readonly ModuleGraph _graph;
    private readonly GraphSnapshot _snapshot = new();
    private readonly TimestampClock _clock;
    private readonly ChangeCoalescer _coalescer;
    private readonly HashSet<string> _moduleExtensions;
    // URLs a page requested before the graph knew them (a file created and loaded within one settle window).
    private readonly HashSet<string> _executedBeforeKnown = new(StringComparer.Ordinal);
    // Last content hash of each HTML page, so an unchanged save does not reload.
    private readonly Dictionary<string, string> _pageHashes = new(StringComparer.Ordinal);
    // The last analysis of each module (the record with the lexer's offsets), made by the batch path or for a request,
    // tagged with the import map it was resolved under: serving reads it instead of analysing again.
    private readonly ConcurrentDictionary<string, (long ImportMapGeneration, AnalysedModule Analysed)> _analyses = new(StringComparer.Ordinal);
    private long _importMapGeneration;
    private bool _disposed;

    public HmrEngine(HmrEngineOptions options) : this(options, null) { }

    internal HmrEngine(HmrEngineOptions options, Func<long>? clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _analyzer = options.Analyzer ?? new WebRootModuleAnalyzer(options.WebRootPath);
        _paths = new WebRootPaths(options.WebRootPath);
        _graph = new ModuleGraph(_paths) { NodeChanged = _snapshot.Touch };
        _clock = new TimestampClock(clock);
        _moduleExtensions = new HashSet<string>(options.ModuleExtensions, StringComparer.OrdinalIgnoreCase);
        _coalescer = new ChangeCoalescer(options.SettleWindow, options.FirstLook, options.SaveGap, ProcessSettled, outcome => OutcomeReady?.Invoke(outcome));
    }

    public event Action<EngineOutcome>? OutcomeReady;

    /// <summary>Number of modules in the graph (tests, benchmarks, logs).</summary>
    public int ModuleCount { get { lock (_gate) return _graph.Count; } }

    public WarmStartReport Start()
    {
        var watch = Stopwatch.StartNew();
        lock (_gate)
        {
            var loader = new ArtifactWarmStart(_options, _analyzer, _paths, _graph, _snapshot);
            var (fromArtifact, analysed, problem) = loader.Run();
            foreach (var url in _executedBeforeKnown) MarkExecutedLocked(url);
            _snapshot.Publish(_graph);
            return new WarmStartReport(fromArtifact, analysed, problem, watch.Elapsed);
        }
    }

    /// <summary>After <see cref="Dispose"/>, events are ignored: a watcher still draining its queue during shutdown
    /// must not get an exception on a thread-pool thread.</summary>
    public void Post(FileChange change)
    {
        if (_disposed || !IsWatched(change.FullPath)) return;
        _coalescer.Post(change);
    }

    /// <summary>Files the engine acts on: modules, stylesheets and pages of the web root, and folders (a folder event
    /// stands for its files). Editors' temporary and backup files are not posted, so they neither delay a batch nor
    /// make a single save look like a multi-file change.</summary>
    private bool IsWatched(string fullPath)
    {
        if (_paths.ToUrl(fullPath) is not { } url) return false;
        var extension = WebRootPaths.Extension(url);
        return extension.Length == 0 || extension is ".css" or ".html" or ".htm" || _moduleExtensions.Contains(extension);
    }

    public EngineOutcome ApplyChanges(IReadOnlyCollection<FileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate) return ProcessBatch(changes, mayDefer: null, deferred: null);
    }

    public void MarkExecuted(string url)
    {
        url = StripQuery(url);
        lock (_gate) MarkExecutedLocked(url);
    }

    private void MarkExecutedLocked(string url)
    {
        var node = _graph.Find(url);
        if (node?.Record is not { } record)
        {
            // Bounded: requests for URLs that never become modules (images, typos) must not grow it forever.
            if (_executedBeforeKnown.Count >= 10_000) _executedBeforeKnown.Clear();
            _executedBeforeKnown.Add(url);
            return;
        }
        _executedBeforeKnown.Remove(url);
        node.Executed = true;
        // The version being served now is the one whose callbacks will receive the next update.
        node.ExecutedHot = HotAsRun(record);
    }

    /// <summary>The hot facts propagation goes by: a module whose <c>acceptExports</c> names every one of its exports
    /// accepts itself, whatever imports it (a namespace or dynamic importer uses exactly those exports), as Vite decides
    /// (docs/hmr-semantics.md, "Accepted exports"). Exports come from the module's own <c>export</c> statements, so
    /// names an <c>export *</c> brings in do not count, as in Vite.</summary>
    internal static HotRecord HotAsRun(ModuleRecord record)
    {
        var hot = record.Hot;
        if (hot.AcceptsSelf || hot.AcceptedExports is not { } accepted) return hot;
        foreach (var name in record.Exports)
            if (!accepted.Contains(name, StringComparer.Ordinal)) return hot;
        return hot with { AcceptsSelf = true };
    }

    public EngineOutcome Invalidate(string url, string? firstInvalidatedBy, string? message)
    {
        url = StripQuery(url);
        lock (_gate) return InvalidateLocked(url, firstInvalidatedBy, message);
    }

    public ModuleInfo? GetModule(string url) => _snapshot.Get(StripQuery(url));

    public AnalysedModule AnalyzeForServing(string url, string fullPath, byte[] content)
    {
        url = StripQuery(url);
        var hash = _options.ContentHash(content);
        var generation = Volatile.Read(ref _importMapGeneration);
        if (_analyses.TryGetValue(url, out var known) && known.ImportMapGeneration == generation && known.Analysed.Record.Hash == hash)
            return known.Analysed;
        // Not lexed since start (the artifact and the warm start keep no offsets: a served module pays this once), or saved
        // and not yet taken by a batch: the same analyzer, the same import map.
        var analysed = _analyzer.Analyze(url, fullPath, Decode(content), hash, content.Length);
        _analyses[url] = (generation, analysed);
        return analysed;
    }

    public IReadOnlySet<string> NamesImportedFrom(string url)
    {
        url = StripQuery(url);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_graph.Find(url) is not { } node) return names;
            foreach (var importer in node.Importers)
                foreach (var import in importer.Record?.Imports ?? [])
                    if (import is { Names: { } used } && import.Url == url) names.UnionWith(used);
        }
        return names;
    }

    public IReadOnlyList<string> StaticImportsReachedFrom(string url)
    {
        var start = StripQuery(url);
        var reached = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        lock (_gate)
        {
            // Depth-first in source order, without recursion (a chain may be thousands of modules deep): each entry is a
            // module and the index of its next import to look at.
            var pending = new Stack<(ModuleRecord Record, int Next)>();
            if (_graph.Find(start)?.Record is { } first) pending.Push((first, 0));
            while (pending.TryPop(out var current))
            {
                var imports = current.Record.Imports;
                for (var i = current.Next; i < imports.Count; i++)
                {
                    if (imports[i] is not { Url: { } target } import || import.Kind == "dynamic" || !seen.Add(target)) continue;
                    reached.Add(target);
                    if (import.External || _graph.Find(target)?.Record is not { } child) continue;
                    pending.Push((current.Record, i + 1));
                    pending.Push((child, 0));
                    break;
                }
            }
        }
        return reached;
    }

    /// <summary>Every module the host can serve, as one consistent snapshot (never changes once returned).</summary>
    public IReadOnlyDictionary<string, ModuleInfo> Snapshot => _snapshot.Current;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _coalescer.Dispose();
    }

    private static string StripQuery(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    /// <summary>The coalescer's callback: one settled batch, where files that look mid-write may wait one more window.</summary>
    private EngineOutcome ProcessSettled(IReadOnlyCollection<FileChange> batch, IReadOnlySet<string> mayDefer, List<string> deferred)
    {
        lock (_gate) return ProcessBatch(batch, mayDefer, deferred);
    }
}
