using Hmr.Core.Analysis;
using Hmr.Core.Engine;
using Hmr.Runtime.Serving;

namespace Hmr.Runtime.Tests;

[TestClass]
public sealed class ModuleTransformerTests
{
    private static readonly Dictionary<string, long> Modules = new()
    {
        ["/js/dep.js"] = 0,
        ["/js/updated.js"] = 1700000000123,
        ["/lib/util.js"] = 0,
    };

    private static string Transform(string source, string url = "/js/app.js") =>
        ModuleTransformer.Transform(source, ModuleLexer.Analyze(source), url,
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
    public void Error_module_names_the_file_line_and_column()
    {
        var error = new AnalysisDiagnostic("HMR001", DiagnosticSeverity.Error, "Unterminated string \"literal\".", new SourcePosition(10, 2, 7));
        Assert.AreEqual("throw new SyntaxError(\"[hmr] /js/app.js:2:7: Unterminated string \\u0022literal\\u0022.\");\n",
            ModuleTransformer.ErrorModule("/js/app.js", error));
    }

    [TestMethod]
    [DataRow("/js/app.js", "./dep.js", "/js/dep.js")]
    [DataRow("/js/app.js", "../lib/util.js", "/lib/util.js")]
    [DataRow("/js/app.js", "/abs.js", "/abs.js")]
    [DataRow("/js/app.js", "../../../../x.js", "/x.js")]
    [DataRow("/js/app.js", "./a%20b.js", "/js/a b.js")]
    [DataRow("/js/app.js", "./dep.js?x=1#f", "/js/dep.js")]
    [DataRow("/js/app.js", "//evil.example/x.js", null)]
    [DataRow("/js/app.js", "bare", null)]
    [DataRow("/js/app.js", "https://cdn.example/x.js", null)]
    public void Specifier_resolution(string importer, string specifier, string? expected) =>
        Assert.AreEqual(expected, ModuleUrls.Resolve(importer, specifier));

    [TestMethod]
    [DataRow("/js/app.1x2ckht6dr.js", "/js/app.js")]
    [DataRow("/app.abcdefghij.mjs", "/app.mjs")]
    [DataRow("/js/app.js", null)]
    [DataRow("/js/app.short.js", null)]
    [DataRow("/js/app.UPPERCASE1.js", null)]
    public void Fingerprints_are_stripped(string url, string? expected) =>
        Assert.AreEqual(expected, ModuleUrls.StripFingerprint(url));
}
