using Hmr.Core.Analysis;
using Hmr.Core.Artifact;
using static Hmr.Runtime.Tests.Dependencies.DependencySite;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>The running engine takes the manifest's entries as leaves: a mapped bare import is no HMR020 and is not
/// followed; when the build moves a dependency a running page imports, that page reloads.</summary>
[TestClass]
public sealed class DependencyAnalysisTests
{
    private static Dictionary<string, string> Site() => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
        ["wwwroot/js/main.js"] = "import { debounce } from 'lodash-es';\nimport.meta.hot.accept();\nexport const d = debounce;\n",
        ["wwwroot/js/other.js"] = "import React from 'react';\nexport const r = React;\n",
    };

    private static AnalysedModule Analyse(TestApp app, string url)
    {
        var file = Path.Combine(app.WebRoot, url.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
        return app.Engine.AnalyzeForServing(url, file, File.ReadAllBytes(file));
    }

    [TestMethod]
    public async Task Mapped_bare_import_is_an_external_leaf_without_a_diagnostic()
    {
        await using var app = await DependencySite.StartAsync(Site(), [Lodash]);
        var record = Analyse(app, "/js/main.js").Record;
        Assert.AreEqual(0, record.Diagnostics.Count, string.Join("; ", record.Diagnostics.Select(d => d.Message)));
        var import = record.Imports.Single(i => i.Specifier == "lodash-es");
        Assert.IsTrue(import.External);
        Assert.AreEqual(Lodash.Url, import.Url);
        Assert.IsNull(app.Engine.GetModule(Lodash.Url), "a dependency is not a module of the graph");
        StringAssert.Contains(await app.Http.GetStringAsync("/js/main.js"), "from 'lodash-es';", "the page's import map resolves it");

        // Not in the manifest: still the diagnostic a bare name without a map entry gets.
        Assert.AreEqual(GraphDiagnosticCodes.BareSpecifierUnmapped, Analyse(app, "/js/other.js").Record.Diagnostics.Single().Code);
    }

    [TestMethod]
    public async Task Entry_the_app_maps_itself_wins_over_the_manifest()
    {
        var site = Site();
        site["wwwroot/index.html"] = site["wwwroot/index.html"].Replace("<head>", "<head><script type=\"importmap\">{\"imports\":{\"lodash-es\":\"/js/my-lodash.js\"}}</script>");
        site["wwwroot/js/my-lodash.js"] = "export const debounce = 1;\n";
        await using var app = await DependencySite.StartAsync(site, [Lodash]);
        var import = Analyse(app, "/js/main.js").Record.Imports.Single(i => i.Specifier == "lodash-es");
        Assert.IsFalse(import.External);
        Assert.AreEqual("/js/my-lodash.js", import.Url);
    }

    [TestMethod]
    public async Task Moved_dependency_reloads_pages_running_an_importer()
    {
        await using var app = await DependencySite.StartAsync(Site(), [Lodash, React]);
        await app.Http.GetStringAsync("/js/main.js"); // a page runs main.js (lodash-es); nothing runs other.js (react)
        await using var socket = await SocketClient.ConnectAsync(app);
        Assert.AreEqual("connected", (await socket.ReceiveAsync()).GetProperty("type").GetString());

        // react moves, but no running module imports it: nothing to reload (new pages get the new entry).
        var react2 = React with { Content = "export default { version: '19.1' };\n" };
        Write(app.Root, Lodash, react2);
        StringAssert.Contains(await PageAsync(app, "/"), react2.Url);

        var lodash2 = Lodash with { Content = "export function debounce(f) { return () => f(); }\n" };
        Write(app.Root, lodash2, react2);
        var reload = await socket.ReceiveAsync();
        Assert.AreEqual("full-reload", reload.GetProperty("type").GetString(), reload.ToString());
        Assert.AreEqual("/js/main.js", reload.GetProperty("triggeredBy").GetString());
        Assert.AreEqual(lodash2.Url, Analyse(app, "/js/main.js").Record.Imports.Single(i => i.Specifier == "lodash-es").Url);
    }

    [TestMethod]
    public async Task Dependency_that_becomes_available_reloads_the_page_that_failed_on_it()
    {
        await using var app = await DependencySite.StartAsync(Site(), [Lodash]);
        await app.Http.GetStringAsync("/js/other.js"); // served, and failed in the browser: 'react' had no entry
        await using var socket = await SocketClient.ConnectAsync(app);
        await socket.ReceiveTypeAsync("connected");

        Write(app.Root, Lodash, React);
        var reload = await socket.ReceiveAsync();
        Assert.AreEqual("full-reload", reload.GetProperty("type").GetString(), reload.ToString());
        Assert.AreEqual("/js/other.js", reload.GetProperty("triggeredBy").GetString());
        Assert.AreEqual(0, Analyse(app, "/js/other.js").Record.Diagnostics.Count);
    }
}
