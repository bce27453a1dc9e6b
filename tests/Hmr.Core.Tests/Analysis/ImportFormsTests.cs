using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>Every import form: specifier, kind, imported names and the position of the opening quote.</summary>
[TestClass]
public sealed class ImportFormsTests
{
    [TestMethod]
    [DataRow("import a from './a.js'", "s'./a.js'[default]@1:15")]
    [DataRow("import {a} from './a.js'", "s'./a.js'[a]@1:17")]
    [DataRow("import {a as b, c} from 'x'", "s'x'[a,c]@1:25")]
    [DataRow("import * as ns from 'x'", "s'x'*@1:21")]
    [DataRow("import 'x'", "s'x'[]@1:8")]
    [DataRow("import \"x\";", "s'x'[]@1:8")]
    [DataRow("import x, {a} from 'x'", "s'x'[default,a]@1:20")]
    [DataRow("import x, * as ns from 'x'", "s'x'*@1:24")]
    [DataRow("import {default as x} from 'x'", "s'x'[default]@1:28")]
    [DataRow("import {'a b' as x} from 'x'", "s'x'[a b]@1:26")]
    [DataRow("import {} from 'x'", "s'x'[]@1:16")]
    [DataRow("import {a,} from 'x'", "s'x'[a]@1:18")]
    [DataRow("import{a}from'x'", "s'x'[a]@1:14")]
    [DataRow("import\n  {\n a\n }\n from\n 'x'", "s'x'[a]@6:2")]
    [DataRow("import /* c */ a /* c */ from /* c */ 'x'", "s'x'[default]@1:39")]
    [DataRow("import a from 'x' // trailing", "s'x'[default]@1:15")]
    [DataRow("import a from 'x'\nimport b from 'y'", "s'x'[default]@1:15 s'y'[default]@2:15")]
    [DataRow("import a from 'x'; import b from 'y';", "s'x'[default]@1:15 s'y'[default]@1:34")]
    [DataRow("import json from './a.json' with { type: 'json' }", "s'./a.json'[default]@1:18 with { type: 'json' }")]
    [DataRow("import './a.css' with {type:'css'}", "s'./a.css'[]@1:8 with {type:'css'}")]
    [DataRow("import json from './a.json' assert { type: 'json' }", "s'./a.json'[default]@1:18 with { type: 'json' }")]
    [DataRow("import '\\u0061.js'", "s'a.js'[]@1:8")]
    [DataRow("import '\\x61.js'", "s'a.js'[]@1:8")]
    [DataRow("import 'a\\'b'", "s'a'b'[]@1:8")]
    [DataRow("import \"a\\\"b\"", "s'a\"b'[]@1:8")]
    [DataRow("import 'a\\u{62}'", "s'ab'[]@1:8")]
    [DataRow("import defer * as ns from 'x'", "s'x'*@1:27")]
    [DataRow("import source wasm from './m.wasm'", "s'./m.wasm'[default]@1:25")]
    [DataRow("import source from 'x'", "s'x'[default]@1:20")]
    [DataRow("import defer from 'x'", "s'x'[default]@1:19")]
    [DataRow("import from from 'x'", "s'x'[default]@1:18")]
    [DataRow("import {from} from 'x'", "s'x'[from]@1:20")]
    [DataRow("import {as} from 'x'", "s'x'[as]@1:18")]
    [DataRow("import {as as as} from 'x'", "s'x'[as]@1:24")]
    [DataRow("import * as from from 'x'", "s'x'*@1:23")]
    [DataRow("import \u00e9 from 'x'", "s'x'[default]@1:15")]
    [DataRow("import $ from 'x'", "s'x'[default]@1:15")]
    [DataRow("import _ from 'x'", "s'x'[default]@1:15")]
    [DataRow("import {\\u0061} from 'x'", "s'x'[a]@1:22")]
    [DataRow("\r\nimport a from 'x'", "s'x'[default]@2:15")]
    [DataRow("\rimport a from 'x'", "s'x'[default]@2:15")]
    [DataRow("\u2028import a from 'x'", "s'x'[default]@2:15")]
    [DataRow("\u2029import a from 'x'", "s'x'[default]@2:15")]
    [DataRow("\n\r\n\r\u2028import 'x'", "s'x'[]@5:8")]
    [DataRow("\t\timport 'x'", "s'x'[]@1:10")]
    [DataRow("\ufeffimport 'x'", "s'x'[]@1:9")]
    [DataRow("#!/usr/bin/env node\nimport 'x'", "s'x'[]@2:8")]
    [DataRow("\ufeff#!/usr/bin/env node\nimport 'x'", "s'x'[]@2:8")]
    [DataRow("#!/usr/bin/env node import 'x'", "")]
    [DataRow("import a from 'x'\n/re/.test(a)", "s'x'[default]@1:15")]
    public void StaticImports(string source, string expected) =>
        Assert.AreEqual(expected, Describe.Imports(ModuleLexer.Analyze(source)));

    [TestMethod]
    [DataRow("export * from 'x'", "r'x'*@1:15", "")]
    [DataRow("export * as ns from 'x'", "r'x'*@1:21", "ns")]
    [DataRow("export * as 'a b' from 'x'", "r'x'*@1:24", "a b")]
    [DataRow("export {a as b} from 'x'", "r'x'[a]@1:22", "b")]
    [DataRow("export {a, b as c} from 'x'", "r'x'[a,b]@1:25", "a,c")]
    [DataRow("export {default} from 'x'", "r'x'[default]@1:23", "default")]
    [DataRow("export {default as x} from 'x'", "r'x'[default]@1:28", "x")]
    [DataRow("export {a as default} from 'x'", "r'x'[a]@1:28", "default")]
    [DataRow("export {'a b' as 'c d'} from 'x'", "r'x'[a b]@1:30", "c d")]
    [DataRow("export {} from 'x'", "r'x'[]@1:16", "")]
    [DataRow("export * from 'x' with { type: 'json' }", "r'x'*@1:15 with { type: 'json' }", "")]
    [DataRow("export\n*\nfrom\n'x'", "r'x'*@4:1", "")]
    [DataRow("export {a}\nfrom 'x'", "r'x'[a]@2:6", "a")]
    public void ReExports(string source, string expectedImports, string expectedExports)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(expectedImports, Describe.Imports(analysis));
        Assert.AreEqual(expectedExports, Describe.Exports(analysis));
    }

    [TestMethod]
    [DataRow("import('x')", "d'x'*@1:8")]
    [DataRow("import(\"x\")", "d'x'*@1:8")]
    [DataRow("import(`x`)", "d'x'*@1:8")]
    [DataRow("import(`./${x}.js`)", "dnull*@1:8")]
    [DataRow("import(x)", "dnull*@1:8")]
    [DataRow("import('a' + b)", "dnull*@1:8")]
    [DataRow("import( 'x' )", "d'x'*@1:9")]
    [DataRow("import(\n'x'\n)", "d'x'*@2:1")]
    [DataRow("import(/* c */'x')", "d'x'*@1:15")]
    [DataRow("import ('x')", "d'x'*@1:9")]
    [DataRow("await import('x')", "d'x'*@1:14")]
    [DataRow("const m = await import('./m.js');", "d'./m.js'*@1:24")]
    [DataRow("import('x', { with: { type: 'json' } })", "d'x'*@1:8 with { with: { type: 'json' } }")]
    [DataRow("import('x',)", "d'x'*@1:8")]
    [DataRow("f(import('a'), import('b'))", "d'a'*@1:10 d'b'*@1:23")]
    [DataRow("import(import('a'))", "dnull*@1:8 d'a'*@1:15")]
    [DataRow("x = () => import('./lazy.js')", "d'./lazy.js'*@1:18")]
    [DataRow("if (a) import('x')", "d'x'*@1:15")]
    [DataRow("a?.b(import('x'))", "d'x'*@1:13")]
    [DataRow("`${import('x')}`", "d'x'*@1:11")]
    [DataRow("import(`a\\`b`)", "d'a`b'*@1:8")]
    [DataRow("import('\\u0078')", "d'x'*@1:8")]
    [DataRow("import.meta.url; import('x')", "d'x'*@1:25")]
    public void DynamicImports(string source, string expected) =>
        Assert.AreEqual(expected, Describe.Imports(ModuleLexer.Analyze(source)));

    [TestMethod]
    public void NonLiteralDynamicImportSpansItsArgument()
    {
        const string source = "import(base + '/x.js')";
        var import = ModuleLexer.Analyze(source).Imports.Single();
        Assert.IsNull(import.Specifier);
        Assert.AreEqual("base + '/x.js'", source[import.SpecifierStart..import.SpecifierEnd]);
        Assert.AreEqual(0, import.StatementStart);
    }

    [TestMethod]
    public void NonLiteralDynamicImportEndsBeforeTrailingBlanks()
    {
        const string source = "import(\n  base + x\n)";
        var import = ModuleLexer.Analyze(source).Imports.Single();
        Assert.AreEqual("base + x", source[import.SpecifierStart..import.SpecifierEnd]);
        Assert.AreEqual(new SourcePosition(10, 2, 3), import.Position);
    }

    [TestMethod]
    [DataRow("import a from './a.js'", "./a.js")]
    [DataRow("x;\nexport {a} from 'b'", "b")]
    [DataRow("import('c')", "c")]
    [DataRow("import 'a\\nb'", "a\\nb")]
    public void OffsetsPointInsideTheQuotes(string source, string raw)
    {
        var text = source;
        var import = ModuleLexer.Analyze(text).Imports.Single();
        Assert.AreEqual(raw, text[import.SpecifierStart..import.SpecifierEnd]);
        Assert.AreEqual(import.SpecifierStart - 1, import.Position.Offset);
        Assert.IsTrue(text[import.StatementStart..].StartsWith("import", StringComparison.Ordinal) || text[import.StatementStart..].StartsWith("export", StringComparison.Ordinal));
    }

    [TestMethod]
    public void UsesImportMetaIsReported()
    {
        Assert.IsTrue(ModuleLexer.Analyze("console.log(import.meta.url)").UsesImportMeta);
        Assert.IsTrue(ModuleLexer.Analyze("import /* c */ . /* c */ meta").UsesImportMeta);
        Assert.IsFalse(ModuleLexer.Analyze("x.import.meta").UsesImportMeta);
        Assert.IsFalse(ModuleLexer.Analyze("'import.meta'").UsesImportMeta);
        Assert.IsFalse(ModuleLexer.Analyze("// import.meta").UsesImportMeta);
        Assert.IsFalse(ModuleLexer.Analyze("import('x')").UsesImportMeta);
    }
}
