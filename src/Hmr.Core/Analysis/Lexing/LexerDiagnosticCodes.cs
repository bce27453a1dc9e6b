namespace Hmr.Core.Analysis.Lexing;

/// <summary>The lexer's diagnostic codes (HMR001–HMR019); each is documented in docs/lexer.md.</summary>
internal static class LexerDiagnosticCodes
{
    public const string UnterminatedString = "HMR001";
    public const string UnterminatedTemplate = "HMR002";
    public const string UnterminatedComment = "HMR003";
    public const string UnterminatedRegex = "HMR004";
    public const string UnexpectedClosingBracket = "HMR005";
    public const string UnclosedBracket = "HMR006";
    public const string InvalidCharacter = "HMR007";
    public const string MalformedImport = "HMR008";
    public const string MalformedExport = "HMR009";
    public const string AcceptNotStatic = "HMR010";
    public const string AcceptExportsNotStatic = "HMR011";
    public const string InvalidEscape = "HMR012";
    public const string TooManyDiagnostics = "HMR013";
    public const string NestingTooDeep = "HMR014";
}
