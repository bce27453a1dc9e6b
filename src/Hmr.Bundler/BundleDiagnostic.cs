namespace Hmr.Bundler;

/// <summary>A problem found while resolving or bundling dependencies, at a place in a file (1-based line and column;
/// 0 when the problem has no place, such as a missing package). Codes are listed in docs/diagnostics.md.</summary>
public sealed record BundleDiagnostic(string Code, string Message, string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column}): {Code}: {Message}" : $"{File}: {Code}: {Message}";
}
