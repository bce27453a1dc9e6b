using System.Text.Json.Serialization;

namespace Hmr.Core.Artifact;

// The build artifact (obj/<cfg>/<tfm>/hmr/module-graph.json), documented in docs/module-graph.md.
// The same records are the unit the live engine keeps per module, so a warm start needs no re-parse
// of files whose hash still matches. Their attributes and declaration order are the artifact's JSON contract
// (ModuleGraphSerializer, source-generated): properties in the order declared, camelCase.

/// <summary>The whole module graph of one web root.</summary>
/// <param name="SchemaVersion">Bumped on any incompatible change; readers reject other versions.</param>
/// <param name="WebRoot">The web root folder, relative to the project directory, with forward slashes.</param>
/// <param name="Roots">Module URLs the pages load directly (module scripts of HTML pages) or that nothing imports.</param>
/// <param name="Modules">Every module, sorted by URL.</param>
public sealed record ModuleGraphDocument(
    [property: JsonPropertyOrder(0)] int SchemaVersion,
    [property: JsonPropertyOrder(2)] string WebRoot,
    [property: JsonPropertyOrder(4)] IReadOnlyList<string> Roots,
    [property: JsonPropertyOrder(5)] IReadOnlyList<ModuleRecord> Modules)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>What the reader calls: unlike a document made in this process, an artifact that does not name its
    /// analyzer has none (<see cref="Analyzer"/>).</summary>
    [JsonConstructor]
    internal ModuleGraphDocument(int schemaVersion, string webRoot, IReadOnlyList<string> roots, IReadOnlyList<ModuleRecord> modules,
        string? analyzer = null, string? importMapHash = null, IReadOnlyList<string>? pageEntries = null)
        : this(schemaVersion, webRoot, roots, modules)
    {
        Analyzer = analyzer;
        ImportMapHash = importMapHash;
        PageEntries = pageEntries;
    }

    /// <summary>The analysis code that produced the records (<see cref="AnalyzerVersion"/>); null when the artifact does
    /// not say (written before the field existed). Caches trust records only from the analyzer running now. A document
    /// made in this process is made by this process's analyzer, hence the default.</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Analyzer { get; init; } = AnalyzerVersion.Current;

    /// <summary>Fingerprint of the import map the modules were resolved with (null when there was none); a warm
    /// start re-resolves everything when it differs.</summary>
    [JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImportMapHash { get; init; }

    /// <summary>The modules the project's pages load themselves, sorted: the <c>src</c> of their scripts (module or
    /// classic) and the imports of their inline module scripts, from the web root's HTML pages and the project's Razor
    /// files. Null when the project has no pages at all. <see cref="ModuleReach"/> follows the imports from here.</summary>
    [JsonPropertyOrder(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? PageEntries { get; init; }
}

/// <summary>One module as analysed.</summary>
/// <param name="Url">Its URL under the web root, e.g. <c>/js/app.js</c>.</param>
/// <param name="File">Its file, relative to the project directory, with forward slashes.</param>
/// <param name="Hash">Hash of the content (lowercase hex), to tell unchanged files on a warm start.</param>
/// <param name="Size">Content length in bytes.</param>
/// <param name="Imports">Static imports, re-exports and dynamic imports, in source order.</param>
/// <param name="Exports">Export names, sorted.</param>
/// <param name="Hot">What the module does with <c>import.meta.hot</c>.</param>
/// <param name="Diagnostics">Problems found in it (syntax errors, unresolved specifiers, hot forms not understood).</param>
public sealed record ModuleRecord(
    string Url,
    string File,
    string Hash,
    long Size,
    IReadOnlyList<ResolvedImport> Imports,
    IReadOnlyList<string> Exports,
    HotRecord Hot,
    IReadOnlyList<DiagnosticRecord> Diagnostics);

/// <summary>One import with its resolution.</summary>
/// <param name="Specifier">As written (decoded), or null for a non-literal dynamic import.</param>
/// <param name="Url">The resolved module URL under the web root, or null (external URL, unresolved, non-literal).</param>
/// <param name="Kind"><c>static</c>, <c>reexport</c> or <c>dynamic</c>.</param>
/// <param name="Line">1-based line of the specifier.</param>
/// <param name="Column">1-based column of the specifier.</param>
/// <param name="Names">Bindings used: null for all (namespace, <c>export *</c>, dynamic), empty for none (side effect).</param>
/// <param name="External">True for a full URL (http:, https:, data:, blob:) that is not ours to follow.</param>
public sealed record ResolvedImport(
    string? Specifier,
    string? Url,
    string Kind,
    int Line,
    int Column,
    IReadOnlyList<string>? Names,
    bool External = false);

/// <summary>The module's <c>import.meta.hot</c> facts, with accepted deps resolved to URLs.</summary>
public sealed record HotRecord(
    bool UsesHot,
    bool AcceptsSelf,
    IReadOnlyList<string> AcceptedDeps,
    IReadOnlyList<string>? AcceptedExports)
{
    public static HotRecord None { get; } = new(false, false, [], null);
}

/// <summary>A diagnostic with its code (<c>HMR0xx</c>), severity (<c>error</c>, <c>warning</c>, <c>info</c>), 1-based line and column.</summary>
public sealed record DiagnosticRecord(string Code, string Severity, string Message, int Line, int Column);
