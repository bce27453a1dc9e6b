using Hmr.Core.Artifact;

namespace Hmr.Core.Tests.Artifact;

[TestClass]
public sealed class ModuleGraphBuilderTests
{
    private static ModuleGraphBuildResult Build(TempWebRoot root, TestLexer lexer, ModuleGraphDocument? previous = null,
        Func<string, IEnumerable<string>>? enumerate = null, string? importMapFile = null) =>
        ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(root.ProjectDirectory, "wwwroot", lexer.Analyze)
        {
            EnumerateFiles = enumerate,
            ImportMapFile = importMapFile,
        }, previous);

    private static void WriteSample(TempWebRoot root)
    {
        root.Write("index.html", """
            <!doctype html>
            <script type="importmap">{ "imports": { "utils": "/js/utils.js" } }</script>
            <script type="module" src="js/main.js"></script>
            <script type="module">
              import './js/inline-root.js';
              import 'nowhere';
            </script>
            <script type="module" src="/js/absent.js"></script>
            """);
        root.Write("js/main.js", "import { f } from 'utils';\nimport('./lazy.mjs');\nexport const main = 1;\n");
        root.Write("js/utils.js", "export const f = 1;\n");
        root.Write("js/lazy.mjs", "export const lazy = 1;\n");
        root.Write("js/inline-root.js", "import './utils.js';\n");
        root.Write("js/orphan.js", "export const alone = 1;\n");
        root.Write("css/site.css", "body {}");
    }

    [TestMethod]
    public void Scans_modules_resolves_through_the_page_import_map_and_computes_roots()
    {
        using var root = new TempWebRoot();
        WriteSample(root);
        var lexer = new TestLexer();
        var result = Build(root, lexer);
        var document = result.Document;

        Assert.AreEqual("wwwroot", document.WebRoot);
        CollectionAssert.AreEqual(new[] { "/js/inline-root.js", "/js/lazy.mjs", "/js/main.js", "/js/orphan.js", "/js/utils.js" },
            document.Modules.Select(m => m.Url).ToArray());
        var main = document.Modules.Single(m => m.Url == "/js/main.js");
        CollectionAssert.AreEqual(new[] { "/js/utils.js", "/js/lazy.mjs" }, main.Imports.Select(i => i.Url).ToArray());
        Assert.AreEqual("wwwroot/js/main.js", main.File);
        // main: page script; inline-root: imported by an inline module script; orphan: nothing imports it.
        CollectionAssert.AreEqual(new[] { "/js/inline-root.js", "/js/main.js", "/js/orphan.js" }, document.Roots.ToArray());
        Assert.AreEqual(5, result.ReparsedCount);
        Assert.AreEqual(3, result.ImportCount);
        Assert.AreEqual(document.Modules.Sum(m => m.Size), result.ByteCount);
        Assert.IsNotNull(document.ImportMapHash);

        // Page problems point into the page: the bare import of the inline script and the missing script src.
        var pageDiagnostics = result.PageDiagnostics.OrderBy(d => d.Diagnostic.Line).ToArray();
        Assert.HasCount(2, pageDiagnostics);
        Assert.AreEqual(("wwwroot/index.html", GraphDiagnosticCodes.BareSpecifierUnmapped, 6, 10),
            (pageDiagnostics[0].File, pageDiagnostics[0].Diagnostic.Code, pageDiagnostics[0].Diagnostic.Line, pageDiagnostics[0].Diagnostic.Column));
        Assert.AreEqual((GraphDiagnosticCodes.PageScriptUnresolved, 8, 28),
            (pageDiagnostics[1].Diagnostic.Code, pageDiagnostics[1].Diagnostic.Line, pageDiagnostics[1].Diagnostic.Column));
    }

    [TestMethod]
    public void Builds_are_byte_identical_whatever_the_enumeration_order()
    {
        using var root = new TempWebRoot();
        WriteSample(root);
        var files = Directory.GetFiles(root.WebRoot, "*", SearchOption.AllDirectories);
        var forward = ModuleGraphSerializer.Serialize(Build(root, new TestLexer(), enumerate: _ => files.Order(StringComparer.Ordinal)).Document);
        var backward = ModuleGraphSerializer.Serialize(Build(root, new TestLexer(), enumerate: _ => files.OrderDescending(StringComparer.Ordinal)).Document);
        var again = ModuleGraphSerializer.Serialize(Build(root, new TestLexer()).Document);
        CollectionAssert.AreEqual(forward, backward);
        CollectionAssert.AreEqual(forward, again);
    }

    [TestMethod]
    public void The_previous_document_spares_unchanged_files()
    {
        using var root = new TempWebRoot();
        WriteSample(root);
        var first = Build(root, new TestLexer()).Document;

        var unchangedLexer = new TestLexer();
        var unchanged = Build(root, unchangedLexer, first);
        Assert.AreEqual(0, unchanged.ReparsedCount);
        Assert.AreEqual(1, unchangedLexer.Calls, "only the page's inline script is lexed");
        CollectionAssert.AreEqual(ModuleGraphSerializer.Serialize(first), ModuleGraphSerializer.Serialize(unchanged.Document));

        root.Write("js/utils.js", "export const f = 2;\nexport const g = 3;\n");
        var edited = Build(root, new TestLexer(), first);
        Assert.AreEqual(1, edited.ReparsedCount);
        CollectionAssert.AreEqual(new[] { "f", "g" }, edited.Document.Modules.Single(m => m.Url == "/js/utils.js").Exports.ToArray());
    }

    [TestMethod]
    public void Added_and_deleted_files_re_resolve_their_importers()
    {
        using var root = new TempWebRoot();
        root.Write("a.js", "import './b.js';\n");
        var first = Build(root, new TestLexer()).Document;
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, first.Modules.Single().Diagnostics.Single().Code);

        root.Write("b.js", "export const b = 1;\n");
        var added = Build(root, new TestLexer(), first);
        Assert.AreEqual(2, added.ReparsedCount, "b is new; a's import now resolves");
        var a = added.Document.Modules.Single(m => m.Url == "/a.js");
        Assert.AreEqual("/b.js", a.Imports.Single().Url);
        Assert.IsEmpty(a.Diagnostics);
        CollectionAssert.AreEqual(new[] { "/a.js" }, added.Document.Roots.ToArray());

        root.Delete("b.js");
        var deleted = Build(root, new TestLexer(), added.Document);
        Assert.AreEqual(1, deleted.ReparsedCount);
        Assert.HasCount(1, deleted.Document.Modules);
        Assert.IsNull(deleted.Document.Modules.Single().Imports.Single().Url);
    }

    [TestMethod]
    public void Deleting_an_accepted_dependency_re_analyses_the_acceptor()
    {
        using var root = new TempWebRoot();
        root.Write("app.js", "import.meta.hot.accept('./dep.js', () => {});\n");
        root.Write("dep.js", "export const d = 1;\n");
        var first = Build(root, new TestLexer()).Document;
        CollectionAssert.AreEqual(new[] { "/dep.js" }, first.Modules.Single(m => m.Url == "/app.js").Hot.AcceptedDeps.ToArray());

        root.Delete("dep.js");
        var second = Build(root, new TestLexer(), first);
        Assert.AreEqual(1, second.ReparsedCount);
        var app = second.Document.Modules.Single();
        Assert.IsEmpty(app.Hot.AcceptedDeps);
        Assert.AreEqual(GraphDiagnosticCodes.AcceptedDependencyUnresolved, app.Diagnostics.Single().Code);

        root.Write("dep.js", "export const d = 2;\n");
        var third = Build(root, new TestLexer(), second.Document);
        Assert.AreEqual(2, third.ReparsedCount, "dep.js is new and app.js had an unresolved accepted dependency");
        CollectionAssert.AreEqual(new[] { "/dep.js" }, third.Document.Modules.Single(m => m.Url == "/app.js").Hot.AcceptedDeps.ToArray());
    }

    [TestMethod]
    public void A_previous_document_from_another_analyzer_is_no_cache()
    {
        using var root = new TempWebRoot();
        WriteSample(root);
        var first = Build(root, new TestLexer()).Document;
        Assert.AreEqual(AnalyzerVersion.Current, first.Analyzer);

        // Same files, same hashes; only the code that analysed them differs (an upgraded package), or is not recorded
        // (an artifact written before the field existed).
        foreach (var other in new[] { "0.0.9 (mvid 00000000000000000000000000000000)", null })
        {
            var rebuilt = Build(root, new TestLexer(), first with { Analyzer = other });
            Assert.AreEqual(5, rebuilt.ReparsedCount, other ?? "null");
            Assert.AreEqual(AnalyzerVersion.Current, rebuilt.Document.Analyzer);
        }
        Assert.AreEqual(0, Build(root, new TestLexer(), first).ReparsedCount, "same analyzer: the cache is used");
    }

    [TestMethod]
    public void A_changed_import_map_invalidates_the_cache()
    {
        using var root = new TempWebRoot();
        root.Write("a.js", "import 'dep';\n");
        root.Write("dep1.js", "");
        root.Write("dep2.js", "");
        var mapFile = Path.Combine(root.ProjectDirectory, "importmap.json");
        File.WriteAllText(mapFile, """{ "imports": { "dep": "/dep1.js" } }""");
        var first = Build(root, new TestLexer(), importMapFile: "importmap.json").Document;
        Assert.AreEqual("/dep1.js", first.Modules[0].Imports[0].Url);

        File.WriteAllText(mapFile, """{ "imports": { "dep": "/dep2.js" } }""");
        var second = Build(root, new TestLexer(), first, importMapFile: mapFile);
        Assert.AreEqual(3, second.ReparsedCount);
        Assert.AreEqual("/dep2.js", second.Document.Modules[0].Imports[0].Url);
    }

    [TestMethod]
    public void With_the_real_lexer_hot_facts_and_names_reach_the_records()
    {
        using var root = new TempWebRoot();
        root.Write("js/app.js", "import { render } from './view.js';\nimport * as all from './view.js';\n" +
                                "if (import.meta.hot) {\n  import.meta.hot.accept('./view.js', (m) => m.render());\n}\nexport default render;\n");
        root.Write("js/view.js", "export function render() {}\nimport.meta.hot?.accept();\n");
        var result = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(root.ProjectDirectory, "wwwroot"));
        var app = result.Document.Modules.Single(m => m.Url == "/js/app.js");
        CollectionAssert.AreEqual(new[] { "render" }, app.Imports[0].Names!.ToArray());
        Assert.IsNull(app.Imports[1].Names, "a namespace import uses every binding");
        Assert.AreEqual((1, 24), (app.Imports[0].Line, app.Imports[0].Column));
        CollectionAssert.AreEqual(new[] { "default" }, app.Exports.ToArray());
        Assert.IsTrue(app.Hot.UsesHot);
        Assert.IsFalse(app.Hot.AcceptsSelf);
        CollectionAssert.AreEqual(new[] { "/js/view.js" }, app.Hot.AcceptedDeps.ToArray());
        var view = result.Document.Modules.Single(m => m.Url == "/js/view.js");
        Assert.IsTrue(view.Hot.AcceptsSelf);
        CollectionAssert.AreEqual(new[] { "render" }, view.Exports.ToArray());
        Assert.IsEmpty(app.Diagnostics);
    }

    [TestMethod]
    public void A_lexer_failure_on_one_file_spares_the_others()
    {
        using var root = new TempWebRoot();
        root.Write("good.js", "import './bad.js';\n");
        root.Write("bad.js", "CRASH");
        var lexer = new TestLexer();
        var result = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(root.ProjectDirectory, "wwwroot",
            source => source == "CRASH" ? throw new InvalidOperationException("boom") : lexer.Analyze(source)));
        var bad = result.Document.Modules.Single(m => m.Url == "/bad.js");
        Assert.AreEqual(GraphDiagnosticCodes.AnalysisCrashed, bad.Diagnostics.Single().Code);
        StringAssert.Contains(bad.Diagnostics.Single().Message, "boom");
        Assert.AreEqual("/bad.js", result.Document.Modules.Single(m => m.Url == "/good.js").Imports.Single().Url);
    }

    [TestMethod]
    public void A_previous_document_with_repeated_urls_is_tolerated()
    {
        using var root = new TempWebRoot();
        root.Write("a.js", "export const a = 1;\n");
        var first = Build(root, new TestLexer()).Document;
        var doubled = first with { Modules = [first.Modules[0], first.Modules[0]] };
        Assert.AreEqual(0, Build(root, new TestLexer(), doubled).ReparsedCount);
    }

    [TestMethod]
    public void A_missing_web_root_gives_an_empty_graph()
    {
        var result = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(Path.GetTempPath(), "no-such-web-root-" + Guid.NewGuid(), new TestLexer().Analyze));
        Assert.IsFalse(result.WebRootExists);
        Assert.IsEmpty(result.Document.Modules);
    }
}
