using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>`dotnet publish` of an app whose modules import npm packages by bare name: the published app, run as a
/// server runs it, serves the same bundles with the same import map entries, and nothing of HMR.</summary>
[TestClass]
public sealed class PublishTests : ScenarioTest
{
    [TestMethod]
    public async Task PublishedApp_ServesTheSameBundlesAndImportMap_AndNothingOfHmr()
    {
        var app = await UseAppAsync(SharedApps.DependenciesAsync);
        app.Stop();
        var output = Path.Combine(app.Directory, "bin", "published");
        await ChildProcess.RunAsync(app.Directory, TimeSpan.FromMinutes(5), "publish", "-c", "Release", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false");

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain("Acornima.dll", files, "the parser is build-time only");
        Assert.DoesNotContain("Hmr.Bundler.dll", files, "the bundler is build-time only");
        Assert.IsNotEmpty(Directory.GetFiles(Path.Combine(output, "wwwroot", "_deps"), "*.js"), "the bundles are published as web assets");

        try
        {
            await app.StartAsync(AppLaunch.Published(Path.Combine(output, app.Name + ".dll")));
            var tab = await OpenAsync("/index.html", waitForHmrConnection: false);

            // The same results as under dotnet watch (DependencyTests), ES and CommonJS packages, one React.
            await tab.WaitForTextAsync("#out", """{"chunk":[[1,2],[3,4],[5]],"camel":"hotModuleReplacement","date":"2026-01-03","dayjs":"2026-12-04","react":true}""");
            await tab.WaitForTextAsync("#react", "react rendered 42");
            Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => document.querySelectorAll('script[type=importmap]').length"), "one import map");
            Assert.IsFalse(await tab.Page.EvaluateAsync<bool>(
                "() => performance.getEntriesByType('resource').some(e => new URL(e.name).pathname.startsWith('/_hmr/'))"), "nothing of HMR loaded");
            Assert.IsFalse(await tab.Page.EvaluateAsync<bool>("() => typeof window.__hmrPreambleLoaded !== 'undefined'"));

            var bundles = await tab.Page.EvaluateAsync<string[]>(
                "() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.startsWith('/_deps/'))");
            Assert.IsNotEmpty(bundles, "the page loaded the published bundles");
            using var http = new HttpClient();
            foreach (var bundle in bundles)
            {
                using var response = await http.GetAsync(app.Url(bundle));
                Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, bundle);
                StringAssert.Contains(response.Headers.CacheControl?.ToString() ?? "", "immutable", bundle);
            }
            using var client = await http.GetAsync(app.Url("/_hmr/client.js"));
            Assert.AreEqual(System.Net.HttpStatusCode.NotFound, client.StatusCode, "no HMR client in production");
        }
        finally
        {
            await app.StartAsync(AppLaunch.DotnetWatch); // leave the shared app as the other tests expect it
        }
    }
}
