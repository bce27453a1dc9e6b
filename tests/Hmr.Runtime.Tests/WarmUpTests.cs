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

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hmr-warmup-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestMethod]
    public async Task Every_round_completes_through_real_file_events_and_the_scratch_folder_is_removed()
    {
        var parent = NewFolder();
        var rounds = await UpdatePathWarmup.RunAsync(CancellationToken.None, parent).WaitAsync(Generous);
        // A round completes only when the watcher's event came through the engine as an outcome and the module was served.
        Assert.AreEqual(UpdatePathWarmup.Rounds, rounds);
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
        var rounds = await running.WaitAsync(Generous);
        Assert.IsLessThan(UpdatePathWarmup.Rounds, rounds);
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
        Assert.AreEqual(UpdatePathWarmup.Rounds, await service.WarmUp.WaitAsync(Generous));

        // The warm-up's 120 synthetic updates went to its own socket: the first message this tab gets is its own update.
        app.Engine.MarkExecuted("/js/main.js");
        app.Engine.MarkExecuted("/js/counter.js");
        File.WriteAllText(Path.Combine(app.WebRoot, "js", "counter.js"), "export let count = 1;\nimport.meta.hot.accept();\n");
        var first = await tab.ReceiveAsync(Generous);
        Assert.AreEqual("update", first.GetProperty("type").GetString());
        Assert.AreEqual("/js/counter.js", first.GetProperty("updates")[0].GetProperty("path").GetString());
    }
}
