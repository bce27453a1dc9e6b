using Acornima.Ast;
using Hmr.Bundler.Analysis;

namespace Hmr.Bundler.Loading;

internal enum ModuleFormat
{
    EsModule,

    /// <summary>Wrapped in a lazily initialised function; JSON files are CommonJS modules whose
    /// <c>module.exports</c> is the parsed value.</summary>
    CommonJs,
}

/// <summary>A specifier one module asks for, where it is written, and the module it resolved to.</summary>
internal sealed class ModuleRequest(string specifier, ImportKind kind, SourceSpan span)
{
    public string Specifier { get; } = specifier;

    public ImportKind Kind { get; } = kind;

    public SourceSpan Span { get; } = span;

    public ModuleRecord? Target { get; set; }
}

/// <summary>One reached file: its text, syntax tree, scopes and import/export shape.</summary>
internal sealed class ModuleRecord(int index, string path, string source, ModuleFormat format, Program program, ScopeInfo scope)
{
    public int Index { get; } = index;

    public string Path { get; } = path;

    public string Source { get; } = source;

    public ModuleFormat Format { get; } = format;

    public Program Program { get; } = program;

    public ScopeInfo Scope { get; } = scope;

    /// <summary>The comments the emitted code leaves out, in source order.</summary>
    public IReadOnlyList<CommentSpan> DroppedComments { get; init; } = [];

    /// <summary>Imports and exports; for a CommonJS module, only the requests (its exports are in <see cref="CommonJs"/>).</summary>
    public EsModuleShape Es { get; set; } = EsModuleShape.Empty;

    public CommonJsShape? CommonJs { get; set; }

    /// <summary>Static imports, re-exports and followed <c>require</c> calls, in source order: the edges that
    /// decide execution order and which entries reach the module.</summary>
    public List<ModuleRequest> StaticRequests { get; } = [];

    /// <summary>Followed <c>import('x')</c> calls: each target starts a lazy chunk.</summary>
    public List<ModuleRequest> DynamicRequests { get; } = [];

    /// <summary>The request of each followed <c>require</c>/<c>import()</c> call, by the call's start offset.</summary>
    public Dictionary<int, ModuleRequest> CallRequests { get; } = [];

    /// <summary>A module that cannot be bundled (unresolved import, missing export): the entries reaching it fail.</summary>
    public bool Failed { get; set; }

    /// <summary>A short identifier-safe name from the file name, for generated names (<c>require_react</c>).</summary>
    public string Stem => Identifiers.FromFileName(Path);
}
