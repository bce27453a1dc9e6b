using System.Text;
using System.Text.Json;
using Hmr.Core.Artifact;

namespace Hmr.Runtime.Serving;

/// <summary>What the browser gets in place of a module with a syntax error (the lexer's, or the full parser's). It shows the same overlay the socket's
/// <c>error</c> message would (a page loaded while the file is broken never saw that message), records the module
/// as failed so the next good save can recover the page, then throws so the import fails loudly. It declares the
/// exports its importers ask for: a missing one fails the page while linking, before any module runs.</summary>
internal static partial class ErrorModule
{
    public static string Build(string moduleUrl, string source, DiagnosticRecord error, IEnumerable<string> exports)
    {
        var (line, column) = (error.Line, error.Column);
        // Same shape and wording as the engine's error message (HmrEngine.BuildError), so both overlays read alike.
        var payload = JsonSerializer.Serialize(new
        {
            message = $"{error.Message} ({error.Code})",
            stack = $"{error.Message}\n    at {moduleUrl}:{line}:{column}",
            id = moduleUrl,
            frame = Frame(source, line, column),
            loc = new { file = moduleUrl, line, column },
        });
        var thrown = JsonSerializer.Serialize($"[hmr] {moduleUrl}:{line}:{column}: {error.Message}");
        return $"import {{ reportModuleError as __hmr_reportModuleError }} from \"{ModuleTransformer.ClientUrl}\";\n"
               + $"__hmr_reportModuleError({payload});\n"
               + $"throw new SyntaxError({thrown});\n"
               + Exports(exports);
    }

    private static string Exports(IEnumerable<string> names)
    {
        var list = string.Join(", ", names.Select(name =>
            "__hmr_unavailable as " + (Identifier().IsMatch(name) ? name : JsonSerializer.Serialize(name))));
        return list.Length == 0 ? "" : $"let __hmr_unavailable;\nexport {{ {list} }};\n";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial System.Text.RegularExpressions.Regex Identifier();

    /// <summary>Two lines before the error, the error line with a caret under the column, and one line after.</summary>
    internal static string Frame(string source, int line, int column)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        line = Math.Clamp(line, 1, lines.Length);
        var last = Math.Min(lines.Length, line + 1);
        var width = last.ToString().Length;
        var frame = new StringBuilder();
        for (var n = Math.Max(1, line - 2); n <= last; n++)
        {
            var text = lines[n - 1].Length > 200 ? lines[n - 1][..200] : lines[n - 1];
            frame.Append(n == line ? "> " : "  ").Append(n.ToString().PadLeft(width)).Append(" | ").Append(text).Append('\n');
            if (n != line) continue;
            var caret = Math.Clamp(column, 1, text.Length + 1);
            frame.Append("  ").Append(' ', width).Append(" | ").Append(' ', caret - 1).Append("^\n");
        }
        return frame.ToString().TrimEnd('\n');
    }
}
