using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Analysis;

/// <summary><c>import { imported as local } from</c>; <see cref="Imported"/> is <c>*</c> for a namespace import.</summary>
internal sealed record ImportBinding(string Local, ModuleRequest Request, string Imported);

/// <summary><c>export { imported as x } from</c>; <see cref="Imported"/> is <c>*</c> for <c>export * as x from</c>.</summary>
internal sealed record ReExport(ModuleRequest Request, string Imported);

internal enum DefaultExportForm
{
    /// <summary><c>export default function f() {}</c> / <c>class C {}</c>: the keywords are removed.</summary>
    NamedDeclaration,

    /// <summary><c>export default function () {}</c>: the keywords are removed and the generated name inserted.</summary>
    AnonymousFunction,

    AnonymousClass,

    /// <summary><c>export default expr</c>: becomes <c>const name = expr;</c> (a snapshot, as the spec has it).</summary>
    Expression,
}

/// <summary>How the module's <c>export default</c> is rewritten: <see cref="KeywordsStart"/>–<see cref="KeywordsEnd"/>
/// covers <c>export default</c>; <see cref="NameAt"/> is where an anonymous declaration gets its name;
/// <see cref="StatementEnd"/> is where an expression's <c>;</c> goes.</summary>
internal sealed record DefaultExport(DefaultExportForm Form, string Local, int KeywordsStart, int KeywordsEnd, int NameAt, int StatementEnd);

/// <summary>An ES module's imports and exports, as the linker needs them.</summary>
internal sealed class EsModuleShape
{
    public static readonly EsModuleShape Empty = new();

    public Dictionary<string, ImportBinding> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>Exported name → top-level name (which may be an import, re-exported).</summary>
    public Dictionary<string, string> LocalExports { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ReExport> ReExports { get; } = new(StringComparer.Ordinal);

    /// <summary><c>export * from</c> requests, in source order.</summary>
    public List<ModuleRequest> Stars { get; } = [];

    public DefaultExport? Default { get; set; }

    /// <summary>Import declarations and <c>export … from</c>/<c>export { … }</c> statements: removed from the output.</summary>
    public List<(int Start, int End)> RemovedStatements { get; } = [];

    /// <summary>The <c>export</c> keyword before a declaration: removed, the declaration stays.</summary>
    public List<(int Start, int End)> ExportKeywords { get; } = [];
}
