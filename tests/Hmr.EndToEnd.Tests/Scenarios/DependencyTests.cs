using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>npm packages imported by bare name, ES and CommonJS, with no import map written by hand: the real build
/// pre-bundles them, the page's import map gets their entries, and the app's own modules stay hot beside them.</summary>
[TestClass]
public sealed class DependencyTests : ScenarioTest
{
    [TestMethod]
    public async Task BareImportsOfEsAndCommonJsPackages_RunInThePage_FromImmutableBundles()
    {
        var app = await UseAppAsync(SharedApps.DependenciesAsync);
        var tab = await OpenAsync("/index.html");

        await tab.WaitForTextAsync("#out", """{"chunk":[[1,2],[3,4],[5]],"camel":"hotModuleReplacement","date":"2026-01-03","dayjs":"2026-12-04","react":true}""");
        // react-dom's hooks need the same React instance the page imported: one React, shared by both bundles.
        await tab.WaitForTextAsync("#react", "react rendered 42");
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => document.querySelectorAll('script[type=importmap]').length"), "one import map");

        var bundles = await tab.Page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.startsWith('/_deps/'))");
        Assert.IsTrue(bundles.Length > 0, "the page loaded pre-bundled dependencies from /_deps/");
        using var http = new HttpClient();
        foreach (var bundle in bundles)
        {
            using var response = await http.GetAsync(app.Url(bundle));
            Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, bundle);
            StringAssert.Contains(response.Headers.CacheControl?.ToString() ?? "", "immutable", bundle);
        }
        // Far fewer requests than the packages have files (lodash-es alone has hundreds).
        Assert.IsLessThan(20, bundles.Length, string.Join(", ", bundles));
    }

    [TestMethod]
    public async Task AppModuleNextToDependencies_StaysHot()
    {
        var app = await UseAppAsync(SharedApps.DependenciesAsync);
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#app", "app-version-one");

        app.EditWebFile("app.js", "'app version one'", "'app version two'");

        await tab.WaitForTextAsync("#app", "app-version-two");
        await tab.AssertNoReloadAsync();
    }
}
