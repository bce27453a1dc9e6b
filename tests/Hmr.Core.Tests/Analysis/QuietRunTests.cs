using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Quiet runs (Lexer.QuietRuns.cs): the tokens the lexer jumps over, and the last token it lexes where a run stops
/// on a token that needs it. Each case ends a run on a token whose meaning depends on the run's last token, or puts
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
    public void LastTokenOfTheRunStartsARegex(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = a.return / 2; y = '/'; import('ok')")]  // a property name, never a keyword
    [DataRow("x = a . return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1n2. / 2; y = '/'; import('ok')")]      // `1n` and `2.`: numbers, though `n2.` looks like a name
    [DataRow("x = a?.return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1.5.return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1..return / 2; y = '/'; import('ok')")]
    [DataRow("x = 1.e5 / 2; y = '/'; import('ok')")]
    [DataRow("x = a1 / 2; y = '/'; import('ok')")]
    [DataRow("x = $ / 2; y = '/'; import('ok')")]
    [DataRow("x = 10n / 2; y = '/'; import('ok')")]
    public void LastTokenOfTheRunIsAValue(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    public void KeywordEndingTheRunDecidesTheBrace()
    {
        // `return {` opens an object, so `}` then `/` divides; `else {` is a block, so the `/` after it starts a regex.
        AssertSpecifiers("ok", "function f() { return { a: 1 } / 2; } y = '/'; import('ok')");
        AssertSpecifiers("ok", "if (a) {} else { b } /'/; import('ok')");
    }

    [TestMethod]
    [DataRow("x = y; return /* a */ /'/; import('ok')")]      // a comment leaves the run's last token the last one
    [DataRow("if /* a */ (b) /* c */ /'/; import('ok')")]
    [DataRow("x = a ? // b\n /'/ : 0; import('ok')")]
    public void CommentsAfterARunKeepItsLastTokenForARegex(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = a /* b */ / 2; y = '/'; import('ok')")]
    [DataRow("x = f /* if */ (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = a // c\n / 2; y = '/'; import('ok')")]
    public void CommentsAfterARunKeepItsLastTokenForADivision(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("export const a = b /* c */\n, d = 1", "a,d")]
    [DataRow("export const a = b // c\n, d = 1", "a,d")]
    [DataRow("export const a = b\n/* c */, d = 1", "a,d")]
    [DataRow("export const a = b.c\nd = 1, e = 2", "a")]                // a line break ends it (ASI)
    [DataRow("export const a = f(b,\nc), d = 1; x = 1, y", "a,d")]      // commas inside brackets and after `;` are no declarators
    public void DeclaratorsAcrossLinesAndComments(string source, string exports) => AssertAnalysis(source, "", exports: exports);

    [TestMethod]
    public void ManyDigitsBeforeAWordStayLinear()
    {
        // A digit before `import` stops the run there, and the number before it is lexed from the last operator.
        var source = string.Concat(Enumerable.Repeat("a*", 200_000)) + "1import; import('ok')";
        AssertSpecifiers("ok", source);
    }

    // Brackets, strings and templates set the last token without looking at the run before them: the cases below end
    // a run on each of them, then put the token that depends on what they left behind right after.

    private static void AssertAnalysis(string source, string specifiers, string diagnostics = "", string exports = "")
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(specifiers, Describe.Specifiers(analysis), source);
        Assert.AreEqual(diagnostics, Describe.Diagnostics(analysis), source);
        Assert.AreEqual(exports, Describe.Exports(analysis), source);
    }

    [TestMethod]
    [DataRow("x = f(a)\nimport('ok')")]
    [DataRow("x = f(a)import('ok')")]
    [DataRow("x = a[0]import('ok')")]
    [DataRow("if (a) {}import('ok')")]
    [DataRow("x = 's'import('ok')")]
    [DataRow("x = \"s\"\nimport('ok')")]
    [DataRow("x = `t`import('ok')")]
    [DataRow("x = `${a}`import('ok')")]
    [DataRow("x = (a)(import('ok'))")]
    [DataRow("x = [import('ok')]")]
    [DataRow("x = {a: import('ok')}")]
    [DataRow("x = `a${import('ok')}b`")]
    [DataRow("x = f(/[)'\"]/.test(a)); import('ok')")]       // brackets and quotes inside a regex after `(`
    [DataRow("x = f(a /* ) ' */, b // )\n); import('ok')")] // and inside comments
    public void EffectWordsRightAfterABracketOrStringAreFound(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    public void ExportAndClassRightAfterABracketOrString()
    {
        AssertAnalysis("f(a)\nexport const b = 1, c = 2", "", exports: "b,c");
        AssertAnalysis("x = 's';export function g() {}", "", exports: "g");
        AssertAnalysis("x = [1]\nclass A { import() {} }\nimport('ok')", "ok");
        AssertAnalysis("x = (1)class A { static import(a) { return a } }import('ok')", "ok");
    }

    [TestMethod]
    [DataRow("if (a) /'/.test(b); import('ok')")]
    [DataRow("if(a)/'/.test(b); import('ok')")]
    [DataRow("while (a) /'/; import('ok')")]
    [DataRow("for (;;) /'/; import('ok')")]
    [DataRow("with (a) /'/; import('ok')")]
    [DataRow("x; if ((a)) /'/; import('ok')")]
    [DataRow("x = 1if (a) /'/; import('ok')")]                  // `1` and the keyword `if`
    [DataRow("x = 1_for (;;) /'/; import('ok')")]
    [DataRow("x = 1ewhile (a) /'/; import('ok')")]
    [DataRow("x = a;with(b)/'/; import('ok')")]
    [DataRow("function f() {} /'/; import('ok')")]
    [DataRow("if (a) { b() } /'/; import('ok')")]
    [DataRow("x = () => {}\n/'/; import('ok')")]
    [DataRow("x = [f(a), b]; /'/; import('ok')")]
    public void SlashAfterABracketLexedInTheRunStartsARegex(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = f(a) / 2; y = '/'; import('ok')")]
    [DataRow("x = (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = iff (a) / 2; y = '/'; import('ok')")]       // a name ending like `if`
    [DataRow("x = aif (a) / 2; y = '/'; import('ok')")]       // a name ending in `if`
    [DataRow("x = _for (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = ewhile (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = nwith (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = create (a) / 2; y = '/'; import('ok')")]    // the last letters of `while`, `with`, `for`, `if`
    [DataRow("x = push (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = leaf (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = filter (a) / 2; y = '/'; import('ok')")]
    [DataRow("x = a.if (b) / 2; y = '/'; import('ok')")]      // a property named `if`
    [DataRow("x = a?.while (b) / 2; y = '/'; import('ok')")]
    [DataRow("x = a[0] / 2; y = '/'; import('ok')")]
    [DataRow("x = {} / 2; y = '/'; import('ok')")]
    [DataRow("x = {a: (1)} / 2; y = '/'; import('ok')")]
    [DataRow("x = 's' / 2; y = '/'; import('ok')")]
    [DataRow("x = \"s\" / 2; y = '/'; import('ok')")]
    [DataRow("x = `a${b}c` / 2; y = '/'; import('ok')")]
    [DataRow("x = `a${ {b: 1} }c` / 2; y = '/'; import('ok')")]
    [DataRow("x = `a${`b${c}`}` / 2; y = '/'; import('ok')")]
    [DataRow("x = 1e+5 / 2; y = '/'; import('ok')")]           // the sign inside the number, not an operator
    [DataRow("x = 1E-5n / 2; y = '/'; import('ok')")]
    [DataRow("x = 1n5 / 2; y = '/'; import('ok')")]
    [DataRow("x = f(a)++ / 2; y = '/'; import('ok')")]
    public void SlashAfterABracketOrLiteralLexedInTheRunDivides(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = 1yield /'/; import('ok')")]   // a number, then the keyword `yield`
    [DataRow("x = 1.eyield /'/; import('ok')")] // `1.e` is a number
    [DataRow("x = 1ereturn /'/; import('ok')")]
    [DataRow("x = 1eimport('ok')")]            // `1e` is a number, so the word is `import`
    [DataRow("x = 1nimport('ok')")]
    [DataRow("x = 1_import('ok')")]
    [DataRow("x = 1.import('ok')")]
    public void NumbersRunningIntoWordsLexAsTokenByToken(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    [DataRow("x = 1.export('no'); import('ok')")] // `1.e` and the name `xport`
    [DataRow("x = 0x1eimport('no'); import('ok')")] // one hex number
    [DataRow("x = ae_import('no'); import('ok')")]
    public void NumbersRunningIntoWordsHideThem(string source) => AssertSpecifiers("ok", source);

    [TestMethod]
    public void TemplatesNestedInRunsResumeTheirText()
    {
        AssertAnalysis("x = `a${f(`b${[c]}d`)}e${'f'}g` + `import('no')`; import('ok')", "ok");
        AssertAnalysis("x = `${ `${ `${ a }` }` }`; import('ok')", "ok");
        AssertAnalysis("x = `a${b}import('no')`\nimport('ok')", "ok");
    }

    [TestMethod]
    public void DynamicImportArgumentsEndAtTheirParen()
    {
        var analysis = ModuleLexer.Analyze("x = import( f(a)[0] ); y = (b)");
        var import = analysis.Imports.Single();
        Assert.AreEqual("f(a)[0]", "x = import( f(a)[0] ); y = (b)"[import.SpecifierStart..import.SpecifierEnd]);
    }

    [TestMethod]
    [DataRow("x = a) / 2; y = '/'; import('ok')", "HMR005@1:6")]          // the stray `)` keeps `a` as last token
    [DataRow("x = `${a) / 2}`; y = '/'; import('ok')", "HMR005@1:9")]     // and a `)` inside `${`
    [DataRow("x = a] / 2; y = '/'; import('ok')", "HMR005@1:6")]
    [DataRow("x = a} / 2; y = '/'; import('ok')", "HMR005@1:6")]
    [DataRow("x = (a]; import('ok')", "HMR005@1:7")]
    [DataRow("x = [a); import('ok')", "HMR005@1:7")]
    [DataRow("x = `${a)}`; import('ok')", "HMR005@1:9")]
    [DataRow("x = f(a;\nimport('ok')", "HMR006@1:6")]
    [DataRow("x = {a: [1, (2)]\nimport('ok')", "HMR006@1:5")]
    public void UnbalancedBracketsAreReportedWhereTheyAre(string source, string diagnostics) =>
        AssertAnalysis(source, "ok", diagnostics);

    [TestMethod]
    public void DiagnosticPositionsAfterBracketsAndStringsLexedInRuns()
    {
        var source = "f(a, [b], {c: 'd'})\r\n  g(`e${h(i)}`, \"j\")\n\u2028    x = 'unterminated\n  y = z)\n";
        AssertAnalysis(source, "", "HMR001@4:9 HMR005@5:8");
    }

    [TestMethod]
    public void ManyStopsBeforeWordsStayLinear()
    {
        // Each `a1import` stops the quiet run (a digit before the word, lexed with it as one name); where the run ends
        // is not searched again after each stop, so 5 MB take milliseconds (searching again to the end each time took minutes).
        var source = string.Concat(Enumerable.Repeat("a1import, ", 500_000)) + "import('ok')";
        var analysis = Task.Run(() => ModuleLexer.Analyze(source));
        Assert.IsTrue(analysis.Wait(TimeSpan.FromSeconds(20)), "not linear: 5 MB of runs stopped before words took over 20 s");
        Assert.AreEqual("ok", Describe.Specifiers(analysis.Result));
    }
}
