using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary><c>import.meta.hot</c> facts (docs/hmr-semantics.md section 5), including the tolerances beyond Vite.</summary>
[TestClass]
public sealed class HotFactsTests
{
    [TestMethod]
    [DataRow("", "none", "")]
    [DataRow("import.meta.url", "none", "")]
    [DataRow("import.meta.hot", "hot", "")]
    [DataRow("if (import.meta.hot) {}", "hot", "")]
    [DataRow("import.meta.hot.accept()", "hot self", "")]
    [DataRow("import.meta.hot.accept(() => {})", "hot self", "")]
    [DataRow("import.meta.hot.accept(function (m) {})", "hot self", "")]
    [DataRow("import.meta.hot.accept(cb)", "hot self", "")]
    [DataRow("import.meta.hot.accept(async (m) => {})", "hot self", "")]
    [DataRow("import.meta.hot.accept('./dep.js', cb)", "hot deps=./dep.js", "")]
    [DataRow("import.meta.hot.accept(\"./dep.js\")", "hot deps=./dep.js", "")]
    [DataRow("import.meta.hot.accept(`./dep.js`, cb)", "hot deps=./dep.js", "")]
    [DataRow("import.meta.hot.accept(['./a.js', './b.js'], cb)", "hot deps=./a.js,./b.js", "")]
    [DataRow("import.meta.hot.accept([\n  './a.js',\n  \"./b.js\",\n], cb)", "hot deps=./a.js,./b.js", "")]
    [DataRow("import.meta.hot.accept([], cb)", "hot", "")]
    [DataRow("import.meta.hot.accept(`./${name}.js`, cb)", "hot", "HMR010@1:24")]
    [DataRow("import.meta.hot.accept([dep], cb)", "hot", "HMR010@1:25")]
    [DataRow("import.meta.hot.accept(['./a.js', dep], cb)", "hot deps=./a.js", "HMR010@1:35")]
    [DataRow("import.meta.hot.accept(['./a.js' + x], cb)", "hot deps=./a.js", "HMR010@1:34")]
    [DataRow("import.meta.hot.accept([`${a}`])", "hot", "HMR010@1:25")]
    [DataRow("import.meta.hot.accept('./a\\8.js')", "hot", "HMR012@1:24")]
    [DataRow("import.meta.hot.acceptExports('a')", "hot exports=a", "")]
    [DataRow("import.meta.hot.acceptExports(['a', 'b'], cb)", "hot exports=a,b", "")]
    [DataRow("import.meta.hot.acceptExports('default', cb)", "hot exports=default", "")]
    [DataRow("import.meta.hot.acceptExports(names)", "hot exports=", "HMR011@1:31")]
    [DataRow("import.meta.hot.acceptExports([a])", "hot exports=", "HMR011@1:32")]
    [DataRow("import.meta.hot.acceptExports(`${a}`)", "hot exports=", "HMR011@1:31")]
    [DataRow("import.meta.hot.dispose((data) => {})", "hot dispose", "")]
    [DataRow("import.meta.hot.prune(() => {})", "hot prune", "")]
    [DataRow("import.meta.hot.invalidate()", "hot invalidate", "")]
    [DataRow("import.meta.hot.invalidate('why')", "hot invalidate", "")]
    [DataRow("import.meta.hot.decline()", "hot decline", "")]
    [DataRow("import.meta.hot.on('vite:beforeUpdate', cb)", "hot", "")]
    [DataRow("import.meta.hot.off('x', cb)", "hot", "")]
    [DataRow("import.meta.hot.send('x', {})", "hot", "")]
    [DataRow("import.meta.hot.data.count = 1", "hot", "")]
    [DataRow("import.meta.hot.accept(); import.meta.hot.dispose(() => {})", "hot self dispose", "")]
    [DataRow("import.meta.hot.accept('a'); import.meta.hot.accept('b')", "hot deps=a,b", "")]
    [DataRow("import.meta.hot.accept('a'); import.meta.hot.accept()", "hot self deps=a", "")]
    [DataRow("import.meta.hot\n  .accept()", "hot self", "")]
    [DataRow("import.meta.hot\r\n  .accept()", "hot self", "")]
    [DataRow("import.meta\n  .hot\n  .accept('./a.js')", "hot deps=./a.js", "")]
    [DataRow("import.meta.hot /* c */ . /* c */ accept ( /* c */ )", "hot self", "")]
    [DataRow("import.meta.hot // c\n  .accept()", "hot self", "")]
    [DataRow("import . meta . hot . accept ( )", "hot self", "")]
    [DataRow("import.meta.hot?.accept()", "hot self", "")]
    [DataRow("import.meta?.hot?.accept()", "hot self", "")]
    [DataRow("import.meta?.hot?.accept?.()", "hot self", "")]
    [DataRow("import.meta.hot?.accept('./a.js')", "hot deps=./a.js", "")]
    [DataRow("import.meta.hot.accept(/* dep */ './a.js')", "hot deps=./a.js", "")]
    [DataRow("import.meta.hot.accept(// dep\n './a.js')", "hot deps=./a.js", "")]
    [DataRow("import.meta.hot.accept('./\\u0061.js')", "hot deps=./a.js", "")]
    [DataRow("import.meta.hot.accept('./a\\'b.js')", "hot deps=./a'b.js", "")]
    [DataRow("import.meta.hot.accept(\n  './a.js',\n  cb\n)", "hot deps=./a.js", "")]
    [DataRow("import.meta.hot['accept']()", "hot", "")]
    [DataRow("import.meta.hotter", "none", "")]
    [DataRow("import.meta.hot.acceptx()", "hot", "")]
    [DataRow("const hot = import.meta.hot; hot.accept()", "hot", "")]
    [DataRow("'import.meta.hot.accept()'", "none", "")]
    [DataRow("\"import.meta.hot.accept()\"", "none", "")]
    [DataRow("// import.meta.hot.accept()", "none", "")]
    [DataRow("/* import.meta.hot.accept() */", "none", "")]
    [DataRow("`import.meta.hot.accept()`", "none", "")]
    [DataRow("x = /import.meta.hot.accept()/", "none", "")]
    [DataRow("obj.import.meta.hot.accept()", "none", "")]
    [DataRow("`${import.meta.hot.accept()}`", "hot self", "")]
    [DataRow("if (import.meta.hot) {\n  import.meta.hot.accept((m) => {\n    if (!m) import.meta.hot.invalidate()\n  })\n}", "hot self invalidate", "")]
    public void HotFacts(string source, string expectedHot, string expectedDiagnostics)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(expectedHot, Describe.Hot(analysis), source);
        Assert.AreEqual(expectedDiagnostics, Describe.Diagnostics(analysis), source);
        // Every row that uses import.meta.hot uses import.meta; of the others, only these two mention it in code.
        var usesImportMeta = expectedHot != "none" || source is "import.meta.url" or "import.meta.hotter";
        Assert.AreEqual(usesImportMeta, analysis.UsesImportMeta, source);
    }

    [TestMethod]
    public void AcceptedDepsCarryOffsetsOfTheStringContents()
    {
        const string source = "if (import.meta.hot) {\n  import.meta.hot.accept(['./a.js', \"./b\\u0062.js\"], cb)\n}";
        var deps = ModuleLexer.Analyze(source).Hot.AcceptedDeps;
        Assert.HasCount(2, deps);
        Assert.AreEqual("./a.js", source[deps[0].Start..deps[0].End]);
        Assert.AreEqual(new SourcePosition(49, 2, 27), deps[0].Position);
        Assert.AreEqual("./bb.js", deps[1].Specifier);
        Assert.AreEqual("./b\\u0062.js", source[deps[1].Start..deps[1].End]);
        Assert.AreEqual(2, deps[1].Position.Line);
        Assert.AreEqual(37, deps[1].Position.Column);
    }

    [TestMethod]
    public void NoHotUseGivesTheSharedEmptyFacts() =>
        Assert.AreSame(Hmr.Core.Analysis.HotFacts.None, ModuleLexer.Analyze("import a from 'a'").Hot);
}
