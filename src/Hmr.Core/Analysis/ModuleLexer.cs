using Hmr.Core.Analysis.Lexing;

namespace Hmr.Core.Analysis;

/// <summary>
/// Finds what an ES module imports, exports and does with <c>import.meta.hot</c>, in one pass over its
/// text, without building a syntax tree (the es-module-lexer approach; see docs/lexer.md).
/// Never throws on malformed input: problems come back as <see cref="ModuleAnalysis.Diagnostics"/>.
/// </summary>
public static class ModuleLexer
{
    /// <summary>Analyses one module's source text.</summary>
    public static ModuleAnalysis Analyze(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Analyze(source.AsSpan());
    }

    /// <summary>Analyses one module's source text.</summary>
    public static ModuleAnalysis Analyze(ReadOnlySpan<char> source)
    {
        var results = new AnalysisBuilder();
        var lexer = new Lexer(source, results);
        lexer.Run();
        return results.Build(source);
    }
}
