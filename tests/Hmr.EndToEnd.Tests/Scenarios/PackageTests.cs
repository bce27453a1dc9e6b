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
        StringAssert.Contains(json, "/selfaccept/main.js");
        StringAssert.Contains(json, "/nested/leaf.js");

        var tab = await OpenAsync("/selfaccept/index.html");
        Assert.IsTrue(await tab.Page.EvaluateAsync<bool>("() => [...document.scripts].some(s => s.src.includes('/_hmr/client.js'))"),
            "the HTML page carries the injected /_hmr/client.js");
    }
}
