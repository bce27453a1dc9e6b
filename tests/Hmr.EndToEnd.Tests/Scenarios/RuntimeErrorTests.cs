using System.Text.RegularExpressions;
using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Runtime errors on the non-blocking panel (docs/runtime.md, "Runtime errors"): what the app's modules throw
/// or reject, at the first frame of app code, dismissable, cleared by the next good update of that module; rate-limited
/// for an error loop; another origin's errors left alone.</summary>
[TestClass]
public sealed class RuntimeErrorTests : ScenarioTest
{
    private const string PanelText = "() => document.querySelector('hmr-runtime-error')?.shadowRoot?.textContent ?? null";

    private static async Task<string> PanelAsync(PageSession tab)
    {
        await tab.WaitForAsync($"({PanelText})() !== null", "the runtime error panel");
        await Task.Delay(300); // a redraw of a repeating error waits up to 250 ms
        return await tab.Page.EvaluateAsync<string>(PanelText);
    }

    /// <summary>These pages throw on purpose, so <see cref="PageSession.AssertNoReloadAsync"/>'s "nothing uncaught" does not apply.</summary>
    private static async Task AssertNotReloadedAsync(PageSession tab)
    {
        await Task.Delay(1500);
        Assert.AreEqual(1, tab.Loads, "no full reload");
        Assert.IsTrue(await tab.IsMarkedAsync(), "the same document");
    }

    [TestMethod]
    public async Task AnUncaughtError_ShowsThePanelAtItsLine_DismissWorks_AndTheNextUpdateOfTheModuleClearsIt()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/runtimeerror.html");
        await tab.WaitForTextAsync("#out", "v1");

        await tab.Page.ClickAsync("#throw");
        var text = await PanelAsync(tab);
        StringAssert.Contains(text, "Error: clicked v1");
        StringAssert.Contains(text, "/runtimeerror.main.js:4:9", "the first app frame: file, line, column");
        await tab.Page.Locator("hmr-runtime-error").Locator("button").ClickAsync();
        await tab.WaitForAsync($"({PanelText})() === null", "the panel to be dismissed");

        await tab.Page.ClickAsync("#reject");
        text = await PanelAsync(tab);
        StringAssert.Contains(text, "Unhandled rejection");
        StringAssert.Contains(text, "Error: rejected v1");
        StringAssert.Contains(text, "/runtimeerror.main.js:7:");
        Assert.AreEqual("v1", await tab.TextAsync("#out"), "non-blocking: the page goes on");

        app.EditWebFile("runtimeerror.main.js", "v1", "v2");
        await tab.WaitForTextAsync("#out", "v2");
        await tab.WaitForAsync($"({PanelText})() === null", "the good update to clear the panel");
        await AssertNotReloadedAsync(tab);
    }

    [TestMethod]
    public async Task AnErrorLoop_IsOnePanelThatCounts_AndThePageStaysResponsive()
    {
        await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/runtimeerror.html");
        await tab.WaitForTextAsync("#out", "v1");

        await tab.Page.ClickAsync("#loop");
        await Task.Delay(1800); // the loop throws for 1.5 s
        var text = await PanelAsync(tab);
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => document.querySelectorAll('hmr-runtime-error').length"));
        var times = int.Parse(Regex.Match(text, @"thrown (\d+) times").Groups[1].Value);
        Assert.IsGreaterThan(50, times, text);
        Assert.AreEqual("v1", await tab.TextAsync("#out"), "still responding");

        // A thrown value that is not an Error: placed where the browser reports it.
        await tab.Page.Locator("hmr-runtime-error").Locator("button").ClickAsync();
        await tab.Page.ClickAsync("#string");
        text = await PanelAsync(tab);
        StringAssert.Contains(text, "a plain string v1 (thrown, not an Error)");
        StringAssert.Contains(text, "/runtimeerror.main.js:14:");
    }

    [TestMethod]
    public async Task AnotherOriginsError_IsIgnored_AndAnAcceptCallbacksErrorIsShown()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/runtimeerror.html");
        await tab.WaitForTextAsync("#out", "v1");

        // Same server, another origin (localhost against 127.0.0.1): the page sees only "Script error.".
        await tab.Page.EvaluateAsync($"() => new Promise(resolve => {{ const s = document.createElement('script'); s.src = 'http://localhost:{app.Port}/runtimeerror.foreign.js'; s.onload = s.onerror = resolve; document.head.append(s); }})");
        await Task.Delay(500);
        Assert.IsNull(await tab.Page.EvaluateAsync<string?>(PanelText), "not the app's to fix");

        await tab.Page.EvaluateAsync("() => { window.failAccept = true; }");
        app.EditWebFile("runtimeerror.main.js", "v1", "v2");
        await tab.WaitForTextAsync("#out", "v2");
        var text = await PanelAsync(tab);
        StringAssert.Contains(text, "Error in an accept callback");
        StringAssert.Contains(text, "Error: accept callback failed");
        StringAssert.Contains(text, "/runtimeerror.main.js:19:");
        await AssertNotReloadedAsync(tab);
    }
}
