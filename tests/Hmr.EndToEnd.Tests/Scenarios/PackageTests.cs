using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>The packed package in a web project: the build writes the module graph, and the running app serves the client.</summary>
[TestClass]
public sealed class PackageTests : ScenarioTest
{
    [TestMethod]
    public async Task DebugBuild_WritesTheModuleGraph_AndThePageGetsTheClient()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var graph = Path.Combine(app.Directory, "obj", "Debug", "net10.0", "hmr", "module-graph.json");
        Assert.IsTrue(File.Exists(graph), "the build wrote " + graph);
        var json = await File.ReadAllTextAsync(graph);
        StringAssert.Contains(json, "/selfaccept.main.js");
        StringAssert.Contains(json, "/nested.leaf.js");

        var tab = await OpenAsync("/selfaccept.html");
        Assert.IsTrue(await tab.Page.EvaluateAsync<bool>("() => [...document.scripts].some(s => new URL(s.src || location.href).pathname.startsWith('/_hmr/'))"),
            "the HTML page carries an injected /_hmr/ script");
        Assert.IsTrue(await tab.Page.EvaluateAsync<bool>("() => performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === '/_hmr/client.js')"),
            "the page loaded the HMR client /_hmr/client.js");
    }
}
