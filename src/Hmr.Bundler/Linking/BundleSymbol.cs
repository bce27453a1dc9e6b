using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Linking;

internal enum SymbolKind
{
    /// <summary>A top-level binding of an ES module (a variable, function, class, or its default export).</summary>
    Declared,

    /// <summary>An ES module's namespace object (<c>import * as ns</c>, <c>export * as ns</c>, <c>require</c> of it).</summary>
    Namespace,

    /// <summary>A CommonJS module's lazy initialiser: <c>var require_x = __hmr_commonJS(…)</c>.</summary>
    CommonJsRequire,

    /// <summary>A CommonJS module as ES importers see it: <c>var import_x = __hmr_toESM(require_x())</c>.</summary>
    CommonJsInterop,
}

/// <summary>One chunk-level variable of the output. <see cref="Name"/> is the preferred name; each chunk that declares
/// or imports the symbol gives it a final name there.</summary>
internal sealed class BundleSymbol(ModuleRecord owner, string name, SymbolKind kind)
{
    public ModuleRecord Owner { get; } = owner;

    public string Name { get; } = name;

    public SymbolKind Kind { get; } = kind;

    public override string ToString() => $"{Kind} {Name} of {Owner.Path}";
}

/// <summary>What an imported name reads: a symbol, or a property of one (a CommonJS module's named export, read
/// from its interop object as esbuild and Vite do).</summary>
internal readonly record struct BindingTarget(BundleSymbol Symbol, string? Member);

internal enum ResolutionStatus
{
    Found,
    NotFound,
    Ambiguous,
}

internal readonly record struct ExportResolution(ResolutionStatus Status, BindingTarget Target)
{
    public static readonly ExportResolution NotFound = new(ResolutionStatus.NotFound, default);

    public static readonly ExportResolution Ambiguous = new(ResolutionStatus.Ambiguous, default);

    public static ExportResolution Found(BundleSymbol symbol, string? member = null) => new(ResolutionStatus.Found, new BindingTarget(symbol, member));
}
