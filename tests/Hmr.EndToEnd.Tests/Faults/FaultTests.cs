using System.Diagnostics;
using System.Text;
using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Faults;

/// <summary>Fault injection against the real thing (packed package, dotnet watch, Chromium), on one "faults" site
/// shared by every test of the class. Each page counts the HMR socket's messages through a WebSocket hook (kept in
/// sessionStorage, so the count survives reloads) and the load events through Playwright.</summary>
[TestClass]
public sealed class FaultTests
{
    /// <summary>Wraps WebSocket so every message of the HMR socket is recorded by type, across reloads of the tab.</summary>
    private const string MessageHook = """
        (() => {
          const Native = window.WebSocket;
          const key = '__hmrTypes';
          window.__hmrTypes = () => JSON.parse(sessionStorage.getItem(key) || '[]');
          window.WebSocket = class extends Native {
            constructor(url, protocols) {
              super(url, protocols);
              if (String(url).includes('/_hmr/')) this.addEventListener('message', (e) => {
                let type = '?';
                try { type = JSON.parse(e.data).type; } catch { }
                const all = window.__hmrTypes(); all.push(type); sessionStorage.setItem(key, JSON.stringify(all));
              });
            }
          };
        })();
        """;

    private static WebApp? shared;
    private readonly List<PageSession> sessions = [];

    public TestContext TestContext { get; set; } = null!;

    private static async Task<WebApp> AppAsync()
    {
        shared ??= await WebApp.CreateAsync("faults", StaticFiles.UseStaticFiles);
        await shared.EnsureRunningAsync();
        shared.RestoreFiles();
        return shared;
    }

    [ClassCleanup]
    public static void StopApp()
    {
        shared?.Dispose();
        shared = null;
    }

    [TestCleanup]
    public async Task CloseTabsAsync()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
            foreach (var s in sessions.Take(2)) TestContext.WriteLine(s.Diagnostics());
        for (var i = sessions.Count - 1; i >= 0; i--) await sessions[i].DisposeAsync();
        sessions.Clear();
        if (shared is null) return;
        var alive = shared.IsRunning;
        var tail = shared.WatchOutputTail;
        if (shared.RestoreFiles()) await Task.Delay(1000);
        Assert.IsTrue(alive, "dotnet watch (or its app) exited during the test:\n" + tail);
    }

    private async Task<PageSession> OpenAsync(WebApp app, string path, PageSession? sameContextAs = null, string? baseUrl = null)
    {
        var session = await PageSession.OpenAsync(app, path, sameContextAs, sameContextAs is null ? MessageHook : null, baseUrl);
        sessions.Add(session);
        return session;
    }

    private static async Task<string[]> MessagesAsync(PageSession tab) => await tab.Page.EvaluateAsync<string[]>("() => window.__hmrTypes()");

    private static async Task<bool> HasOverlayAsync(PageSession tab) => await tab.Page.EvaluateAsync<bool>("() => document.querySelector('hmr-error-overlay') !== null");

    private void Record(string what) => TestContext.WriteLine("[fault result] " + what);

    [TestMethod]
    public async Task FiveHundredSavesWithinASecond_EndOnTheLastContent_WithoutOverlayOrReload()
    {
        var app = await AppAsync();
        var tab = await OpenAsync(app, "/storm/index.html");
        await tab.WaitForTextAsync("#out", "storm 0");
        var file = Path.Combine(app.WebRoot, "storm", "main.js");
        var template = File.ReadAllText(file);

        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 500; i++) File.WriteAllText(file, template.Replace("'storm 0'", $"'storm {i}'"), new UTF8Encoding(false));
        clock.Stop();

        await tab.WaitForTextAsync("#out", "storm 500");
        await Task.Delay(3000); // anything still queued would show now
        var messages = await MessagesAsync(tab);
        Record($"500 saves in {clock.ElapsedMilliseconds} ms; loads {tab.Loads}; socket messages {string.Join(",", messages.GroupBy(m => m).Select(g => $"{g.Key}×{g.Count()}"))}");
        Assert.AreEqual("storm 500", await tab.TextAsync("#out"));
        Assert.IsFalse(await HasOverlayAsync(tab), "an error overlay is showing after the storm");
        // The module accepts itself: the product guarantees no full reload at all (the count of loads stays 1).
        Assert.AreEqual(1, tab.Loads, "the storm reloaded the page");
        Assert.DoesNotContain("full-reload", messages);
        Assert.IsTrue(await tab.IsMarkedAsync());
    }

    [TestMethod]
    public async Task AHundredFilesChangedAtOnce_OneBatchedUpdateOrOneReload()
    {
        var app = await AppAsync();
        var tab = await OpenAsync(app, "/batch/index.html");
        await tab.WaitForTextAsync("#out", "sum 0");
        var before = (await MessagesAsync(tab)).Length;

        for (var i = 0; i < 100; i++)
            File.WriteAllText(Path.Combine(app.WebRoot, "batch", "m", $"b{i:000}.js"), "export const v = 1;\n", new UTF8Encoding(false));

        await tab.WaitForTextAsync("#out", "sum 100");
        await Task.Delay(3000);
        var after = (await MessagesAsync(tab)).Skip(before).Where(t => t is "update" or "full-reload").ToList();
        Record($"100 files at once: loads {tab.Loads}; update/reload messages after the switch: {string.Join(",", after)}");
        Assert.AreEqual("sum 100", await tab.TextAsync("#out"));
        if (tab.Loads == 1) CollectionAssert.AreEqual(new[] { "update" }, after, "expected one batched update");
        else
        {
            Assert.AreEqual(2, tab.Loads, "expected at most one reload");
            CollectionAssert.AreEqual(new[] { "full-reload" }, after, "expected one full-reload message");
        }
    }

    [TestMethod]
    public async Task SocketDroppedInTheMiddleOfAnUpdate_PageCatchesUpWithoutALoop()
    {
        var app = await AppAsync();
        using var proxy = new TcpProxy(app.Port);
        var tab = await OpenAsync(app, "/drop/index.html", baseUrl: $"http://127.0.0.1:{proxy.Port}");
        await tab.WaitForTextAsync("#out", "drop 0");
        var file = Path.Combine(app.WebRoot, "drop", "main.js");
        var template = File.ReadAllText(file);
        var outcomes = new List<string>();
        var delays = new[] { 0, 10, 40, 80, 150 };
        for (var round = 1; round <= delays.Length; round++)
        {
            var loadsBefore = tab.Loads;
            File.WriteAllText(file, template.Replace("'drop 0'", $"'drop {round}'"), new UTF8Encoding(false));
            await Task.Delay(delays[round - 1]);
            proxy.DropAll(); // the socket and any module fetch in flight are cut (RST)
            await tab.WaitForTextAsync("#out", $"drop {round}");
            await Task.Delay(2500);
            outcomes.Add($"cut after {delays[round - 1]} ms: +{tab.Loads - loadsBefore} loads");
            Assert.IsLessThanOrEqualTo(1, tab.Loads - loadsBefore, $"round {round}: more than one reload (a loop)");
            Assert.AreEqual($"drop {round}", await tab.TextAsync("#out"));
        }
        Record("socket cut mid-update: " + string.Join("; ", outcomes));
    }

    [TestMethod]
    public async Task ServerKilledDuringAnUpdateAndRestarted_ReloadsOnce()
    {
        var app = await AppAsync();
        var tab = await OpenAsync(app, "/drop/index.html");
        await tab.WaitForTextAsync("#out", "drop 0");
        app.EditWebFile("drop/main.js", "'drop 0'", "'drop killed'");
        app.Stop(); // the whole tree, while the update is in flight
        await app.EnsureRunningAsync();
        await tab.AssertExactlyOneReloadAsync(TimeSpan.FromSeconds(90));
        await tab.WaitForTextAsync("#out", "drop killed");
        await Task.Delay(2000);
        Record($"server killed mid-update and restarted: loads {tab.Loads}");
        Assert.AreEqual(2, tab.Loads, "reload loop after the restart");
    }

    [TestMethod]
    public async Task ABrokenGraphArtifactAtStartup_AppStartsAndHmrWorks()
    {
        // The build rewrites its own graph before dotnet watch runs the app, so the damaged copies are handed to the
        // runtime through configuration (Hmr:GraphFile in appsettings.Development.json), one restart each.
        var app = await AppAsync();
        var graph = Directory.GetFiles(Path.Combine(app.Directory, "obj"), "module-graph.json", SearchOption.AllDirectories).Single();
        var good = File.ReadAllText(graph);
        var settings = Path.Combine(app.Directory, "appsettings.Development.json");
        var damagedFile = Path.Combine(app.Directory, "damaged-graph.json");
        var results = new List<string>();
        try
        {
            var round = 0;
            foreach (var (damage, broken) in new[]
                     {
                         ("corrupt", "{\"schemaVersion\":1,\"modules\":[{\"url\":\0\u00ff garbage ]]]}"),
                         ("truncated", good[..(good.Length / 2)]),
                         ("older-schema", good.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 0").Replace("\"schemaVersion\":1", "\"schemaVersion\":0")),
                     })
            {
                round++;
                Assert.AreNotEqual(good, broken, $"test error: the {damage} damage changed nothing");
                app.Stop();
                File.WriteAllText(damagedFile, broken);
                File.WriteAllText(settings, "{ \"Hmr\": { \"GraphFile\": \"damaged-graph.json\" } }\n");
                await app.EnsureRunningAsync();
                var tab = await OpenAsync(app, "/tabs/index.html");
                await tab.WaitForTextAsync("#out", "tabs 0");
                app.EditWebFile("tabs/main.js", "'tabs 0'", $"'tabs graph {round}'");
                await tab.WaitForTextAsync("#out", $"tabs graph {round}");
                await tab.AssertNoReloadAsync();
                var output = app.WatchOutput; // this restart's process only
                var refused = output.Contains("hmr build graph not used", StringComparison.Ordinal);
                var line = output.Split('\n').FirstOrDefault(l => l.Contains("hmr build graph not used", StringComparison.Ordinal))?.Trim() ?? "(no warning logged)";
                results.Add($"{damage}: app started, update applied, no reload; runtime said: {line}");
                Assert.IsTrue(refused, $"the runtime did not report the {damage} graph:\n{app.WatchOutputTail}");
                await tab.DisposeAsync();
                sessions.Remove(tab);
                File.WriteAllText(Path.Combine(app.WebRoot, "tabs", "main.js"), File.ReadAllText(Path.Combine(app.WebRoot, "tabs", "main.js")).Replace($"'tabs graph {round}'", "'tabs 0'"));
            }
        }
        finally
        {
            app.Stop();
            File.Delete(settings);
            File.Delete(damagedFile);
        }
        await app.EnsureRunningAsync();
        Record("graph artifact: " + string.Join(" | ", results));
    }

    [TestMethod]
    public async Task AFileReplacedBetweenItsEventAndItsRead_NoCrashAndTheNextSaveWorks()
    {
        // Tests run as root, where chmod 000 does not stop a read: the file is made unreadable by replacing it with a
        // directory, then with a dangling symbolic link, right after a save (between the change event and the read).
        var app = await AppAsync();
        var tab = await OpenAsync(app, "/victim/index.html");
        await tab.WaitForTextAsync("#out", "victim 0 / dep 0");
        var dep = Path.Combine(app.WebRoot, "victim", "dep.js");
        var statuses = new List<int>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            File.WriteAllText(dep, "export const dep = 'dep torn';\n");
            File.Delete(dep);
            Directory.CreateDirectory(dep);
            await Task.Delay(1500);
            statuses.Add((int)(await http.GetAsync(app.Url("/victim/dep.js"))).StatusCode);
            Assert.IsTrue(app.IsRunning, "the server died on a directory in place of a module");

            Directory.Delete(dep);
            File.WriteAllText(dep, "export const dep = 'dep torn again';\n");
            File.Delete(dep);
            File.CreateSymbolicLink(dep, Path.Combine(app.Directory, "no-such-file.js"));
            await Task.Delay(1500);
            statuses.Add((int)(await http.GetAsync(app.Url("/victim/dep.js"))).StatusCode);
            Assert.IsTrue(app.IsRunning, "the server died on a dangling symlink in place of a module");
        }
        finally
        {
            if (Directory.Exists(dep) && !File.Exists(dep)) Directory.Delete(dep, true);
            if (new FileInfo(dep).LinkTarget is not null) File.Delete(dep);
        }
        File.WriteAllText(dep, "export const dep = 'dep 1';\n", new UTF8Encoding(false));
        await tab.WaitForTextAsync("#out", "victim 0 / dep 1");
        Assert.AreEqual(200, (int)(await http.GetAsync(app.Url("/index.html"))).StatusCode);
        Record($"file replaced by a directory / dangling symlink: /victim/dep.js answered {string.Join(", ", statuses)}; server up; next save applied; loads {tab.Loads}");
        foreach (var status in statuses) Assert.IsLessThan(500, status, "a server error for a vanished module");
    }

    [TestMethod]
    public async Task HugeBinaryAndEmptyModules_ServerStaysUpAndOtherModulesKeepUpdating()
    {
        var app = await AppAsync();
        var tab = await OpenAsync(app, "/huge/index.html");
        await tab.WaitForTextAsync("#out", "huge 0 / 0");
        var dir = Path.Combine(app.WebRoot, "huge");

        var line = "export const big = 'x'; // " + new string('-', 90) + "\n";
        var clock = Stopwatch.StartNew();
        using (var big = new StreamWriter(Path.Combine(dir, "big.js"), false, new UTF8Encoding(false)))
        {
            big.Write(line);
            var filler = "// " + new string('=', 96) + "\n";
            for (long written = line.Length; written < 50L * 1024 * 1024; written += filler.Length) big.Write(filler);
        }
        var binary = new byte[256 * 1024];
        new Random(5).NextBytes(binary);
        File.WriteAllBytes(Path.Combine(dir, "binary.js"), binary);
        File.WriteAllText(Path.Combine(dir, "empty.js"), "");
        await Task.Delay(2000);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var binaryStatus = (int)(await http.GetAsync(app.Url("/huge/binary.js"))).StatusCode;
        var bigStatus = (int)(await http.GetAsync(app.Url("/huge/big.js"), HttpCompletionOption.ResponseHeadersRead)).StatusCode;

        app.EditWebFile("huge/main.js", "'huge 0'", "'huge 1'");
        await tab.WaitForTextAsync("#out", "huge 1 / 0");
        clock.Stop();
        Assert.IsTrue(app.IsRunning);
        Record($"50 MB + binary + empty .js: /huge/big.js {bigStatus}, /huge/binary.js {binaryStatus}; next edit applied {clock.ElapsedMilliseconds} ms after the writes began; loads {tab.Loads}");
        Assert.AreEqual(1, tab.Loads, "the page reloaded");
        Assert.IsLessThan(500, binaryStatus);
        Assert.IsLessThan(500, bigStatus);
    }

    [TestMethod]
    public async Task FiftyTabsAllUpdatedByOneEdit()
    {
        var app = await AppAsync();
        var first = await OpenAsync(app, "/tabs/index.html");
        var tabs = new List<PageSession> { first };
        for (var i = 1; i < 50; i++) tabs.Add(await OpenAsync(app, "/tabs/index.html", sameContextAs: first));
        foreach (var t in tabs) await t.WaitForTextAsync("#out", "tabs 0");

        app.EditWebFile("tabs/main.js", "'tabs 0'", "'tabs fifty'");

        foreach (var t in tabs) await t.WaitForTextAsync("#out", "tabs fifty");
        await Task.Delay(1500);
        var reloaded = tabs.Count(t => t.Loads != 1);
        Record($"50 tabs: all show the edit; tabs reloaded: {reloaded}");
        Assert.AreEqual(0, reloaded, "some tabs reloaded instead of updating");
    }
}
