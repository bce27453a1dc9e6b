using System.Text;
using Hmr.Core.Analysis;
using Hmr.Core.Resolution;
using Hmr.Core.Artifact;

namespace Hmr.Core.Analysis;

/// <summary>Turns one module's source into its <see cref="ModuleRecord"/>: lexes it, resolves its imports and
/// accepted dependencies, and gathers diagnostics. One instance serves a whole web root (it holds the import map
/// and knows which files exist); it is thread-safe as long as its file-existence check is. The build task and the
/// live engine both use it, so a module analysed at build time and at run time gets the same record.</summary>
public sealed class ModuleAnalyzer
{
    private readonly Func<string, ModuleAnalysis> lexer;

    /// <param name="resolver">Resolves specifiers (import map + file existence).</param>
    /// <param name="lexer">The lexer; null for <see cref="ModuleLexer.Analyze(string)"/>.</param>
    public ModuleAnalyzer(ModuleResolver resolver, Func<string, ModuleAnalysis>? lexer = null)
    {
        Resolver = resolver;
        this.lexer = lexer ?? ModuleLexer.Analyze;
    }

    /// <summary>The resolver in use (its import map and file check).</summary>
    public ModuleResolver Resolver { get; }

    /// <summary>An analyzer for the web root folder <paramref name="webRootPath"/>: the import map comes from the
    /// web root's HTML pages (and <paramref name="importMapFile"/> when given, which wins), and a URL resolves when
    /// a file exists on disk under the web root. <paramref name="provided"/> entries (the dependency bundles) come last,
    /// so the pages' own entries win, and their URLs count as external.</summary>
    public static ModuleAnalyzer ForWebRoot(string webRootPath, string? importMapFile = null, Func<string, ModuleAnalysis>? lexer = null,
        ProvidedImports? provided = null)
    {
        var root = Path.GetFullPath(webRootPath);
        var pages = WebRootPages.Scan(root, Path.GetDirectoryName(root) ?? root);
        var importMap = ImportMapLoader.Load(pages, importMapFile, root, new List<FileDiagnostic>());
        provided ??= ProvidedImports.None;
        return new ModuleAnalyzer(new ModuleResolver(importMap.Merge(provided.Map), new WebRootPaths(root).FileExists, provided.UrlPrefixes), lexer);
    }

    /// <summary>Analyses a module given its text.</summary>
    /// <param name="url">Its URL under the web root, e.g. <c>/js/app.js</c>.</param>
    /// <param name="file">Its file as recorded in the artifact (relative to the project, forward slashes).</param>
    /// <param name="content">Its source text.</param>
    public ModuleRecord Analyze(string url, string file, string content) =>
        Analyze(url, file, content, ContentHash.Of(content), Encoding.UTF8.GetByteCount(content));

    /// <summary>Analyses a module given its bytes as read from disk (UTF-8, with or without a byte order mark); the hash
    /// and size are those of the bytes.</summary>
    public ModuleRecord Analyze(string url, string file, ReadOnlySpan<byte> utf8) =>
        Analyze(url, file, Encoding.UTF8.GetString(ContentHash.WithoutBom(utf8)), ContentHash.Of(utf8), utf8.Length);

    /// <summary>Analyses a module whose hash and size are already known.</summary>
    public ModuleRecord Analyze(string url, string file, string content, string hash, long size) =>
        AnalyzeModule(url, file, content, hash, size).Record;

    /// <summary>Analyses a module and keeps the lexer's output beside the record (what the dev server needs to rewrite it).</summary>
    public AnalysedModule AnalyzeModule(string url, string file, string content, string hash, long size)
    {
        var analysis = lexer(content);
        var diagnostics = new List<DiagnosticRecord>(analysis.Diagnostics.Count);
        foreach (var d in analysis.Diagnostics)
            diagnostics.Add(new DiagnosticRecord(d.Code, SeverityName(d.Severity), d.Message, d.Position.Line, d.Position.Column));

        var imports = ResolveImports(url, analysis.Imports, diagnostics);
        var (hot, acceptedDepUrls) = ResolveHot(url, analysis.Hot, diagnostics);
        var exports = analysis.Exports.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        diagnostics.Sort(CompareDiagnostics);
        return new AnalysedModule(new ModuleRecord(url, file, hash, size, imports, exports, hot, diagnostics), analysis, acceptedDepUrls);
    }

    /// <summary>Resolves lexed imports from the module (or page) at <paramref name="referrerUrl"/>, adding a diagnostic
    /// for each one that does not resolve.</summary>
    public IReadOnlyList<ResolvedImport> ResolveImports(string referrerUrl, IReadOnlyList<ImportRecord> imports, List<DiagnosticRecord> diagnostics)
    {
        var resolved = new ResolvedImport[imports.Count];
        for (var i = 0; i < imports.Count; i++)
        {
            var import = imports[i];
            var kind = KindName(import.Kind);
            var line = import.Position.Line;
            var column = import.Position.Column;
            if (import.Specifier is null)
            {
                resolved[i] = new ResolvedImport(null, null, kind, line, column, import.ImportedNames);
                continue;
            }
            var result = Resolver.Resolve(import.Specifier, referrerUrl);
            AddResolutionDiagnostics(result, import.Specifier, line, column, diagnostics, forAccept: false);
            resolved[i] = new ResolvedImport(import.Specifier,
                result.Outcome == ResolutionOutcome.Unresolved ? null : result.Url,
                kind, line, column, import.ImportedNames, result.Outcome == ResolutionOutcome.External);
        }
        return resolved;
    }

    /// <summary>True when a record made earlier from the same content still holds: each import resolves as it
    /// did, each accepted dependency still exists, and the import map is the one it was made with. Resolution can
    /// change without the file changing when other files are added or deleted.</summary>
    internal bool IsStillValid(ModuleRecord record)
    {
        foreach (var import in record.Imports)
        {
            if (import.Specifier is null) continue;
            var result = Resolver.Resolve(import.Specifier, record.Url);
            var url = result.Outcome == ResolutionOutcome.Unresolved ? null : result.Url;
            if (url != import.Url || (result.Outcome == ResolutionOutcome.External) != import.External)
                return false;
        }
        // Accepted deps are stored resolved: they hold while their files exist.
        foreach (var dep in record.Hot.AcceptedDeps)
            if (!Resolver.FileExists(dep))
                return false;
        // An accepted dependency that did not resolve left only a diagnostic; it may resolve now.
        return !record.Diagnostics.Any(d => d.Code == GraphDiagnosticCodes.AcceptedDependencyUnresolved);
    }

    /// <summary>The hot facts with accepted deps resolved: the record's distinct URLs, and the URL (or null) of each
    /// occurrence in source order.</summary>
    private (HotRecord Hot, string?[] AcceptedDepUrls) ResolveHot(string url, HotFacts hot, List<DiagnosticRecord> diagnostics)
    {
        if (!hot.UsesHot && !hot.AcceptsSelf && hot.AcceptedDeps.Count == 0)
            return (HotRecord.None, []);
        var deps = new List<string>(hot.AcceptedDeps.Count);
        var occurrences = new string?[hot.AcceptedDeps.Count];
        for (var i = 0; i < occurrences.Length; i++)
        {
            var dep = hot.AcceptedDeps[i];
            var result = Resolver.Resolve(dep.Specifier, url);
            if (result.Outcome == ResolutionOutcome.Resolved)
            {
                occurrences[i] = result.Url;
                if (!deps.Contains(result.Url!)) deps.Add(result.Url!);
            }
            else
                AddResolutionDiagnostics(result, dep.Specifier, dep.Position.Line, dep.Position.Column, diagnostics, forAccept: true);
        }
        var acceptedExports = hot.AcceptedExports?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (new HotRecord(hot.UsesHot, hot.AcceptsSelf, deps, acceptedExports), occurrences);
    }

    private static void AddResolutionDiagnostics(ResolutionResult result, string specifier, int line, int column,
        List<DiagnosticRecord> diagnostics, bool forAccept)
    {
        if (result.EscapedRoot)
            diagnostics.Add(new DiagnosticRecord(GraphDiagnosticCodes.EscapesWebRoot, GraphDiagnosticCodes.Warning,
                $"\"{specifier}\" climbs above the web root; browsers clamp it to {result.Url}", line, column));
        if (forAccept && result.Outcome != ResolutionOutcome.Resolved)
            diagnostics.Add(new DiagnosticRecord(GraphDiagnosticCodes.AcceptedDependencyUnresolved, GraphDiagnosticCodes.Warning,
                $"import.meta.hot.accept names \"{specifier}\", which is not a module of this web root" +
                (result.Problem is null ? "" : $": {result.Problem}"), line, column));
        else if (result.Outcome == ResolutionOutcome.Unresolved)
            diagnostics.Add(new DiagnosticRecord(result.Code ?? GraphDiagnosticCodes.NoFileAtUrl, GraphDiagnosticCodes.Warning,
                $"cannot resolve import: {result.Problem}", line, column));
    }

    internal static int CompareDiagnostics(DiagnosticRecord a, DiagnosticRecord b)
    {
        var byLine = a.Line.CompareTo(b.Line);
        if (byLine != 0) return byLine;
        var byColumn = a.Column.CompareTo(b.Column);
        if (byColumn != 0) return byColumn;
        var byCode = string.CompareOrdinal(a.Code, b.Code);
        return byCode != 0 ? byCode : string.CompareOrdinal(a.Message, b.Message);
    }

    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => GraphDiagnosticCodes.Error,
        DiagnosticSeverity.Warning => GraphDiagnosticCodes.Warning,
        _ => GraphDiagnosticCodes.Info,
    };

    internal static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.ReExport => "reexport",
        ImportKind.Dynamic => "dynamic",
        _ => "static",
    };
}
