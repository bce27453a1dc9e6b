namespace Hmr.Core.Analysis;

/// <summary>How a module refers to another one.</summary>
public enum ImportKind
{
    /// <summary><c>import … from 'x'</c> or <c>import 'x'</c>.</summary>
    Static,
    /// <summary><c>export … from 'x'</c>.</summary>
    ReExport,
    /// <summary><c>import('x')</c>; the specifier is null when the argument is not a plain string literal.</summary>
    Dynamic,
}

/// <summary>A place in a source text: 0-based UTF-16 offset, 1-based line and column (column in UTF-16 code units).</summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column);

/// <summary>One import, re-export or dynamic import, in source order.</summary>
/// <param name="Specifier">The decoded string value (escapes resolved), or null for a non-literal dynamic import.</param>
/// <param name="Kind">Static, re-export or dynamic.</param>
/// <param name="SpecifierStart">Offset of the first character inside the quotes (for a non-literal dynamic import: of the argument expression).</param>
/// <param name="SpecifierEnd">Offset just past the last character inside the quotes (or of the argument expression).</param>
/// <param name="StatementStart">Offset where the statement (or the <c>import(</c> expression) starts.</param>
/// <param name="Position">Line and column of the specifier's opening quote (or of the argument).</param>
/// <param name="ImportedNames">The exported bindings this import uses: null means every binding (namespace import,
/// <c>export *</c>, dynamic import); empty means none (side-effect import). A default import is <c>"default"</c>.</param>
/// <param name="Attributes">The raw text of an import attributes clause (<c>{ type: 'json' }</c>), or null.</param>
public sealed record ImportRecord(
    string? Specifier,
    ImportKind Kind,
    int SpecifierStart,
    int SpecifierEnd,
    int StatementStart,
    SourcePosition Position,
    IReadOnlyList<string>? ImportedNames,
    string? Attributes = null);

/// <summary>A string literal argument of <c>import.meta.hot.accept</c>: a dependency the module accepts.</summary>
/// <param name="Specifier">The decoded specifier as written.</param>
/// <param name="Start">Offset of the first character inside the quotes.</param>
/// <param name="End">Offset just past the last character inside the quotes.</param>
/// <param name="Position">Line and column of the opening quote.</param>
public sealed record HotDependency(string Specifier, int Start, int End, SourcePosition Position);

/// <summary>What a module does with <c>import.meta.hot</c>, found statically (docs/hmr-semantics.md section 5).</summary>
public sealed record HotFacts(
    bool UsesHot,
    bool AcceptsSelf,
    IReadOnlyList<HotDependency> AcceptedDeps,
    IReadOnlyList<string>? AcceptedExports,
    bool CallsDispose,
    bool CallsPrune,
    bool CallsInvalidate,
    bool Declines)
{
    /// <summary>A module that never mentions <c>import.meta.hot</c>.</summary>
    public static HotFacts None { get; } = new(false, false, [], null, false, false, false, false);
}

/// <summary>Severity of an analysis diagnostic.</summary>
public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>A problem found in one module. <see cref="Code"/> is an <c>HMR0xx</c> code.</summary>
public sealed record AnalysisDiagnostic(string Code, DiagnosticSeverity Severity, string Message, SourcePosition Position);

/// <summary>Everything the lexer learns about one ES module, as plain data with source offsets.</summary>
public sealed record ModuleAnalysis(
    IReadOnlyList<ImportRecord> Imports,
    IReadOnlyList<string> Exports,
    HotFacts Hot,
    bool UsesImportMeta,
    IReadOnlyList<AnalysisDiagnostic> Diagnostics)
{
    /// <summary>True when the source has a syntax error the lexer could not read past cleanly.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
