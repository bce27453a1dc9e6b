using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Fuzz;

/// <summary>Minimal repros of what the fuzzer found, kept as regular tests.</summary>
[TestClass]
public sealed class FuzzFindingsTests
{
    [TestMethod]
    [DataRow("import( )")]
    [DataRow("await import(\r\n)")]
    [DataRow("import(\n\t)")]
    public void An_empty_dynamic_import_argument_has_an_empty_range_not_a_negative_one(string source)
    {
        // Found by bench/fuzz (seed 5, input #2577): the blanks before `)` were trimmed back past the argument's start.
        var import = ModuleLexer.Analyze(source).Imports.Single();
        Assert.AreEqual(ImportKind.Dynamic, import.Kind);
        Assert.IsNull(import.Specifier);
        Assert.IsLessThanOrEqualTo(import.SpecifierEnd, import.SpecifierStart, $"{import.SpecifierStart}..{import.SpecifierEnd}");
        Assert.IsNull(FuzzOracle.CheckBounds(source, ModuleLexer.Analyze(source)));
    }
}
