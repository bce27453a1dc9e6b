namespace Hmr.Bundler.Analysis;

/// <summary>What the scope walk found in one module: the top-level bindings and every identifier naming them, the
/// global names it reads, the dependency calls, and the expressions the emitter replaces.</summary>
internal sealed class ScopeInfo(Scope top)
{
    /// <summary>The module scope (for CommonJS: the wrapper function's scope).</summary>
    public Scope Top { get; } = top;

    /// <summary>Top-level names, in declaration order, each with every identifier that names it (declarations too).</summary>
    public Dictionary<string, List<Occurrence>> TopLevel { get; } = new(StringComparer.Ordinal);

    /// <summary>Names read but declared nowhere in the module (globals, and <c>require</c>/<c>module</c>/<c>exports</c>).</summary>
    public Dictionary<string, List<Occurrence>> Free { get; } = new(StringComparer.Ordinal);

    /// <summary>Every name declared in any scope of the module.</summary>
    public HashSet<string> AllNames { get; } = new(StringComparer.Ordinal);

    public List<DependencyCall> Calls { get; } = [];


    /// <summary><c>process.env.NODE_ENV</c> expressions whose <c>process</c> is the global one.</summary>
    public List<SourceSpan> NodeEnvReads { get; } = [];

    /// <summary><c>require(x)</c> and <c>import(x)</c> with a computed specifier: left as written, reported.</summary>
    public List<SourceSpan> NonLiteralRequires { get; } = [];

    public List<SourceSpan> NonLiteralImports { get; } = [];

    /// <summary>Import or export declarations, or <c>import.meta</c>: only an ES module can have them.</summary>
    public bool HasModuleSyntax { get; set; }

    public bool ReadsGlobal(string name) => Free.ContainsKey(name);
}
