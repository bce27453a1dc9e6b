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

    /// <summary>Text of the error overlay, or null when none is shown (as in CssAndErrorTests).</summary>
    private const string OverlayText = """
        () => {
          const el = document.querySelector('hmr-error-overlay')
            ?? [...document.querySelectorAll('*')].find(e => e.tagName.toLowerCase().startsWith('hmr-'));
          if (!el || !el.isConnected || !el.checkVisibility()) return null;
          return ((el.shadowRoot?.textContent ?? '') + ' ' + el.textContent).replace(/\s+/g, ' ');
        }
        """;

    /// <summary>dotnet watch does not rebuild for a .js save: the runtime bundles the new package (htm, which no page
    /// imported, so the build did not bundle it) in the background and the page reloads once, with its entry.</summary>
    [TestMethod]
    public async Task PackageImportedWhileRunning_IsBundled_AndThePageReloadsOnceAndRunsIt()
    {
        var app = await UseAppAsync(SharedApps.DependenciesAsync);
        var tab = await OpenAsync("/later.html");
        await tab.WaitForTextAsync("#later", "no package yet");
        await tab.MarkDocumentAsync();

        app.EditWebFile("later.js", "document.getElementById('later').textContent = 'no package yet';",
            "import htm from 'htm';\nconst html = htm.bind((type) => type);\ndocument.getElementById('later').textContent = 'htm ' + html`<em/>`;");

        await tab.AssertExactlyOneReloadAsync(TimeSpan.FromSeconds(60));
        await tab.WaitForTextAsync("#later", "htm em");
        StringAssert.Contains(app.WatchOutputTail, "new bare import htm in /later.js", "the server log says why");
    }

    /// <summary>A package that is not installed: the overlay names it at the import; the page's other module stays hot.</summary>
    [TestMethod]
    public async Task MissingPackageImportedWhileRunning_ShowsTheOverlay_OtherModulesStayHot()
    {
        var app = await UseAppAsync(SharedApps.DependenciesAsync);
        var tab = await OpenAsync("/later.html");
        await tab.WaitForTextAsync("#later", "no package yet");
        await tab.MarkDocumentAsync();

        app.EditWebFile("later.js", "document.getElementById('later').textContent = 'no package yet';",
            "import missing from 'not-installed-package';\ndocument.getElementById('later').textContent = missing;");

        await tab.WaitForAsync($"() => ({OverlayText})() !== null", "the error overlay", TimeSpan.FromSeconds(60));
        var text = await tab.Page.EvaluateAsync<string>($"() => ({OverlayText})()");
        StringAssert.Contains(text, "not-installed-package", "the overlay names the package");
        StringAssert.Contains(text, "/later.js", "the overlay names the importing file");

        app.EditWebFile("later.clock.js", "'clock one'", "'clock two'");
        await tab.WaitForTextAsync("#clock", "clock two");
        await tab.AssertNoReloadAsync();
    }
}
