using Acornima;
using Hmr.Core.Artifact;

namespace Hmr.Bundler.Checking;

/// <summary>The development server's second entry point (beside <see cref="Prebundling.DevServerBundling"/>), called
/// through a delegate after loading this assembly at run time: the full parser's verdict on one ES module of the app.
/// The lexer that builds the module graph only finds what it needs to find (docs/lexer.md); the parser finds every
/// error the browser would, so the page can show it on the overlay (docs/runtime.md, "A module with a syntax error").</summary>
public static class ModuleSyntaxCheck
{
    // What a browser accepts in a module: the latest syntax, and a #! line (Chromium ignores it at the start).
    private static readonly ParserOptions Options = new() { AllowHashBang = true };

    /// <summary>Null when <paramref name="source"/> parses as an ES module; else the first error, with its line and
    /// 1-based column.</summary>
    /// <param name="source">The module's text.</param>
    /// <param name="url">The module's URL, for the parser's messages.</param>
    public static DiagnosticRecord? Check(string source, string url)
    {
        try
        {
            new Parser(Options).ParseModule(source, url);
            return null;
        }
        catch (ParseErrorException error)
        {
            return new DiagnosticRecord(GraphDiagnosticCodes.RejectedByParser, GraphDiagnosticCodes.Warning,
                error.Description ?? error.Message, Math.Max(1, error.LineNumber), error.Column + 1);
        }
    }
}
