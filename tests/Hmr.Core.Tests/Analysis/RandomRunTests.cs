using System.Text;
using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Quiet runs are jumped over, and their last token is lexed only where the token after the run needs it
/// (Lexer.QuietRuns.cs). These tests hold that to a model of their own: random sequences of tokens whose kind the
/// model knows, joined with or without blanks, then the probe <c>/'/; import('ok')</c> (as in RegexOrDivisionTests).
/// After a token that expects an expression the probe is a regex and the import is found; after a value it is a
/// division, whose quote opens a string that swallows the import.
/// </summary>
[TestClass]
public sealed class RandomRunTests
{
    /// <summary>After these a <c>/</c> starts a regex: operators, opening brackets, `=>`, spread, keywords, a condition's `)` and a block's `}`.</summary>
    private static readonly string[] ExpressionExpected =
    [
        "=", "+=", "*", "%", "<", ">", "<=", "&&", "||", "??", "^", "!", "~", "?", ":", ",", ";", "(", "[", "{", "=>", "...",
        "return", "typeof", "case", "yield", "await", "in", "of", "instanceof", "new", "delete", "void", "throw", "else", "do",
        "default", "extends", "1yield", "if (a)", "while (a.b)", "for (;;)", "with (a)", "1if (a)", "function f() {}", "a = () => {}",
    ];

    /// <summary>After these a <c>/</c> divides: names (keywords as property names included), numbers, literals, closing brackets, postfix `++`.</summary>
    private static readonly string[] Values =
    [
        "a", "$b", "_c1", "this", "iff", "elif", "format", "reimport", "subclass", "imports", "a1import", "#priv", "\\u0061b",
        "a\\u0062c", "\u00e9t\u00e9", "a\u00e9", "1", "1.5", ".5", "1.", "1e5", "1e+5", "1E-5n", "0x1F", "0x1import", "10n",
        "1_000", "1n2.", "1.export", "a.import", "a.return", "a?.if", "a . typeof", "a\n.in", "a?.b.while", "x.y.z", "f()", "f(a)(b)", "a[0]",
        "'s'", "\"s\"", "`t`", "`a${b}c`", "a++", "({})", "/re/g",
    ];

    private static readonly string[] Blanks = ["", "", " ", "  ", "\n", "\n    ", "\t", "\r\n"];

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    public void TheTokenBeforeTheProbeDecidesRegexOrDivision(int seed)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        for (var i = 0; i < 5_000 && failures.Count < 5; i++)
        {
            var (source, regex) = RandomRun(random);
            var found = Describe.Specifiers(ModuleLexer.Analyze(source)) == "ok";
            if (found != regex)
            {
                failures.Add($"{(regex ? "regex" : "division")} expected after: {source.ReplaceLineEndings("⏎")}");
            }
        }
        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    [TestMethod]
    public void TheModelAgreesWithTheTables()
    {
        // Guards the guard: each side of the model as a single token, probed as RegexOrDivisionTests probes.
        foreach (var token in ExpressionExpected)
        {
            Assert.AreEqual("ok", Describe.Specifiers(ModuleLexer.Analyze(token + " /'/; import('ok')")), token);
        }
        foreach (var token in Values)
        {
            Assert.AreEqual("", Describe.Specifiers(ModuleLexer.Analyze(token + " /'/; import('ok')")), token);
        }
    }

    private static (string Source, bool Regex) RandomRun(Random random)
    {
        var sb = new StringBuilder();
        var regex = true;
        var previous = "";
        for (var count = random.Next(1, 12); count > 0; count--)
        {
            regex = random.Next(2) == 0;
            var token = regex ? ExpressionExpected[random.Next(ExpressionExpected.Length)] : Values[random.Next(Values.Length)];
            sb.Append(Separator(random, previous, token)).Append(token);
            previous = token;
        }
        sb.Append(Separator(random, previous, "/")).Append("/'/; import('ok')");
        return (sb.ToString(), regex);
    }

    /// <summary>Blanks, or nothing where the two tokens cannot run into one (<c>a</c> <c>in</c>, <c>1.</c> <c>5</c>, <c>?</c> <c>.5</c>, <c>+</c> <c>+</c>).</summary>
    private static string Separator(Random random, string left, string right)
    {
        var blanks = Blanks[random.Next(Blanks.Length)];
        if (blanks.Length > 0 || left.Length == 0)
        {
            return blanks;
        }
        char l = left[^1], r = right[0];
        var merge = (IsWordy(l) && IsWordy(r)) || (l, r) is ('?', '.') or ('=', '>') or ('+', '+') or ('/', '/') or ('/', '*')
                    || (l == '\\' || r == '\\') || (l, r) is ('=', '=');
        return merge ? " " : "";
    }

    private static bool IsWordy(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '.' or '#' || c > 0x7F;
}
