using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Quiet runs (Lexer.QuietRuns.cs): the tokens the lexer jumps over, and the last token it rebuilds backwards
/// where a run stops. Each case ends a run on the token whose meaning depends on that rebuilt token, or puts
/// an effect word where a run must stop for it.
/// </summary>
[TestClass]
public sealed class QuietRunTests
{
    private static void AssertSpecifiers(string expected, string source)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(expected, Describe.Specifiers(analysis), source);
    }

    [TestMethod]
    [DataRow("a1import 'no'; import('ok')")]
    [DataRow("reimport, subclass, imports, className, exported; import('ok')")]
    [DataRow("x = 0x1import; import('ok')")]
    [DataRow("x = a\\u0069mport; import('ok')")]
    [DataRow("x = ünimport; import('ok')")]
    [DataRow("x = \\u0069mport('no'); import('ok')")]
    public void WordsInsideLongerNamesAreNotKeywords(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = 1\nimport('ok')")]
    [DataRow("x = a;import('ok')")]
    [DataRow("x = a,import('ok')")]
    [DataRow("x = 1 + a*import('ok')")]
    [DataRow("x = [1,import('ok')]")]
    [DataRow("x = a ?import('ok') : 0")]
    public void EffectWordsAfterQuietTokensAreFound(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = a.import('no'); import('ok')")]
    [DataRow("x = a . import('no'); import('ok')")]
    [DataRow("x = a?.import('no'); import('ok')")]
    [DataRow("x = a\n.import('no'); import('ok')")]
    public void EffectWordsAfterADotAreProperties(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = 1.return /'/; import('ok')")]          // `1.` is a number: `return` is the keyword, so a regex
    [DataRow("x = 1_000.return /'/; import('ok')")]
    [DataRow("x = [...return /'/]; import('ok')")]
    [DataRow("x = a ? b : c, d = e => /'/; import('ok')")]
    [DataRow("x = a; y = b;\n /'/; import('ok')")]
    [DataRow("x = a <= b !== c >= d, e = f && g || h ?? return /'/; import('ok')")]
    public void RebuiltTokenStartsARegex(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = a.return / 2; y = '/'; import('ok')")]  // a property name, never a keyword
    [DataRow("x = a?.return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1.5.return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1..return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1.e5 / 2; y = '/'; import('ok')")]
    [DataRow("x = a1 / 2; y = '/'; import('ok')")]
    [DataRow("x = $ / 2; y = '/'; import('ok')")]
    [DataRow("x = 10n / 2; y = '/'; import('ok')")]
    public void RebuiltTokenIsAValue(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    public void RebuiltKeywordDecidesTheBrace()
    {
        // `return {` opens an object, so `}` then `/` divides; `else {` is a block, so the `/` after it starts a regex.
        AssertSpecifiers("ok", "function f() { return { a: 1 } / 2; } y = '/'; import('ok')");
        AssertSpecifiers("ok", "if (a) {} else { b } /'/; import('ok')");
    }

    [TestMethod]
    public void ManyDigitsBeforeAWordStayLinear()
    {
        // A digit before `import` pauses the quiet runs up to it: no search backwards per token.
        var source = string.Concat(Enumerable.Repeat("a*", 200_000)) + "1import; import('ok')";
        AssertSpecifiers("ok", source);
    }
}
