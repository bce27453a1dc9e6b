using System.Text;
using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Hostile and huge inputs finish and report sanely (no timing assertions: the lexer is linear by
/// construction, these show it neither recurses nor rescans).
/// </summary>
[TestClass]
public sealed class AdversarialInputTests
{
    private const int Million = 1_000_000;

    [TestMethod]
    public void AMillionOpenParensReportTheInnermostUnclosedOne()
    {
        var analysis = ModuleLexer.Analyze(new string('(', Million));
        Assert.AreEqual($"HMR006@1:{Million}", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void AMillionOpenBracesOfEveryKind()
    {
        var source = string.Concat(Enumerable.Repeat("{[(", Million / 3));
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual("HMR006", analysis.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void AMillionClosingParensAreCappedDiagnostics()
    {
        var analysis = ModuleLexer.Analyze(new string(')', Million));
        Assert.HasCount(Hmr.Core.Analysis.Lexing.AnalysisBuilder.MaxDiagnostics + 1, analysis.Diagnostics);
        Assert.AreEqual("HMR013", analysis.Diagnostics[^1].Code);
    }

    [TestMethod]
    public void AMillionSlashesAreOneComment()
    {
        var analysis = ModuleLexer.Analyze(new string('/', Million) + "\nimport('ok')");
        Assert.AreEqual("ok", Describe.Specifiers(analysis));
        Assert.AreEqual("", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void AMillionSpacedSlashesAlternateRegexAndDivision()
    {
        // `a / / / / …`: division, then regex `/ /`, then division… all on one line.
        var analysis = ModuleLexer.Analyze("a" + string.Concat(Enumerable.Repeat(" /", Million)) + "\nimport('ok')");
        Assert.AreEqual("ok", Describe.Specifiers(analysis));
    }

    [TestMethod]
    public void UnterminatedRegexesOnOneLongLineDoNotRescanTheLine()
    {
        var analysis = ModuleLexer.Analyze(string.Concat(Enumerable.Repeat("=/[", Million / 3)) + "\nimport('ok')");
        Assert.AreEqual("ok", Describe.Specifiers(analysis));
        Assert.AreEqual("HMR004@1:2", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void AMillionQuotesArePairsOfEmptyStrings()
    {
        var analysis = ModuleLexer.Analyze(new string('\'', Million) + ";import('ok')");
        Assert.AreEqual("ok", Describe.Specifiers(analysis));
        Assert.AreEqual("", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void DeeplyNestedTemplatesBalance()
    {
        const int depth = 200_000;
        var source = new StringBuilder();
        for (var i = 0; i < depth; i++) source.Append("`a${");
        source.Append("import('ok')");
        for (var i = 0; i < depth; i++) source.Append("}b`");
        source.Append("; x = /'/");
        var analysis = ModuleLexer.Analyze(source.ToString());
        Assert.AreEqual("ok", Describe.Specifiers(analysis));
        Assert.AreEqual("", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void DeeplyNestedUnclosedTemplatesReportTheInnermost()
    {
        var analysis = ModuleLexer.Analyze(string.Concat(Enumerable.Repeat("`${", Million / 3)));
        Assert.AreEqual("HMR002", analysis.Diagnostics.Single().Code);
        Assert.AreEqual(Million / 3 * 3 - 2, analysis.Diagnostics.Single().Position.Column);
    }

    [TestMethod]
    public void ManyDynamicImportsWithUnclosedAttributesStayLinear()
    {
        var analysis = ModuleLexer.Analyze(string.Concat(Enumerable.Repeat("import('x', {a: ", 100_000)));
        Assert.HasCount(100_000, analysis.Imports);
        Assert.IsTrue(analysis.Imports.All(i => i.Specifier == "x" && i.Attributes is null));
    }

    [TestMethod]
    public void ManyMultiLineCommentsInsideAnExportedDeclaration()
    {
        // Each comment's line break asks whether the declaration goes on; the answer (a `,` far ahead) is remembered.
        var source = "export let a = 1\n" + string.Concat(Enumerable.Repeat("/*\n*/\n", 200_000)) + ", b = 2\nf(c, d)";
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual("a,b", Describe.Exports(analysis));
        Assert.AreEqual("", Describe.Diagnostics(analysis));
    }

    [TestMethod]
    public void ManyUnterminatedImportListsStayLinear()
    {
        var analysis = ModuleLexer.Analyze(string.Concat(Enumerable.Repeat("import {a,", 100_000)));
        Assert.IsEmpty(analysis.Imports);
        Assert.IsTrue(analysis.HasErrors);
    }

    [TestMethod]
    public void TenMegabytesOfRealisticCode()
    {
        const string chunk = """
            import { a as b } from './a.js';
            export const x = 1, { y, z: [w] } = obj;
            /** A comment with import('no') and `backticks` */
            function f(a, b) {
              if (a) return /re[/]gex/g.test(b) ? `t${a / 2}` : 'it\'s';
              return a / b / 2;
            }
            class K { import() { return import('./lazy.js'); } static #p = 1; }
            if (import.meta.hot) import.meta.hot.accept('./a.js', () => {});

            """;
        var count = 10_000_000 / chunk.Length + 1;
        var source = new StringBuilder(count * chunk.Length);
        for (var i = 0; i < count; i++) source.Append(chunk);
        var analysis = ModuleLexer.Analyze(source.ToString());
        Assert.HasCount(2 * count, analysis.Imports);
        Assert.HasCount(3 * count, analysis.Exports);
        Assert.HasCount(count, analysis.Hot.AcceptedDeps);
        Assert.AreEqual("", Describe.Diagnostics(analysis));
        Assert.AreEqual(9 * (count - 1) + 8, analysis.Imports[^1].Position.Line);
    }

    private const string Alphabet = "(){}[]/'\"`$\\*\n\r ai.?#=+-mportexcl:,;{}";

    [TestMethod]
    public void RandomCharactersNeverThrow()
    {
        var random = new Random(12345);
        for (var round = 0; round < 50; round++)
        {
            var chars = new char[20_000];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = round % 2 == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(0, Alphabet.Length)];
            }
            var analysis = ModuleLexer.Analyze(new string(chars));
            Assert.IsTrue(analysis.Diagnostics.Count <= Hmr.Core.Analysis.Lexing.AnalysisBuilder.MaxDiagnostics + 1);
        }
    }
}
