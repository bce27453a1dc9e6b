using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Living with dotnet watch (site served by MapStaticAssets): its JS reload is suppressed, its CSS refresh
/// and C# hot reload still work, a reload revalidates its script and the client, and a restarted server reloads the page
/// once.</summary>
[TestClass]
public sealed class WatchIntegrationTests : ScenarioTest
{
    [TestMethod]
    public async Task JsEditWithABoundary_IsNotReloadedByDotnetWatchsOwnScript()
    {
        var app = await UseAppAsync(SharedApps.DotnetWatchAsync);
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#out", "js one");
        Assert.IsTrue(await tab.Page.EvaluateAsync<bool>("() => !!document.querySelector('script[src*=\"aspnetcore-browser-refresh\"]')"),
            "dotnet watch's browser-refresh script is in the page (otherwise this test proves nothing)");

        app.EditWebFile("main.js", "'js one'", "'js two'");

        await tab.WaitForTextAsync("#out", "js two");
        // dotnet watch did push the change to the page (its script would reload for it), and the page stayed.
        await tab.WaitForLogAsync("[watch <-]", "UpdateStaticFile", "dotnet watch's UpdateStaticFile message for main.js");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task CssEdit_IsStillRefreshedInPlace()
    {
        var app = await UseAppAsync(SharedApps.DotnetWatchAsync);
        var tab = await OpenAsync("/index.html");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(255, 0, 0)'", "the red style");

        app.EditWebFile("site.css", "rgb(255, 0, 0)", "rgb(0, 128, 0)", SaveMode.Atomic);

        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(0, 128, 0)'", "the green style");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task CSharpEdit_StillReachesThePage()
    {
        var app = await UseAppAsync(SharedApps.DotnetWatchAsync);
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#server", WebApp.ServerTextV1);

        app.EditProgram(WebApp.ServerTextV1, "server says v2");

        // dotnet watch applies the edit (hot reload, or a rebuild and restart) and refreshes the browser.
        await tab.WaitForAsync("() => document.getElementById('server')?.textContent === 'server says v2'", "the page to show the new endpoint text", TimeSpan.FromSeconds(90));
        // The page's markup did not change, only what its script fetches: a morph would show nothing new, so it reloaded.
        await tab.WaitForLogAsync("[console.info]", "the page's markup is the same, so the change is in code its scripts call", "the reason for the reload");
    }

    [TestMethod]
    public async Task AReload_DownloadsNeitherTheClientNorDotnetWatchsScriptAgain()
    {
        await UseAppAsync(SharedApps.DotnetWatchAsync);
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#out", "js one");
        await tab.WaitForHmrConnectionAsync(1);

        await tab.Page.ReloadAsync();
        await tab.WaitForTextAsync("#out", "js one");
        await tab.WaitForHmrConnectionAsync(2);

        // Resource Timing's transferSize: 0 from the cache unasked, a few hundred bytes for a 304, the body otherwise.
        var sizes = await tab.Page.EvaluateAsync<Dictionary<string, double>>("""
            () => Object.fromEntries(performance.getEntriesByType('resource')
              .map((entry) => [new URL(entry.name).pathname, entry.transferSize]))
            """);
        Assert.AreEqual(0, sizes["/_hmr/preamble.js"], "the preamble, under this server's URL, is not even revalidated");
        foreach (var revalidated in new[] { "/_hmr/client.js", "/_hmr/overlay.js", "/_framework/aspnetcore-browser-refresh.js" })
        {
            Assert.IsTrue(sizes.TryGetValue(revalidated, out var size), $"{revalidated} was loaded: {string.Join(", ", sizes.Keys)}");
            Assert.IsTrue(size is > 0 and < 1000, $"{revalidated}: {size} bytes transferred, where a 304 is a few hundred");
        }
    }

    [TestMethod]
    public async Task ServerRestart_ReloadsThePageExactlyOnce()
    {
        var app = await UseAppAsync(SharedApps.DotnetWatchAsync);
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#out", "js one");

        app.Stop();
        await app.EnsureRunningAsync(); // same port, new server instance

        await tab.AssertExactlyOneReloadAsync(TimeSpan.FromSeconds(60));
        await tab.WaitForTextAsync("#out", "js one");
        await tab.WaitForHmrConnectionAsync(2);
    }
}
