using Hmr.Core.Analysis;
using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Core.Tests.Artifact;

[TestClass]
public sealed class ModuleAnalyzerTests
{
    private static ModuleAnalyzer Analyzer(params string[] files)
    {
        var problems = new List<string>();
        var map = ImportMap.Parse("""{ "imports": { "lib": "/js/lib.js" } }""", "/", problems);
        return new ModuleAnalyzer(new ModuleResolver(map, new HashSet<string>(files).Contains), new TestLexer().Analyze);
    }

    [TestMethod]
    public void Builds_a_record_with_resolved_imports_sorted_exports_and_hash()
    {
        const string source = "import { a, b } from './lib.js';\nimport 'lib';\nexport * from 'https://cdn.example/x.js';\nexport const zeta = 1;\nexport const alpha = 2;\nimport('./lazy.js');\n";
        var record = Analyzer("/js/lib.js", "/js/lazy.js").Analyze("/js/app.js", "wwwroot/js/app.js", source);

        Assert.AreEqual("/js/app.js", record.Url);
        Assert.AreEqual("wwwroot/js/app.js", record.File);
        Assert.AreEqual(ContentHash.Of(source), record.Hash);
        Assert.AreEqual(64, record.Hash.Length);
        Assert.AreEqual(System.Text.Encoding.UTF8.GetByteCount(source), record.Size);
        CollectionAssert.AreEqual(new[] { "alpha", "zeta" }, record.Exports.ToArray());
        Assert.HasCount(4, record.Imports);

        Assert.AreEqual(new ResolvedImport("./lib.js", "/js/lib.js", "static", 1, 22, record.Imports[0].Names), record.Imports[0]);
        CollectionAssert.AreEqual(new[] { "a", "b" }, record.Imports[0].Names!.ToArray());
        Assert.AreEqual("/js/lib.js", record.Imports[1].Url);
        Assert.IsEmpty(record.Imports[1].Names!);
        Assert.AreEqual("reexport", record.Imports[2].Kind);
        Assert.IsTrue(record.Imports[2].External);
        Assert.AreEqual("https://cdn.example/x.js", record.Imports[2].Url);
        Assert.AreEqual("dynamic", record.Imports[3].Kind);
        Assert.AreEqual("/js/lazy.js", record.Imports[3].Url);
        Assert.IsEmpty(record.Diagnostics);
        Assert.AreEqual(HotRecord.None, record.Hot);
    }

    [TestMethod]
    public void Unresolved_imports_become_warnings_with_line_and_column()
    {
        const string source = "// header\n  import x from 'react';\nimport './missing.js';\n";
        var record = Analyzer().Analyze("/js/app.js", "wwwroot/js/app.js", source);

        Assert.HasCount(2, record.Diagnostics);
        var bare = record.Diagnostics[0];
        Assert.AreEqual(GraphDiagnosticCodes.BareSpecifierUnmapped, bare.Code);
        Assert.AreEqual("warning", bare.Severity);
        Assert.AreEqual(2, bare.Line);
        Assert.AreEqual(17, bare.Column);
        StringAssert.Contains(bare.Message, "react");
        var missing = record.Diagnostics[1];
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, missing.Code);
        Assert.AreEqual((3, 8), (missing.Line, missing.Column));
        StringAssert.Contains(missing.Message, "/js/missing.js");
        Assert.IsNull(record.Imports[0].Url);
        Assert.IsNull(record.Imports[1].Url);
    }

    [TestMethod]
    public void Lexer_errors_and_escapes_are_reported()
    {
        var record = Analyzer("/lib.js").Analyze("/js/app.js", "wwwroot/js/app.js", "import '../../lib.js';\nSYNTAX_ERROR");
        Assert.HasCount(2, record.Diagnostics);
        Assert.AreEqual(GraphDiagnosticCodes.EscapesWebRoot, record.Diagnostics[0].Code);
        Assert.AreEqual("/lib.js", record.Imports[0].Url);
        Assert.AreEqual(("HMR001", "error", 2, 1), (record.Diagnostics[1].Code, record.Diagnostics[1].Severity, record.Diagnostics[1].Line, record.Diagnostics[1].Column));
    }

    [TestMethod]
    public void Accepted_dependencies_resolve_to_urls()
    {
        const string source = "import { v } from './dep.js';\nimport.meta.hot.accept('./dep.js', () => {});\nimport.meta.hot.accept('./gone.js', () => {});\n";
        var record = Analyzer("/js/dep.js").Analyze("/js/app.js", "wwwroot/js/app.js", source);
        Assert.IsTrue(record.Hot.UsesHot);
        Assert.IsFalse(record.Hot.AcceptsSelf);
        CollectionAssert.AreEqual(new[] { "/js/dep.js" }, record.Hot.AcceptedDeps.ToArray());
        var diagnostic = record.Diagnostics.Single();
        Assert.AreEqual(GraphDiagnosticCodes.AcceptedDependencyUnresolved, diagnostic.Code);
        Assert.AreEqual((3, 24), (diagnostic.Line, diagnostic.Column));
    }

    [TestMethod]
    public void Bytes_hash_as_they_are_and_a_bom_is_not_source()
    {
        var analyzer = Analyzer();
        var text = "export const café = 1;\n";
        var plain = System.Text.Encoding.UTF8.GetBytes(text);
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();
        var fromText = analyzer.Analyze("/a.js", "wwwroot/a.js", text);
        var fromPlain = analyzer.Analyze("/a.js", "wwwroot/a.js", plain);
        var fromBom = analyzer.Analyze("/a.js", "wwwroot/a.js", withBom);
        Assert.AreEqual(fromText.Hash, fromPlain.Hash);
        Assert.AreEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(withBom)), fromBom.Hash);
        Assert.AreEqual(withBom.Length, fromBom.Size);
        CollectionAssert.AreEqual(new[] { "café" }, fromBom.Exports.ToArray());
        CollectionAssert.AreEqual(fromText.Exports.ToArray(), fromBom.Exports.ToArray());
    }
}
