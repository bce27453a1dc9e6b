using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>Malformed input: the right diagnostic at the right line and column, and never an exception.</summary>
[TestClass]
public sealed class MalformedInputTests
{
    [TestMethod]
    [DataRow("'abc", "HMR001@1:1")]
    [DataRow("x = \"abc\ny", "HMR001@1:5")]
    [DataRow("'a\\'", "HMR001@1:1")]
    [DataRow("'a\\", "HMR001@1:1")]
    [DataRow("a\r\nb\r\n'x", "HMR001@3:1")]
    [DataRow("a\rb\r'x", "HMR001@3:1")]
    [DataRow("a\u2028'x", "HMR001@2:1")]
    [DataRow("a\u2029'x", "HMR001@2:1")]
    [DataRow("'x\n'y\nz", "HMR001@1:1 HMR001@2:1")]
    [DataRow("`abc", "HMR002@1:1")]
    [DataRow("\n\n  `x", "HMR002@3:3")]
    [DataRow("`${a", "HMR002@1:1")]
    [DataRow("x = `a${b}c${d", "HMR002@1:5")]
    [DataRow("`${`${a}`", "HMR002@1:1")]
    [DataRow("/* abc", "HMR003@1:1")]
    [DataRow("x;\n  /* abc\n */ /*", "HMR003@3:5")]
    [DataRow("x = /abc", "HMR004@1:5")]
    [DataRow("x = /abc\ny", "HMR004@1:5")]
    [DataRow("x = /[/", "HMR004@1:5")]
    [DataRow("x = /a\\", "HMR004@1:5")]
    [DataRow("x = /a\\\nb/", "HMR004@1:5")]
    [DataRow(")", "HMR005@1:1")]
    [DataRow("]", "HMR005@1:1")]
    [DataRow("}", "HMR005@1:1")]
    [DataRow("(]", "HMR005@1:2")]
    [DataRow("[)", "HMR005@1:2")]
    [DataRow("{)", "HMR005@1:2")]
    [DataRow("`${)}`", "HMR005@1:4")]
    [DataRow("`${}`}", "HMR005@1:6")]
    [DataRow("f(a));", "HMR005@1:5")]
    [DataRow("(", "HMR006@1:1")]
    [DataRow("{\n  (", "HMR006@2:3")]
    [DataRow("function f() {\n  if (a) {\n", "HMR006@2:10")]
    [DataRow("[[", "HMR006@1:2")]
    [DataRow("a\0b", "HMR007@1:2")]
    [DataRow("a\u0001b\u007fc", "HMR007@1:2 HMR007@1:4")]
    [DataRow("'a\0b' /* \0 */ `\0`", "")]
    [DataRow("import {a from 'x'", "HMR006@1:8 HMR008@1:11")]
    [DataRow("import * from 'x'", "HMR008@1:10")]
    [DataRow("import a 'x'", "HMR008@1:10")]
    [DataRow("import a from x", "HMR008@1:15")]
    [DataRow("import a, b from 'x'", "HMR008@1:11")]
    [DataRow("import {a as} from 'x'", "HMR008@1:13")]
    [DataRow("export {a", "HMR006@1:8 HMR009@1:10")]
    [DataRow("export @", "HMR009@1:8")]
    [DataRow("export 1", "HMR009@1:8")]
    [DataRow("export foo", "HMR009@1:8")]
    [DataRow("export * frm 'x'", "HMR009@1:10")]
    [DataRow("export * as from 'x'", "HMR009@1:18")]
    [DataRow("export {a} from x", "HMR009@1:17")]
    [DataRow("export const 1 = 2", "HMR009@1:14")]
    [DataRow("export const {a: 1} = x", "HMR009@1:18")]
    [DataRow("export", "HMR009@1:7")]
    [DataRow("import 'a\\8'", "HMR012@1:8")]
    [DataRow("import 'a\\u{110000}'", "HMR012@1:8")]
    [DataRow("import 'a\\xZZ'", "HMR012@1:8")]
    [DataRow("export * from 'a\\u00'", "HMR012@1:15")]
    [DataRow("import.meta.hot.accept(`${a}`)", "HMR010@1:24")]
    [DataRow("import.meta.hot.acceptExports(x)", "HMR011@1:31")]
    public void ReportsDiagnosticAt(string source, string expected)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(expected, Describe.Diagnostics(analysis), source);
    }

    [TestMethod]
    public void DeepExportPatternsAreReportedNotFollowed()
    {
        var source = "export const " + new string('[', 70) + "a" + new string(']', 70) + " = x";
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual("HMR014@1:79 HMR009@1:79", Describe.Diagnostics(analysis));
        Assert.AreEqual("", Describe.Exports(analysis));
    }

    [TestMethod]
    public void LexicalErrorsAreErrorsAndHotFormsAreWarnings()
    {
        Assert.IsTrue(ModuleLexer.Analyze("'abc").HasErrors);
        Assert.AreEqual(DiagnosticSeverity.Error, ModuleLexer.Analyze("(").Diagnostics.Single().Severity);
        var hot = ModuleLexer.Analyze("import.meta.hot.accept([dep])");
        Assert.IsFalse(hot.HasErrors);
        Assert.AreEqual(DiagnosticSeverity.Warning, hot.Diagnostics.Single().Severity);
        StringAssert.Contains(hot.Diagnostics.Single().Message, "statically");
    }

    [TestMethod]
    public void DiagnosticPositionsCarryTheOffset()
    {
        var diagnostic = ModuleLexer.Analyze("ab\r\n  'x").Diagnostics.Single();
        Assert.AreEqual(new SourcePosition(6, 2, 3), diagnostic.Position);
    }

    [TestMethod]
    public void LexingResumesAfterAnUnterminatedStringOnTheNextLine()
    {
        var analysis = ModuleLexer.Analyze("x = 'oops\nimport a from './a.js'\n");
        Assert.AreEqual("./a.js", Describe.Specifiers(analysis));
        Assert.AreEqual("HMR001@1:5", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void LexingResumesAfterAStrayClosingBracket()
    {
        var analysis = ModuleLexer.Analyze("f());\nimport('./a.js')\nx = /'/");
        Assert.AreEqual("./a.js", Describe.Specifiers(analysis));
        Assert.AreEqual("HMR005@1:4", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void TooManyProblemsAreSummarised()
    {
        var analysis = ModuleLexer.Analyze(new string(')', 500));
        Assert.HasCount(101, analysis.Diagnostics);
        Assert.AreEqual("HMR013", analysis.Diagnostics[^1].Code);
        StringAssert.Contains(analysis.Diagnostics[^1].Message, "400");
    }

    [TestMethod]
    [DataRow("\uD800")]
    [DataRow("a\uDC00b")]
    [DataRow("\uFFFF\uFFFE")]
    [DataRow("\\")]
    [DataRow("\\u")]
    [DataRow("\\u{")]
    [DataRow("#")]
    [DataRow("@")]
    [DataRow("import")]
    [DataRow("import(")]
    [DataRow("import('")]
    [DataRow("import.")]
    [DataRow("import.meta.")]
    [DataRow("import.meta.hot.accept(")]
    [DataRow("import.meta.hot.accept([")]
    [DataRow("import.meta.hot.accept(['a'")]
    [DataRow("import {")]
    [DataRow("import * as")]
    [DataRow("export {")]
    [DataRow("export const {")]
    [DataRow("export const {a = ")]
    [DataRow("export const [a = `${")]
    [DataRow("export *")]
    [DataRow("import a from 'x' with {")]
    [DataRow("`${`${`${")]
    [DataRow("/")]
    [DataRow("a /")]
    [DataRow("?.")]
    [DataRow("0x")]
    [DataRow("1e")]
    [DataRow(".")]
    [DataRow("\r")]
    [DataRow("\ufeff")]
    [DataRow("#!")]
    public void TruncatedInputNeverThrows(string source)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.IsNotNull(analysis.Diagnostics);
        foreach (var d in analysis.Diagnostics)
        {
            Assert.IsTrue(d.Position.Line >= 1 && d.Position.Column >= 1 && d.Position.Offset <= source.Length, $"{source}: {d}");
        }
    }
}
