using Hmr.Core.Analysis;
using Hmr.Core.Engine;
using Hmr.Core.Resolution;
using Hmr.Runtime.Serving;

namespace Hmr.Runtime.Tests.Serving;

[TestClass]
public sealed class ModuleTransformerTests
{
    private static readonly Dictionary<string, long> Modules = new()
    {
        ["/js/dep.js"] = 0,
        ["/js/updated.js"] = 1700000000123,
        ["/lib/util.js"] = 0,
    };

    // The graph's analyzer, with no import map, over the modules above.
    private static readonly ModuleAnalyzer Analyzer = new(new ModuleResolver(ImportMap.Empty, Modules.ContainsKey));

    private static string Transform(string source, string url = "/js/app.js") =>
        ModuleTransformer.Transform(source, Analyzer.AnalyzeModule(url, "wwwroot" + url, source, "", source.Length), url,
            u => Modules.TryGetValue(u, out var t) ? new ModuleInfo(u, "/x" + u, t) : null).Code;

    [TestMethod]
    public void Specifiers_of_every_kind_are_rewritten_and_stamped_when_updated()
    {
        var source = "import a from './dep.js';\nexport * from \"./updated.js\";\nconst m = import('../lib/util.js');\nimport x from 'bare';\nimport y from 'https://cdn.example/y.js';\nimport z from './unknown.js';\n";
        Assert.AreEqual(
            "import a from '/js/dep.js';\nexport * from \"/js/updated.js?t=1700000000123\";\nconst m = import('/lib/util.js');\nimport x from 'bare';\nimport y from 'https://cdn.example/y.js';\nimport z from './unknown.js';\n",
            Transform(source));
    }

    [TestMethod]
    public void Non_literal_dynamic_import_is_left_alone()
    {
        const string source = "const name = './dep.js';\nimport(name);\nimport(`./${name}`);\n";
        Assert.AreEqual(source, Transform(source));
    }

    [TestMethod]
    public void Hot_context_goes_on_the_first_line_and_accepted_deps_become_urls()
    {
        var output = Transform("import { d } from './dep.js';\nimport.meta.hot.accept(['./dep.js', './updated.js'], ([a, b]) => {});\n");
        Assert.AreEqual(
            "import { createHotContext as __hmr_createHotContext } from \"/_hmr/client.js\";import.meta.hot = __hmr_createHotContext(\"/js/app.js\");" +
            "import { d } from '/js/dep.js';\nimport.meta.hot.accept(['/js/dep.js', '/js/updated.js'], ([a, b]) => {});\n",
            output);
    }

    [TestMethod]
    public void Hot_mentioned_only_in_strings_or_comments_injects_nothing()
    {
        const string source = "// import.meta.hot.accept()\nconst s = 'import.meta.hot';\n";
        Assert.AreEqual(source, Transform(source));
    }

    [TestMethod]
    public void Hashbang_stays_first()
    {
        var output = Transform("#!/usr/bin/env node\nimport.meta.hot.accept();\n");
        StringAssert.StartsWith(output, "#!/usr/bin/env node\nimport { createHotContext");
    }

    [TestMethod]
    public void Error_module_reports_the_overlay_payload_then_throws_with_the_location()
    {
        var error = new Hmr.Core.Artifact.DiagnosticRecord("HMR001", "error", "Unterminated string \"literal\".", 2, 7);
        var lines = ErrorModule.Build("/js/app.js", "let a = 1;\nconst s = 'oops\nlet b;\n", error, ["default", "label", "a-b"]).Split('\n');

        Assert.AreEqual("import { reportModuleError as __hmr_reportModuleError } from \"/_hmr/client.js\";", lines[0]);
        StringAssert.StartsWith(lines[1], "__hmr_reportModuleError(");
        var payload = System.Text.Json.JsonDocument.Parse(lines[1]["__hmr_reportModuleError(".Length..^2]).RootElement;
        Assert.AreEqual("Unterminated string \"literal\". (HMR001)", payload.GetProperty("message").GetString());
        Assert.AreEqual("/js/app.js", payload.GetProperty("id").GetString());
        Assert.AreEqual("/js/app.js", payload.GetProperty("loc").GetProperty("file").GetString());
        Assert.AreEqual(2, payload.GetProperty("loc").GetProperty("line").GetInt32());
        Assert.AreEqual(7, payload.GetProperty("loc").GetProperty("column").GetInt32());
        Assert.AreEqual("  1 | let a = 1;\n> 2 | const s = 'oops\n    |       ^\n  3 | let b;", payload.GetProperty("frame").GetString());
        Assert.AreEqual("throw new SyntaxError(\"[hmr] /js/app.js:2:7: Unterminated string \\u0022literal\\u0022.\");", lines[2]);
        // Importers link against these names; without them the browser fails the page before the overlay can show.
        Assert.AreEqual("export { __hmr_unavailable as default, __hmr_unavailable as label, __hmr_unavailable as \"a-b\" };", lines[4]);
    }

    [TestMethod]
    [DataRow("/js/app.1x2ckht6dr.js", "/js/app.js")]
    [DataRow("/app.abcdefghij.mjs", "/app.mjs")]
    [DataRow("/js/app.js", null)]
    [DataRow("/js/app.short.js", null)]
    [DataRow("/js/app.UPPERCASE1.js", null)]
    public void Fingerprints_are_stripped(string url, string? expected) =>
        Assert.AreEqual(expected, ModuleUrls.StripFingerprint(url));
}
