using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>Comments, strings, templates and other lexical corners: only real code imports count.</summary>
[TestClass]
public sealed class LexicalGrammarTests
{
    [TestMethod]
    [DataRow("/* import('no') */ import('ok')", "ok")]
    [DataRow("/* a\n * import('no')\n */ import('ok')", "ok")]
    [DataRow("/**/import('ok')", "ok")]
    [DataRow("/***/import('ok')", "ok")]
    [DataRow("/* * / */import('ok')", "ok")]
    [DataRow("// import('no')\nimport('ok')", "ok")]
    [DataRow("// import('no')\r\nimport('ok')", "ok")]
    [DataRow("// import('no')\rimport('ok')", "ok")]
    [DataRow("// import('no')\u2028import('ok')", "ok")]
    [DataRow("// import('no')\u2029import('ok')", "ok")]
    [DataRow("x = 'import(\"no\")'; import('ok')", "ok")]
    [DataRow("x = \"import('no')\"; import('ok')", "ok")]
    [DataRow("x = 'a\\'import(\"no\")'; import('ok')", "ok")]
    [DataRow("x = 'a\\\\'; import('ok')", "ok")]
    [DataRow("x = 'a\\\nimport(\"no\")'; import('ok')", "ok")]
    [DataRow("x = 'a\\\r\nimport(\"no\")'; import('ok')", "ok")]
    [DataRow("x = 'a\u2028b'; import('ok')", "ok")]
    [DataRow("x = '\\u{1F600}'; import('ok')", "ok")]
    [DataRow("x = `import('no')`; import('ok')", "ok")]
    [DataRow("x = `a\nimport('no')\n`; import('ok')", "ok")]
    [DataRow("x = `\\`import('no')`; import('ok')", "ok")]
    [DataRow("x = `$import('no')`; import('ok')", "ok")]
    [DataRow("x = `$\\{import('no')}`; import('ok')", "ok")]
    [DataRow("x = `${import('ok')}`", "ok")]
    [DataRow("x = `${`import('no')`}`; import('ok')", "ok")]
    [DataRow("x = `${`${import('ok')}`}`", "ok")]
    [DataRow("x = `${ {a: `}`}.a }`; import('ok')", "ok")]
    [DataRow("x = `${ '}' }`; import('ok')", "ok")]
    [DataRow("x = `${ /}/ }`; import('ok')", "ok")]
    [DataRow("x = `${ a /* } */ }`; import('ok')", "ok")]
    [DataRow("x = `${ a // }\n }`; import('ok')", "ok")]
    [DataRow("x = `${ () => { return 1 } }`; import('ok')", "ok")]
    [DataRow("x = tag`import('no')`; import('ok')", "ok")]
    [DataRow("x = String.raw`\\`; import('ok')", "")]
    [DataRow("x = /import('no')/; import('ok')", "ok")]
    [DataRow("x = /[`'\"]/; import('ok')", "ok")]
    [DataRow("#!/usr/bin/env node import('no')\nimport('ok')", "ok")]
    [DataRow("\ufeffimport('ok')", "ok")]
    [DataRow("x = 1_000_000; import('ok')", "ok")]
    [DataRow("x = 0xFF_FF; import('ok')", "ok")]
    [DataRow("x = 1e+10 / 2; y = '/'; import('ok')", "ok")]
    [DataRow("x = .5.toFixed(1); import('ok')", "ok")]
    [DataRow("x = a?.b?.[0]?.(1); import('ok')", "ok")]
    [DataRow("x = a ?? b; x ??= /'/; import('ok')", "ok")]
    [DataRow("x = a\n/b/g.exec(c)\nimport('ok')", "ok")]
    [DataRow("let \u00e9t\u00e9 = 1; import('ok')", "ok")]
    [DataRow("let \\u0069mport = 1; \\u0069mport('no'); import('ok')", "ok")]
    [DataRow("let x\u200c = 1; import('ok')", "ok")]
    [DataRow("x = a\u00a0/ 2; y = '/'; import('ok')", "ok")]
    [DataRow("x = a\u3000/ 2; y = '/'; import('ok')", "ok")]
    [DataRow("const \ud835\udc65 = 1; import('ok')", "ok")]
    [DataRow("await import('ok')", "ok")]
    [DataRow("const { a } = await import('ok')", "ok")]
    [DataRow("for await (const x of import('ok')) {}", "ok")]
    [DataRow("import('a'); import('b'); import a from 'c'; export * from 'd'", "a b c d")]
    public void OnlyCodeCounts(string source, string expected)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(expected, Describe.Specifiers(analysis), source);
    }

    [TestMethod]
    public void CleanSourcesHaveNoDiagnostics()
    {
        string[] sources =
        [
            "x = `${`${`${a}`}`}`",
            "x = { a: [1, (2), {b: `${c}`}] }",
            "#!/usr/bin/env node\r\nx = 1\r\n",
            "\ufeffx = 1",
            "class A { #x = 1; static #y() {} get #z() { return this.#x } }",
            "label: for (;;) { break label }",
            "x = a ? b : c ? d : e",
            "x = y => ({ z: y })",
            "async function* g() { for await (const x of y) yield* x }",
        ];
        foreach (var source in sources)
        {
            Assert.AreEqual("", Describe.Diagnostics(ModuleLexer.Analyze(source)), source);
        }
    }
}
