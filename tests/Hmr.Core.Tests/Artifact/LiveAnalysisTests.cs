using Hmr.Core.Artifact;

namespace Hmr.Core.Tests.Artifact;

[TestClass]
public sealed class LiveAnalysisTests
{
    [TestMethod]
    public void Live_analysis_matches_the_build_record()
    {
        using var root = new TempWebRoot();
        root.Write("index.html", """<script type="importmap">{ "imports": { "dep": "/js/dep.js" } }</script>""");
        root.Write("js/dep.js", "export const d = 1;\n");
        var source = "import { d } from 'dep';\nimport './missing.js';\nexport const app = d;\n";
        var path = root.Write("js/app.js", source);

        var built = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(root.ProjectDirectory, "wwwroot")).Document
            .Modules.Single(m => m.Url == "/js/app.js");
        var analyzer = new Hmr.Core.Engine.WebRootModuleAnalyzer(root.WebRoot);
        var live = Analyze(analyzer, path, source);

        Assert.AreEqual("/js/dep.js", live.Imports[0].Url, "the page's import map applies live too");
        CollectionAssert.AreEqual(ModuleGraphSerializer.Serialize(new ModuleGraphDocument(1, "wwwroot", [], [built])),
            ModuleGraphSerializer.Serialize(new ModuleGraphDocument(1, "wwwroot", [], [live])));

        // A file created later resolves without rebuilding the analyzer: existence is checked on disk.
        root.Write("js/missing.js", "");
        Assert.AreEqual("/js/missing.js", Analyze(analyzer, path, source).Imports[1].Url);
    }

    [TestMethod]
    public void A_changed_import_map_is_read_again_and_applies_to_the_next_analysis()
    {
        using var root = new TempWebRoot();
        root.Write("index.html", """<script type="importmap">{ "imports": { "dep": "/js/a.js" } }</script>""");
        root.Write("js/a.js", "export const d = 'a';\n");
        root.Write("js/b.js", "export const d = 'b';\n");
        const string source = "import { d } from 'dep';\nimport.meta.hot.accept('dep', () => {});\n";
        var path = root.Write("js/app.js", source);
        var analyzer = new Hmr.Core.Engine.WebRootModuleAnalyzer(root.WebRoot);
        Assert.AreEqual("/js/a.js", Analyze(analyzer, path, source).Imports[0].Url);

        root.Write("index.html", """<!-- edited, same map --><script type="importmap">{ "imports": { "dep": "/js/a.js" } }</script>""");
        Assert.IsFalse(analyzer.ReloadImportMap(), "a page edit that keeps the map is not a new map");

        root.Write("index.html", """<script type="importmap">{ "imports": { "dep": "/js/b.js" } }</script>""");
        Assert.IsTrue(analyzer.ReloadImportMap());
        var analysed = analyzer.Analyze("/js/app.js", path, source, ContentHash.Of(source), source.Length);
        Assert.AreEqual("/js/b.js", analysed.Record.Imports[0].Url);
        CollectionAssert.AreEqual(new[] { "/js/b.js" }, analysed.Record.Hot.AcceptedDeps.ToArray());
        CollectionAssert.AreEqual(new[] { "/js/b.js" }, analysed.AcceptedDepUrls.ToArray(), "each accepted occurrence, for the server's rewrite");
    }

    private static ModuleRecord Analyze(Hmr.Core.Engine.WebRootModuleAnalyzer analyzer, string path, string source) =>
        analyzer.Analyze("/js/app.js", path, source, ContentHash.Of(source), System.Text.Encoding.UTF8.GetByteCount(source)).Record;
}
