using System.Text;
using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Compact one-line renderings of an analysis, so a table row can state the whole expected result:
/// imports as <c>s'a'[default]@1:15</c> (s static, r re-export, d dynamic; <c>*</c> = every binding),
/// hot facts as <c>self deps=a,b exports=x dispose prune invalidate decline</c>, diagnostics as <c>HMR001@1:5</c>.
/// </summary>
internal static class Describe
{
    public static string Imports(ModuleAnalysis analysis, bool positions = true)
    {
        var parts = new List<string>();
        foreach (var import in analysis.Imports)
        {
            var sb = new StringBuilder();
            sb.Append(import.Kind switch { ImportKind.Static => 's', ImportKind.ReExport => 'r', _ => 'd' });
            sb.Append(import.Specifier is null ? "null" : $"'{import.Specifier}'");
            sb.Append(import.ImportedNames is null ? "*" : $"[{string.Join(',', import.ImportedNames)}]");
            if (positions)
            {
                sb.Append($"@{import.Position.Line}:{import.Position.Column}");
            }
            if (import.Attributes is not null)
            {
                sb.Append($" with {import.Attributes}");
            }
            parts.Add(sb.ToString());
        }
        return string.Join(" ", parts);
    }

    public static string Specifiers(ModuleAnalysis analysis) =>
        string.Join(" ", analysis.Imports.Select(i => i.Specifier ?? "null"));

    public static string Exports(ModuleAnalysis analysis) => string.Join(",", analysis.Exports);

    public static string Hot(ModuleAnalysis analysis)
    {
        var hot = analysis.Hot;
        if (!hot.UsesHot)
        {
            return "none";
        }
        var parts = new List<string> { "hot" };
        if (hot.AcceptsSelf) parts.Add("self");
        if (hot.AcceptedDeps.Count > 0) parts.Add("deps=" + string.Join(",", hot.AcceptedDeps.Select(d => d.Specifier)));
        if (hot.AcceptedExports is not null) parts.Add("exports=" + string.Join(",", hot.AcceptedExports));
        if (hot.CallsDispose) parts.Add("dispose");
        if (hot.CallsPrune) parts.Add("prune");
        if (hot.CallsInvalidate) parts.Add("invalidate");
        if (hot.Declines) parts.Add("decline");
        return string.Join(" ", parts);
    }

    public static string Diagnostics(ModuleAnalysis analysis) =>
        string.Join(" ", analysis.Diagnostics.Select(d => $"{d.Code}@{d.Position.Line}:{d.Position.Column}"));
}
