using System.Text.Json;
using Hmr.Core.Artifact;
using Hmr.Core.Protocol;

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
        // The engine's error message for the same error (HmrError.InSource), so both overlays read alike.
        var err = HmrError.InSource(moduleUrl, source, error);
        var payload = JsonSerializer.Serialize(new
        {
            message = err.Message,
            stack = err.Stack,
            id = err.Id,
            frame = err.Frame,
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
}
