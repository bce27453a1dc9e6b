using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

/// <summary>A temporary web root with module files, and an engine over it.</summary>
internal sealed class TestSite : IDisposable
{
    private long _fakeNow = 1_000;

    public TestSite(TimeSpan? settle = null, bool frozenClock = false, string? artifactPath = null, IArtifactReader? reader = null,
        TimeSpan? saveGap = null, TimeSpan? firstLook = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "hmr-engine-" + Guid.NewGuid().ToString("N"));
        WebRoot = Path.Combine(Root, "wwwroot");
        Directory.CreateDirectory(WebRoot);
        var defaults = new HmrEngineOptions { WebRootPath = WebRoot };
        Options = new HmrEngineOptions
        {
            WebRootPath = WebRoot,
            Analyzer = Analyzer,
            SettleWindow = settle ?? TimeSpan.FromMilliseconds(50),
            SaveGap = saveGap ?? defaults.SaveGap,
            FirstLook = firstLook ?? defaults.FirstLook,
            ArtifactPath = artifactPath,
            ArtifactReader = reader,
        };
        FrozenClock = frozenClock;
    }

    public string Root { get; }
    public string WebRoot { get; }
    public DslAnalyzer Analyzer { get; } = new();
    public HmrEngineOptions Options { get; set; }
    public bool FrozenClock { get; }
    private HmrEngine? _engine;

    /// <summary>The engine (created and started on first use). A frozen clock makes timestamps come from the +1 rule.</summary>
    public HmrEngine Engine
    {
        get
        {
            if (_engine is null)
            {
                _engine = new HmrEngine(Options, FrozenClock ? () => _fakeNow : null);
                Report = _engine.Start();
            }
            return _engine;
        }
    }

    public WarmStartReport? Report { get; private set; }

    public string PathOf(string url) => Path.Combine(WebRoot, url.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));

    public TestSite Write(string url, params string[] lines)
    {
        var path = PathOf(url);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines));
        return this;
    }

    /// <summary>Marks modules as running in the page (a browser requested them).</summary>
    public TestSite Execute(params string[] urls)
    {
        foreach (var url in urls) Engine.MarkExecuted(url);
        return this;
    }

    public EngineOutcome Edit(string url, params string[] lines)
    {
        var existed = File.Exists(PathOf(url));
        Write(url, lines);
        return Engine.ApplyChanges([new FileChange(PathOf(url), existed ? FileChangeKind.Changed : FileChangeKind.Created)]);
    }

    public EngineOutcome Touch(params string[] urls) =>
        Engine.ApplyChanges([.. urls.Select(u => new FileChange(PathOf(u), FileChangeKind.Changed))]);

    public EngineOutcome Delete(string url)
    {
        File.Delete(PathOf(url));
        return Engine.ApplyChanges([new FileChange(PathOf(url), FileChangeKind.Deleted)]);
    }

    public void Dispose()
    {
        _engine?.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Assertions on outcomes.</summary>
internal static class Outcomes
{
    public static UpdateMessage Update(this EngineOutcome outcome)
    {
        var updates = outcome.Messages.OfType<UpdateMessage>().ToList();
        Assert.HasCount(1, updates, Describe(outcome));
        Assert.IsFalse(outcome.Messages.OfType<FullReloadMessage>().Any(), Describe(outcome));
        return updates[0];
    }

    public static FullReloadMessage Reload(this EngineOutcome outcome)
    {
        var reloads = outcome.Messages.OfType<FullReloadMessage>().ToList();
        Assert.HasCount(1, reloads, Describe(outcome));
        Assert.IsFalse(outcome.Messages.OfType<UpdateMessage>().Any(), Describe(outcome));
        return reloads[0];
    }

    public static string[] Pairs(this UpdateMessage update) =>
        [.. update.Updates.Select(u => $"{u.Path}<-{u.AcceptedPath}")];

    public static string Describe(EngineOutcome outcome) =>
        string.Join(" ", outcome.Messages.Select(HmrMessageJson.Serialize)) + " | " + string.Join("; ", outcome.Trace.Detail);
}
