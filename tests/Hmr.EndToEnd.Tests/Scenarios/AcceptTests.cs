using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>The accept forms of import.meta.hot: self-accept, dep accept (direct and two levels down),
/// dispose with data, invalidate, and one update reaching two tabs.</summary>
[TestClass]
public sealed class AcceptTests : ScenarioTest
{
    [TestMethod]
    public async Task SelfAcceptingModule_KeepsItsStateAcrossAnEdit()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/selfaccept.html");
        await tab.WaitForTextAsync("#label", "Clicks");
        for (var i = 0; i < 3; i++) await tab.Page.ClickAsync("#btn");
        await tab.WaitForTextAsync("#count", "3");

        app.EditWebFile("selfaccept.main.js", "const LABEL = 'Clicks';", "const LABEL = 'Taps';");

        await tab.WaitForTextAsync("#label", "Taps");
        Assert.AreEqual("3", await tab.TextAsync("#count"), "the count kept in import.meta.hot.data survives the update");
        // The old version's dispose removed its click handler: one click counts once.
        await tab.Page.ClickAsync("#btn");
        await tab.WaitForTextAsync("#count", "4");
        await tab.AssertNoReloadAsync();
        Assert.AreEqual("4", await tab.TextAsync("#count"));
    }

    [TestMethod]
    public async Task ModuleAcceptingItsDep_RendersTheNewExportWithoutReRunning()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/depaccept.html");
        await tab.WaitForTextAsync("#out", "dep one");

        app.EditWebFile("depaccept.dep.js", "'dep one'", "'dep two'", SaveMode.Atomic);

        await tab.WaitForTextAsync("#out", "dep two");
        await tab.AssertNoReloadAsync();
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => window.__mainRuns"), "the accepting module itself is not re-run");
    }

    [TestMethod]
    public async Task ChangeTwoLevelsBelowTheAcceptingModule_ReachesIt()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/nested.html");
        await tab.WaitForTextAsync("#out", "mid sees leaf one");

        app.EditWebFile("nested.leaf.js", "'leaf one'", "'leaf two'");

        await tab.WaitForTextAsync("#out", "mid sees leaf two");
        await tab.AssertNoReloadAsync();
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => window.__mainRuns"));
    }

    [TestMethod]
    public async Task DisposeHandler_PassesDataToTheNextVersion()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/dispose.html");
        await tab.WaitForTextAsync("#out", "v1 fresh");

        app.EditWebFile("dispose.main.js", "const VERSION = 'v1';", "const VERSION = 'v2';", SaveMode.Atomic);
        await tab.WaitForTextAsync("#out", "v2 after v1 (1)");

        app.EditWebFile("dispose.main.js", "const VERSION = 'v2';", "const VERSION = 'v3';");
        await tab.WaitForTextAsync("#out", "v3 after v2 (2)");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task InvalidateFromTheChildsAcceptCallback_ReachesTheParent()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/invalidate.html");
        await tab.WaitForTextAsync("#out", "child one");

        app.EditWebFile("invalidate.child.js", "'child one'", "'child two'");

        await tab.WaitForTextAsync("#out", "child two");
        await tab.WaitForAsync("() => document.body.dataset.childAcceptRan === 'yes'", "the child's own accept callback to run");
        await tab.WaitForAsync("() => document.body.dataset.parentAccepted === '1'", "the parent's accept callback to run once");
        await tab.WaitForAsync("() => document.body.dataset.invalidated !== undefined", "the vite:invalidate event");
        await tab.AssertNoReloadAsync();
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => window.__mainRuns"), "the parent accepted the child: it is not re-run");
    }

    [TestMethod]
    public async Task TwoTabs_BothReceiveTheUpdate()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var first = await OpenAsync("/twotabs.html");
        var second = await OpenAsync("/twotabs.html");
        await first.WaitForTextAsync("#out", "tabs one");
        await second.WaitForTextAsync("#out", "tabs one");

        app.EditWebFile("twotabs.main.js", "'tabs one'", "'tabs two'");

        await first.WaitForTextAsync("#out", "tabs two");
        await second.WaitForTextAsync("#out", "tabs two");
        await first.AssertNoReloadAsync();
        await second.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task UpdateEvents_FireAroundEachUpdate_AndANewVersionReplacesTheOldListeners()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/events.html");
        await tab.WaitForTextAsync("#out", "events one");

        app.EditWebFile("events.main.js", "'events one'", "'events two'");
        await tab.WaitForTextAsync("#out", "events two");
        await tab.WaitForAsync("() => window.__after === 1", "vite:afterUpdate after the first update");
        app.EditWebFile("events.main.js", "'events two'", "'events three'", SaveMode.Atomic);
        await tab.WaitForTextAsync("#out", "events three");
        await tab.WaitForAsync("() => window.__after === 2", "vite:afterUpdate after the second update");

        await tab.AssertNoReloadAsync();
        // One listener per event at any time: the first version's listeners did not survive its replacement.
        Assert.AreEqual(2, await tab.Page.EvaluateAsync<int>("() => window.__before"), "vite:beforeUpdate ran once per update");
        Assert.AreEqual(2, await tab.Page.EvaluateAsync<int>("() => window.__after"), "vite:afterUpdate ran once per update");
        Assert.AreEqual("baba", await tab.Page.EvaluateAsync<string>("() => window.__order"));
    }
}
