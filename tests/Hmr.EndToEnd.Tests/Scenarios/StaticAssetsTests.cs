using System.Text.Json;
using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>MapStaticAssets' fingerprinted URLs (<c>fingerprint.main.&lt;hash&gt;.js</c>), as <c>@Assets[…]</c> or an
/// import map hands them to pages: a module loaded through one still takes hot updates.</summary>
[TestClass]
public sealed class StaticAssetsTests : ScenarioTest
{
    [TestMethod]
    public async Task ModuleLoadedThroughItsFingerprintedUrl_TakesAHotUpdateWithoutReload()
    {
        var app = await UseAppAsync(SharedApps.DotnetWatchAsync);
        var fingerprinted = FingerprintedRoute(app, "fingerprint.main.js");
        var tab = await OpenAsync("/fingerprint.html?module=" + Uri.EscapeDataString("/" + fingerprinted));
        await tab.WaitForTextAsync("#fp", "fingerprinted one");
        Assert.IsTrue(await tab.Page.EvaluateAsync<bool>($"() => performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === {PageSession.Js("/" + fingerprinted)})"),
            "the page loaded the module through its fingerprinted URL /" + fingerprinted);

        app.EditWebFile("fingerprint.main.js", "'fingerprinted one'", "'fingerprinted two'");

        await tab.WaitForTextAsync("#fp", "fingerprinted two");
        await tab.AssertNoReloadAsync();
    }

    /// <summary>The fingerprinted route of a wwwroot file, from the build's static web assets endpoints manifest.</summary>
    private static string FingerprintedRoute(WebApp app, string file)
    {
        var manifest = Path.Combine(app.Directory, "bin", "Debug", "net10.0", app.Name + ".staticwebassets.endpoints.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var endpoint in json.RootElement.GetProperty("Endpoints").EnumerateArray())
        {
            var route = endpoint.GetProperty("Route").GetString();
            if (route is null || route == file || !endpoint.TryGetProperty("EndpointProperties", out var properties)) continue;
            if (properties.EnumerateArray().Any(p => p.GetProperty("Name").GetString() == "label" && p.GetProperty("Value").GetString() == file)) return route;
        }
        throw new InvalidOperationException($"no fingerprinted route for {file} in {manifest}");
    }
}
