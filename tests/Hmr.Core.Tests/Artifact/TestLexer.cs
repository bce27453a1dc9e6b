using System.Text.RegularExpressions;
using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Artifact;

/// <summary>A deliberately simple stand-in for the lexer, so graph and resolution tests exercise this code alone:
/// <c>import … from 'x'</c>, <c>import 'x'</c>, <c>export … from 'x'</c>, <c>import('x')</c>, <c>export const n</c>,
/// <c>import.meta.hot.accept('x')</c> / <c>accept()</c>, and the marker <c>SYNTAX_ERROR</c>. It counts its calls.</summary>
internal sealed partial class TestLexer
{
    private int calls;

    public int Calls => calls;

    public ModuleAnalysis Analyze(string source)
    {
        Interlocked.Increment(ref calls);
        var lines = new Hmr.Core.Resolution.LineMap(source);
        var imports = new List<ImportRecord>();
        foreach (Match m in ImportPattern().Matches(source))
        {
            var group = m.Groups["spec"];
            var kind = m.Groups["dyn"].Success ? ImportKind.Dynamic : m.Value.StartsWith("export") ? ImportKind.ReExport : ImportKind.Static;
            IReadOnlyList<string>? names = kind == ImportKind.Dynamic ? null : m.Groups["def"].Success ? ["default"] : m.Groups["names"].Success
                ? m.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            imports.Add(new ImportRecord(group.Value, kind, group.Index, group.Index + group.Length, m.Index,
                lines.At(group.Index - 1), names));
        }
        imports.Sort((a, b) => a.StatementStart.CompareTo(b.StatementStart));
        var exports = ExportPattern().Matches(source).Select(m => m.Groups[1].Value).ToList();
        var deps = AcceptPattern().Matches(source)
            .Select(m => new HotDependency(m.Groups[1].Value, m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length, lines.At(m.Groups[1].Index - 1)))
            .ToList();
        var usesHot = source.Contains("import.meta.hot", StringComparison.Ordinal);
        var hot = usesHot ? new HotFacts(true, source.Contains("hot.accept()", StringComparison.Ordinal), deps, null, false, false, false, false) : HotFacts.None;
        var diagnostics = new List<AnalysisDiagnostic>();
        var error = source.IndexOf("SYNTAX_ERROR", StringComparison.Ordinal);
        if (error >= 0)
            diagnostics.Add(new AnalysisDiagnostic("HMR001", DiagnosticSeverity.Error, "unexpected token", lines.At(error)));
        return new ModuleAnalysis(imports, exports, hot, usesHot, diagnostics);
    }

    [GeneratedRegex("""(?:import\s*\{(?<names>[^}]*)\}\s*from\s*|import\s+(?<def>\w+)\s+from\s*|import\s+|export\s*\*\s*from\s*|import(?<dyn>\()\s*)['"](?<spec>[^'"]+)['"]""")]
    private static partial Regex ImportPattern();

    [GeneratedRegex(@"export\s+(?:const|let|function|class)\s+(\w+)")]
    private static partial Regex ExportPattern();

    [GeneratedRegex("""hot\.accept\(\s*['"]([^'"]+)['"]""")]
    private static partial Regex AcceptPattern();
}
