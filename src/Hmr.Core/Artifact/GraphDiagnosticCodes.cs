namespace Hmr.Core.Artifact;

/// <summary>Diagnostic codes of resolution and the graph (HMR020–HMR039) and of the MSBuild task (HMR040–HMR059).
/// Each is described, with a fix, in docs/diagnostics.md.</summary>
public static class GraphDiagnosticCodes
{
    /// <summary>A bare specifier (<c>lodash</c>) that no import map entry maps.</summary>
    public const string BareSpecifierUnmapped = "HMR020";
    /// <summary>A specifier resolves to a URL under the web root where there is no file.</summary>
    public const string NoFileAtUrl = "HMR021";
    /// <summary>The import map blocks the specifier (a null or invalid address).</summary>
    public const string BlockedByImportMap = "HMR022";
    /// <summary><c>..</c> climbs above the web root; browsers clamp it at <c>/</c>.</summary>
    public const string EscapesWebRoot = "HMR023";
    /// <summary>A dependency named in <c>import.meta.hot.accept('…')</c> does not resolve to a module.</summary>
    public const string AcceptedDependencyUnresolved = "HMR024";
    /// <summary>An import map (inline or <c>HmrImportMap</c>) is malformed or has invalid entries.</summary>
    public const string InvalidImportMap = "HMR025";
    /// <summary>A page's <c>&lt;script type="module" src&gt;</c> names no file of the web root.</summary>
    public const string PageScriptUnresolved = "HMR026";
    /// <summary>A file of the web root could not be read.</summary>
    public const string FileUnreadable = "HMR027";
    /// <summary>The file named by <c>HmrImportMap</c> does not exist.</summary>
    public const string ImportMapFileMissing = "HMR028";
    /// <summary>The analysis of one module threw (a bug); the module is kept with no imports.</summary>
    public const string AnalysisCrashed = "HMR029";
    /// <summary>Dev server: a module the lexer accepted is rejected by the full JavaScript parser, as the browser would.</summary>
    public const string RejectedByParser = "HMR030";

    /// <summary>Task: the web root folder does not exist (an empty graph is written).</summary>
    public const string WebRootMissing = "HMR040";
    /// <summary>Task: the graph file could not be written.</summary>
    public const string GraphWriteFailed = "HMR041";
    /// <summary>Task: the previous graph could not be read, or another analyzer wrote it, so every file is parsed.</summary>
    public const string PreviousGraphUnreadable = "HMR042";
    /// <summary>Task: the analysis failed unexpectedly (reported as a warning; the build goes on).</summary>
    public const string AnalysisFailed = "HMR043";
    /// <summary>Targets: skipped under .NET Framework MSBuild (Visual Studio); the runtime analyses at startup instead.</summary>
    public const string SkippedOnNetFramework = "HMR044";
    /// <summary>Task: dependency pre-bundling could not run (no readable graph, or a bug); the build goes on.</summary>
    public const string DependencyBundlingFailed = "HMR045";

    /// <summary>The severity names used in the artifact.</summary>
    public const string Error = "error", Warning = "warning", Info = "info";
}
