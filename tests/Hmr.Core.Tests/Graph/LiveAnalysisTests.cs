using Hmr.Core.Graph;

namespace Hmr.Core.Tests.Graph;

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
        var live = analyzer.Analyze("/js/app.js", path, source);

        Assert.AreEqual("/js/dep.js", live.Imports[0].Url, "the page's import map applies live too");
        CollectionAssert.AreEqual(ModuleGraphSerializer.Serialize(new ModuleGraphDocument(1, "wwwroot", [], [built])),
            ModuleGraphSerializer.Serialize(new ModuleGraphDocument(1, "wwwroot", [], [live])));

        // A file created later resolves without rebuilding the analyzer: existence is checked on disk.
        root.Write("js/missing.js", "");
        Assert.AreEqual("/js/missing.js", analyzer.Analyze("/js/app.js", path, source).Imports[1].Url);
    }
}
