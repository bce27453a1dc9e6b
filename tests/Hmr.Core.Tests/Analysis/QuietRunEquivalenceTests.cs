using System.Text;
using Hmr.Core.Analysis;
using Hmr.Core.Analysis.Lexing;
using Hmr.Core.Tests.Fuzz;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Quiet runs, and the brackets and strings lexed between them (Lexer.QuietRuns.cs), are a shortcut: for any input
/// the analysis must be exactly the one the main loop gives token by token, whether runs end by stop masks or by
/// searches. Compared over the real modules of the agreement corpus and over mutated ones from the fuzzer, which
/// break brackets, strings and templates at random.
/// </summary>
[TestClass]
public sealed class QuietRunEquivalenceTests
{
    [TestMethod]
    public void EveryCorpusModuleLexesAsTokenByToken()
    {
        var root = FuzzInputs.FindRepoRoot();
        var nodeModules = Path.Combine(root, "tests", "reference", "node_modules");
        if (!Directory.Exists(nodeModules))
        {
            Assert.Fail($"{nodeModules} is missing: run `npm ci` in tests/reference (test.sh does it).");
        }
        var compared = 0;
        var failures = new List<string>();
        foreach (var path in Directory.EnumerateFiles(nodeModules, "*.*js", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!(path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal)))
            {
                continue;
            }
            var source = File.ReadAllText(path);
            compared++;
            if (Difference(source) is { } difference && failures.Count < 5)
            {
                failures.Add($"{Path.GetRelativePath(nodeModules, path)}: {difference}");
            }
        }
        Assert.IsGreaterThan(3000, compared, $"expected the whole corpus, compared only {compared} files");
        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    [TestMethod]
    [DataRow(11)]
    [DataRow(12)]
    [DataRow(13)]
    [DataRow(14)]
    public void MutatedModulesLexAsTokenByToken(int seed)
    {
        var inputs = new FuzzInputs(FuzzInputs.LoadSeeds(FuzzInputs.FindRepoRoot()), seed);
        var failures = new List<string>();
        for (var i = 0; i < 5_000 && failures.Count < 3; i++)
        {
            var input = inputs.Next();
            if (Difference(input) is { } difference)
            {
                failures.Add($"seed {seed} input #{i}: {difference}");
            }
        }
        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    /// <summary>
    /// Null when quiet runs, ended by stop masks (where supported) and by searches, give the token-by-token analysis;
    /// else the renderings from the first line that differs.
    /// </summary>
    internal static string? Difference(string source)
    {
        var tokenByToken = FuzzOracle.Describe(Lexer.AnalyzeTokenByToken(source));
        return Difference("quiet runs", FuzzOracle.Describe(ModuleLexer.Analyze(source)), tokenByToken)
               ?? Difference("quiet runs by searches", FuzzOracle.Describe(Lexer.AnalyzeWithSearches(source)), tokenByToken);
    }

    private static string? Difference(string way, string analysis, string tokenByToken)
    {
        if (analysis == tokenByToken)
        {
            return null;
        }
        var a = analysis.Split('\n');
        var b = tokenByToken.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line]) line++;
        return new StringBuilder()
            .Append(way).Append(": ").AppendLine(line < a.Length ? a[line] : "(nothing)")
            .Append("token by token: ").AppendLine(line < b.Length ? b[line] : "(nothing)")
            .ToString();
    }
}
