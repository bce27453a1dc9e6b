using Hmr.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hmr.Runtime.Tests;

/// <summary>The update path's warm-up: it really goes through the watcher, engine, socket and middleware, and leaves
/// no trace in the app or on disk.</summary>
[TestClass]
public sealed class WarmUpTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly List<string> _folders = [];

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hmr-warmup-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }

    [TestCleanup]
    public void RemoveFolders()
    {
        foreach (var folder in _folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public async Task Every_round_completes_through_real_file_events_and_the_scratch_folder_is_removed()
    {
        var parent = NewFolder();
        var result = await UpdatePathWarmup.RunAsync(CancellationToken.None, parent).WaitAsync(Generous);
        // A round completes only when both saves came through the engine as outcomes and both modules were served.
        Assert.AreEqual(UpdatePathWarmup.Rounds, result.Rounds);
        Assert.AreEqual(0, result.LoopbackRequests);
        Assert.IsEmpty(Directory.GetFileSystemEntries(parent));
    }

    [TestMethod]
    public async Task Stopping_ends_it_early_and_still_removes_the_scratch_folder()
    {
        var parent = NewFolder();
        using var stop = new CancellationTokenSource();
        var running = UpdatePathWarmup.RunAsync(stop.Token, parent);
        await Task.Delay(200);
        stop.Cancel();
        var result = await running.WaitAsync(Generous);
        Assert.IsLessThan(UpdatePathWarmup.Rounds, result.Rounds);
        Assert.IsEmpty(Directory.GetFileSystemEntries(parent));
    }

    [TestMethod]
    public async Task An_app_warming_up_tells_its_tabs_nothing_and_still_updates_them()
    {
        var site = new Dictionary<string, string>
        {
            ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
            ["wwwroot/js/main.js"] = "import './counter.js';\n",
            ["wwwroot/js/counter.js"] = "export let count = 0;\nimport.meta.hot.accept();\n",
        };
        await using var app = await TestApp.StartAsync(site, args: ["--Hmr:WarmUp=true"]);
        await using var tab = await SocketClient.ConnectAsync(app, origin: app.Address.GetLeftPart(UriPartial.Authority));
        Assert.AreEqual("connected", (await tab.ReceiveAsync()).GetProperty("type").GetString());
        var service = app.App.Services.GetServices<IHostedService>().OfType<HmrHostedService>().Single();
        Assert.IsNotNull(service.WarmUp, "the warm-up did not start with the app");
        var result = await service.WarmUp.WaitAsync(Generous);
        Assert.AreEqual(UpdatePathWarmup.Rounds, result.Rounds);
        // Its module requests went over a real connection to the app (nobody logs or traces requests here).
        Assert.IsFalse(result.LoopbackFailed);
        Assert.AreEqual(2 * result.Rounds, result.LoopbackRequests);
        // And its route closed with it.
        Assert.IsFalse(app.App.Services.GetRequiredService<WarmUpRoute>().IsOpen);

        // The warm-up's synthetic updates went to its own socket: the first message this tab gets is its own update.
        app.Engine.MarkExecuted("/js/main.js");
        app.Engine.MarkExecuted("/js/counter.js");
        File.WriteAllText(Path.Combine(app.WebRoot, "js", "counter.js"), "export let count = 1;\nimport.meta.hot.accept();\n");
        var first = await tab.ReceiveAsync(Generous);
        Assert.AreEqual("update", first.GetProperty("type").GetString());
        Assert.AreEqual("/js/counter.js", first.GetProperty("updates")[0].GetProperty("path").GetString());
    }
}
