using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

/// <summary>The engine with its default analyzer (the lexer plus URL resolution) on real JavaScript.</summary>
[TestClass]
public sealed class RealSourceTests
{
    private static TestSite Site()
    {
        var site = new TestSite();
        site.Options = new HmrEngineOptions { WebRootPath = site.WebRoot, SettleWindow = TimeSpan.FromMilliseconds(50) };
        return site;
    }

    [TestMethod]
    public void SelfAcceptingComponentUnderAPlainEntry()
    {
        using var site = Site()
            .Write("/js/main.js", "import { render } from './ui/counter.js';", "render(document.body);")
            .Write("/js/ui/counter.js",
                "import { format } from '../lib/format.js';",
                "export function render(el) { el.textContent = format(1); }",
                "if (import.meta.hot) {",
                "  import.meta.hot",
                "    ?.accept((mod) => mod?.render(document.body));",
                "}")
            .Write("/js/lib/format.js", "export const format = (n) => `#${n}`;");
        site.Execute("/js/main.js", "/js/ui/counter.js", "/js/lib/format.js");
        var entry = site.Edit("/js/lib/format.js", "export const format = (n) => `n=${n}`;").Update().Updates.Single();
        Assert.AreEqual("/js/ui/counter.js", entry.Path);
        Assert.AreEqual("/js/ui/counter.js", entry.AcceptedPath);
        CollectionAssert.AreEqual(new[] { $"/js/ui/counter.js?t={entry.Timestamp}", $"/js/lib/format.js?t={entry.Timestamp}" }, entry.Preload.ToList());
        Assert.AreEqual("/js/main.js", site.Edit("/js/main.js", "import { render } from './ui/counter.js';", "render(document.body); // 2").Reload().TriggeredBy);
    }

    [TestMethod]
    public void StaticImportsReachedFrom_ListsWhatAPageFetchesBeforeRunningAModule_DepthFirstInSourceOrder()
    {
        using var site = Site()
            .Write("/js/main.js",
                "import { a } from './a.js';",
                "export * from './b.js';",
                "import('./lazy.js');",
                "import 'https://cdn.example/x.js';")
            .Write("/js/a.js", "import './c.js';", "import { b } from './b.js';", "export const a = b;")
            .Write("/js/b.js", "import { a } from './a.js';", "export const b = 1;") // a cycle back to a.js
            .Write("/js/c.js", "import './missing.js';")
            .Write("/js/lazy.js", "import './d.js';")
            .Write("/js/d.js", "");
        site.Engine.Start();

        var reached = site.Engine.StaticImportsReachedFrom("/js/main.js?t=5");
        CollectionAssert.AreEqual(new[] { "/js/a.js", "/js/c.js", "/js/b.js", "https://cdn.example/x.js" }, reached.ToList(),
            string.Join(", ", reached) + ": not the dynamic import's module nor an unresolved import; an external URL, which the page fetches too; each once");
        Assert.AreEqual(0, site.Engine.StaticImportsReachedFrom("/js/unknown.js").Count);
    }

    [TestMethod]
    public void DepAcceptAndAcceptExportsFromSource()
    {
        using var site = Site()
            .Write("/app.js",
                "import { a } from './store.js';",
                "import * as all from './consts.js';",
                "import.meta.hot.accept('./store.js', (m) => {});",
                "console.log(a, all);")
            .Write("/store.js", "export let a = 1;")
            .Write("/consts.js", "export const x = 1, y = 2, z = 3;", "import.meta.hot.acceptExports(['x', 'y']);");
        site.Execute("/app.js", "/store.js", "/consts.js");
        CollectionAssert.AreEqual(new[] { "/app.js<-/store.js" }, site.Edit("/store.js", "export let a = 2;").Update().Pairs());
        // A namespace import uses every binding; z is not accepted and app.js accepts only store.js: a reload.
        site.Edit("/consts.js", "export const x = 3, y = 2;", "import.meta.hot.acceptExports(['x', 'y']);").Reload();
        // The page now runs the version whose acceptExports covers every export: it accepts itself, as in Vite.
        site.Execute("/app.js", "/store.js", "/consts.js");
        CollectionAssert.AreEqual(new[] { "/consts.js<-/consts.js" },
            site.Edit("/consts.js", "export const x = 4, y = 2;", "import.meta.hot.acceptExports(['x', 'y']);").Update().Pairs());
    }

    [TestMethod]
    public void SyntaxErrorInRealSourceIsAnOverlayWithAFrame()
    {
        using var site = Site()
            .Write("/main.js", "import './a.js';")
            .Write("/a.js", "import.meta.hot.accept();", "export const s = 'ok';");
        site.Execute("/main.js", "/a.js");
        var outcome = site.Edit("/a.js", "import.meta.hot.accept();", "export const s = 'unterminated;");
        var error = outcome.Messages.OfType<ErrorMessage>().Single().Err;
        Assert.AreEqual("/a.js", error.Id);
        Assert.AreEqual(2, error.Loc!.Line);
        StringAssert.Contains(error.Frame, "> 2 | export const s = 'unterminated;");
        Assert.IsFalse(outcome.Messages.OfType<FullReloadMessage>().Any());
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" },
            site.Edit("/a.js", "import.meta.hot.accept();", "export const s = 'fixed';").Update().Pairs());
    }

    [TestMethod]
    public void CreatingTheMissingFileOfARelativeImportRelinksIt()
    {
        using var site = Site()
            .Write("/main.js", "import './app.js';")
            .Write("/app.js", "import { later } from './later.js';", "import.meta.hot.accept();");
        site.Execute("/main.js", "/app.js");
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, site.Edit("/later.js", "export const later = 1;").Update().Pairs());
        site.Execute("/later.js");
        // Now linked: an edit of later.js reaches app.js through the import.
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, site.Edit("/later.js", "export const later = 2;").Update().Pairs());
        Assert.IsNotNull(site.Engine.GetModule("/later.js"));
    }

    [TestMethod]
    public void ExternalAndBareImportsAreNotFollowed()
    {
        using var site = Site()
            .Write("/main.js", "import 'https://cdn.example/x.js';", "import 'lodash';", "import './a.js';", "import.meta.hot.accept();")
            .Write("/a.js", "");
        site.Execute("/main.js", "/a.js");
        CollectionAssert.AreEqual(new[] { "/main.js<-/main.js" }, site.Edit("/a.js", "// 2").Update().Pairs());
        Assert.IsNull(site.Engine.GetModule("/x.js"));
    }

    [TestMethod]
    public void WarmStartFromTheBuildTasksArtifact()
    {
        using var site = Site()
            .Write("/index.html", "<script type=\"module\" src=\"/main.js\"></script>")
            .Write("/main.js", "import './app.js';")
            .Write("/app.js", "import { x } from './later.js';", "import.meta.hot.accept();")
            .Write("/util.js", "export const u = 1;");
        var artifact = Path.Combine(site.Root, "obj", "module-graph.json");
        var built = Hmr.Core.Artifact.ModuleGraphBuilder.Build(new Hmr.Core.Artifact.ModuleGraphBuildOptions(site.Root, "wwwroot", Hmr.Core.Analysis.ModuleLexer.Analyze));
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        File.WriteAllBytes(artifact, Hmr.Core.Artifact.ModuleGraphSerializer.Serialize(built.Document));
        File.SetLastWriteTimeUtc(artifact, DateTime.UtcNow.AddSeconds(5));
        // Created after the build: app.js's import of it resolves now, so its record cannot be trusted.
        site.Write("/later.js", "export const x = 1;");
        site.Options = new HmrEngineOptions { WebRootPath = site.WebRoot, ArtifactPath = artifact };
        _ = site.Engine;
        Assert.IsNull(site.Report!.ArtifactProblem);
        Assert.AreEqual(2, site.Report.ModulesFromArtifact, "main.js and util.js");
        Assert.AreEqual(2, site.Report.ModulesAnalysed, "app.js (resolution changed) and later.js (new)");
        site.Execute("/main.js", "/app.js", "/later.js");
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, site.Edit("/later.js", "export const x = 2;").Update().Pairs());
    }
}
