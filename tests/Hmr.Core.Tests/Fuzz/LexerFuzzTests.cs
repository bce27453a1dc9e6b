using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Fuzz;

/// <summary>A fixed-seed slice of the fuzzer (bench/fuzz runs millions): 20,000 mutated modules over four seeds. No
/// exception, offsets and positions inside the input, positions agreeing with an independent line count, and the
/// same analysis for the same text.</summary>
[TestClass]
public sealed class LexerFuzzTests
{
    private static IReadOnlyList<string> seeds = [];

    [ClassInitialize]
    public static void LoadSeeds(TestContext _)
    {
        seeds = FuzzInputs.LoadSeeds(FuzzInputs.FindRepoRoot());
        Assert.IsGreaterThanOrEqualTo(5, seeds.Count, "the fuzzer needs seed modules from the repository");
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(20261122)]
    public void Five_thousand_mutated_modules_keep_every_invariant(int seed)
    {
        var inputs = new FuzzInputs(seeds, seed);
        var failures = new List<string>();
        for (var i = 0; i < 5_000 && failures.Count < 5; i++)
        {
            var input = inputs.Next();
            string? problem;
            try { problem = FuzzOracle.Check(input); }
            catch (Exception e) { problem = "threw " + e.GetType().Name + ": " + e.Message; }
            if (problem is not null) failures.Add($"seed {seed} input #{i} ({input.Length} chars): {problem}\n--- input ---\n{Clip(input)}");
        }
        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    [TestMethod]
    public void The_oracle_catches_a_broken_analysis()
    {
        // Guards the guard: offsets past the end and a wrong line are reported.
        var source = "import a from './a.js';\n";
        var good = ModuleLexer.Analyze(source);
        Assert.IsNull(FuzzOracle.CheckBounds(source, good));
        var import = good.Imports.Single();
        var outside = good with { Imports = [import with { SpecifierEnd = source.Length + 1 }] };
        Assert.IsNotNull(FuzzOracle.CheckBounds(source, outside));
        var wrongLine = good with { Imports = [import with { Position = import.Position with { Line = 2 } }] };
        Assert.IsNotNull(FuzzOracle.CheckBounds(source, wrongLine));
        var wrongText = good with { Imports = [import with { Specifier = "./b.js" }] };
        Assert.IsNotNull(FuzzOracle.CheckBounds(source, wrongText));
    }

    [TestMethod]
    public void The_generator_is_deterministic_and_varied()
    {
        var a = new FuzzInputs(seeds, 7);
        var b = new FuzzInputs(seeds, 7);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var x = a.Next();
            Assert.AreEqual(x, b.Next());
            distinct.Add(x);
        }
        Assert.IsGreaterThan(190, distinct.Count);
    }

    private static string Clip(string s) => s.Length > 1500 ? s[..1500] + "…" : s;
}
