using System.Text;
using System.Text.Json;
using Acornima;
using Hmr.Bundler.Analysis;

namespace Hmr.Bundler.Loading;

/// <summary>Step 1, loading: reads one file and parses it with Acornima. A file with import/export syntax is an ES
/// module; one without it that uses <c>require</c>, <c>module</c> or <c>exports</c> (or that only parses as a
/// script) is CommonJS; a <c>.json</c> file is a CommonJS module exporting the parsed value. Unreadable, huge, binary
/// or invalid files give a diagnostic and no module.</summary>
internal sealed class ModuleLoader(BundleRequest request, List<BundleDiagnostic> diagnostics)
{
    private static readonly ParserOptions ModuleOptions = new() { AllowHashBang = true };

    private static readonly ParserOptions ScriptOptions = new()
    {
        AllowHashBang = true,
        AllowReturnOutsideFunction = true,
    };

    public ModuleRecord? Load(string path, int index)
    {
        if (ReadText(path) is not { } text)
        {
            return null;
        }
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return LoadJson(path, index, text);
        }
        var forceScript = path.EndsWith(".cjs", StringComparison.OrdinalIgnoreCase);
        if (!forceScript)
        {
            try
            {
                var comments = new DroppedComments(text);
                var module = new Parser(comments.Listening(ModuleOptions)).ParseModule(text, path);
                var scope = ScopeAnalyzer.Analyze(module, request.Mode, sloppy: false);
                if (scope.HasModuleSyntax || path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase) || !UsesCommonJs(scope))
                {
                    return new ModuleRecord(index, path, text, ModuleFormat.EsModule, module, scope) { DroppedComments = comments.Spans };
                }
            }
            catch (ParseErrorException moduleError)
            {
                // Sloppy-mode CommonJS (octal escapes, `with`) does not parse as a module: try it as a script.
                return LoadScript(path, index, text, moduleError);
            }
        }
        return LoadScript(path, index, text, null);
    }

    private static bool UsesCommonJs(ScopeInfo scope) =>
        scope.ReadsGlobal("require") || scope.ReadsGlobal("module") || scope.ReadsGlobal("exports");

    private ModuleRecord? LoadScript(string path, int index, string text, ParseErrorException? moduleError)
    {
        try
        {
            var comments = new DroppedComments(text);
            var script = new Parser(comments.Listening(ScriptOptions)).ParseScript(text, path);
            return new ModuleRecord(index, path, text, ModuleFormat.CommonJs, script, ScopeAnalyzer.Analyze(script, request.Mode, sloppy: true))
            {
                DroppedComments = comments.Spans,
            };
        }
        catch (ParseErrorException scriptError)
        {
            var error = moduleError ?? scriptError;
            diagnostics.Add(new BundleDiagnostic(BundleCodes.SyntaxError, $"Syntax error: {error.Description}", path, error.LineNumber, error.Column + 1));
            return null;
        }
    }

    private ModuleRecord? LoadJson(string path, int index, string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            diagnostics.Add(new BundleDiagnostic(BundleCodes.InvalidJson, $"Invalid JSON: {error.Message}", path,
                (int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1));
            return null;
        }
        var source = "module.exports = " + text.Trim() + ";\n";
        var script = new Parser(ScriptOptions).ParseScript(source, path);
        return new ModuleRecord(index, path, source, ModuleFormat.CommonJs, script, ScopeAnalyzer.Analyze(script, request.Mode, sloppy: true));
    }

    private string? ReadText(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > request.MaxFileBytes)
            {
                diagnostics.Add(new BundleDiagnostic(BundleCodes.TooLarge,
                    $"The file is {info.Length / (1024 * 1024)} MB, over the {request.MaxFileBytes / (1024 * 1024)} MB limit for a module.", path, 0, 0));
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BundleDiagnostic(BundleCodes.Unreadable, $"The file could not be read: {error.Message}", path, 0, 0));
            return null;
        }
        if (Array.IndexOf(bytes, (byte)0) is var nul and >= 0)
        {
            diagnostics.Add(new BundleDiagnostic(BundleCodes.Binary, $"The file is binary (a NUL byte at offset {nul}), not a JavaScript module.", path, 0, 0));
            return null;
        }
        return new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
    }
}
