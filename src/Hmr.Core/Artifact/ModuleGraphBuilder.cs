using System.Collections.Concurrent;
using Hmr.Core.Analysis;
using Hmr.Core.Resolution;

namespace Hmr.Core.Artifact;

/// <summary>What to analyse.</summary>
/// <param name="ProjectDirectory">The project folder; recorded file paths are relative to it.</param>
/// <param name="WebRoot">The web root folder, relative to the project (or absolute), e.g. <c>wwwroot</c>.</param>
/// <param name="Lexer">The lexer; null for <see cref="ModuleLexer.Analyze(string)"/>.</param>
public sealed record ModuleGraphBuildOptions(string ProjectDirectory, string WebRoot, Func<string, ModuleAnalysis>? Lexer = null)
{
    /// <summary>A JSON import map file (relative to the project, or absolute), or null.</summary>
    public string? ImportMapFile { get; init; }

    /// <summary>The analysis code (<see cref="AnalyzerVersion"/>): written into the document, and a previous document
    /// from another analyzer is not used as a cache. A caller with its own lexer names it here.</summary>
    public string Analyzer { get; init; } = AnalyzerVersion.Current;

    /// <summary>How many files to analyse at once; 0 uses every processor.</summary>
    public int MaxParallelism { get; init; }

    /// <summary>Replaces the directory walk (tests give files in a chosen order); returns absolute file paths.</summary>
    internal Func<string, IEnumerable<string>>? EnumerateFiles { get; init; }
}

/// <summary>The graph with figures about the work done.</summary>
/// <param name="Document">The artifact.</param>
/// <param name="ReparsedCount">Modules lexed this time (the others came unchanged from the previous document).</param>
/// <param name="ImportCount">Imports over all modules.</param>
/// <param name="ByteCount">Bytes of module source over all modules.</param>
/// <param name="PageDiagnostics">Diagnostics about pages and import maps (module diagnostics live in their records).</param>
/// <param name="WebRootExists">False when the web root folder is missing (the document is then empty).</param>
public sealed record ModuleGraphBuildResult(
    ModuleGraphDocument Document,
    int ReparsedCount,
    int ImportCount,
    long ByteCount,
    IReadOnlyList<FileDiagnostic> PageDiagnostics,
    bool WebRootExists)
{
    /// <summary>Every diagnostic with its file: pages and import maps first, then modules in URL order.</summary>
    public IEnumerable<FileDiagnostic> AllDiagnostics =>
        PageDiagnostics.Concat(Document.Modules.SelectMany(m => m.Diagnostics.Select(d => new FileDiagnostic(m.File, d))));
}

/// <summary>Scans a web root, analyses every module (<c>.js</c>, <c>.mjs</c>) and its HTML pages, and produces the
/// <see cref="ModuleGraphDocument"/>. A previous document serves as a cache: a module whose content hash is
/// unchanged and whose imports still resolve the same way is taken over without lexing it again.</summary>
public static class ModuleGraphBuilder
{
    public static ModuleGraphBuildResult Build(ModuleGraphBuildOptions options, ModuleGraphDocument? previous = null)
    {
        var projectDirectory = Path.GetFullPath(options.ProjectDirectory);
        var webRootPath = Path.GetFullPath(Path.Combine(projectDirectory, options.WebRoot));
        var webRootName = Path.GetRelativePath(projectDirectory, webRootPath).Replace('\\', '/');
        if (!Directory.Exists(webRootPath))
            return new ModuleGraphBuildResult(
                new ModuleGraphDocument(ModuleGraphDocument.CurrentSchemaVersion, webRootName, [], []) { Analyzer = options.Analyzer },
                0, 0, 0, [], false);

        var files = options.EnumerateFiles is { } enumerate
            ? WebRootFiles.FromPaths(enumerate(webRootPath), webRootPath, projectDirectory)
            : WebRootFiles.Enumerate(webRootPath, projectDirectory);
        var existing = new HashSet<string>(files.Select(f => f.Url), StringComparer.Ordinal);
        var modules = files.Where(f => WebRootFiles.IsModule(f.FullPath)).ToArray();

        var pageDiagnostics = new List<FileDiagnostic>();
        var pages = WebRootPages.Read(files.Where(f => WebRootFiles.IsPage(f.FullPath)), pageDiagnostics);
        var importMapFile = string.IsNullOrEmpty(options.ImportMapFile) ? null : Path.GetFullPath(Path.Combine(projectDirectory, options.ImportMapFile));
        var importMap = ImportMapLoader.Load(pages, importMapFile, webRootPath, pageDiagnostics);
        var lexer = options.Lexer ?? ModuleLexer.Analyze;
        var analyzer = new ModuleAnalyzer(new ModuleResolver(importMap, existing.Contains), lexer);

        Dictionary<string, ModuleRecord>? cache = null;
        // Records from other analysis code may mean something else (a fixed lexer bug, a new resolution rule): the
        // content hash alone cannot tell, so such a document is no cache at all.
        if (previous is not null && previous.SchemaVersion == ModuleGraphDocument.CurrentSchemaVersion &&
            string.Equals(previous.Analyzer, options.Analyzer, StringComparison.Ordinal) &&
            (previous.ImportMapHash ?? "") == importMap.Fingerprint)
        {
            cache = new Dictionary<string, ModuleRecord>(StringComparer.Ordinal);
            foreach (var record in previous.Modules)
                cache.TryAdd(record.Url, record); // a hand-edited artifact may repeat a URL: first one wins
        }

        var records = new ModuleRecord[modules.Length];
        var moduleDiagnostics = new ConcurrentBag<FileDiagnostic>();
        var reparsed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism > 0 ? options.MaxParallelism : Environment.ProcessorCount };
        Parallel.For(0, modules.Length, parallel, i =>
        {
            var module = modules[i];
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(module.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                records[i] = Unreadable(module, e);
                return;
            }
            var hash = ContentHash.Of(bytes);
            if (cache is not null && cache.TryGetValue(module.Url, out var cached) && cached.Hash == hash &&
                cached.File == module.File && analyzer.IsStillValid(cached))
            {
                records[i] = cached;
                return;
            }
            Interlocked.Increment(ref reparsed);
            try
            {
                records[i] = analyzer.Analyze(module.Url, module.File, System.Text.Encoding.UTF8.GetString(ContentHash.WithoutBom(bytes)), hash, bytes.Length);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A lexer bug on one file must not cost the graph of all the others.
                records[i] = new ModuleRecord(module.Url, module.File, hash, bytes.Length, [], [], HotRecord.None,
                    [new DiagnosticRecord(GraphDiagnosticCodes.AnalysisCrashed, GraphDiagnosticCodes.Warning, $"the analysis of this module failed: {e.GetType().Name}: {e.Message}", 1, 1)]);
            }
        });

        var htmlModuleEntries = new HashSet<string>(StringComparer.Ordinal);
        var roots = ComputeRoots(records, pages, analyzer, pageDiagnostics, lexer, htmlModuleEntries);
        var razorPages = options.EnumerateFiles is null ? RazorPages.Scan(projectDirectory, webRootPath) : [];
        var document = new ModuleGraphDocument(ModuleGraphDocument.CurrentSchemaVersion, webRootName, roots, records)
        {
            ImportMapHash = importMap.Fingerprint.Length == 0 ? null : importMap.Fingerprint,
            Analyzer = options.Analyzer,
            PageEntries = ComputePageEntries(records, pages, razorPages, htmlModuleEntries, analyzer, lexer),
        };
        return new ModuleGraphBuildResult(document, reparsed, records.Sum(r => r.Imports.Count), records.Sum(r => r.Size),
            pageDiagnostics, true);
    }

    /// <summary>Roots are the modules pages load directly (<c>&lt;script type="module" src&gt;</c> and the imports of
    /// inline module scripts, resolved against the page URL) and the modules no other module imports. The former also
    /// go into <paramref name="htmlModuleEntries"/>, for <see cref="ComputePageEntries"/>.</summary>
    private static IReadOnlyList<string> ComputeRoots(ModuleRecord[] records, IReadOnlyList<ScannedPage> pages,
        ModuleAnalyzer analyzer, List<FileDiagnostic> pageDiagnostics, Func<string, ModuleAnalysis> lexer, HashSet<string> htmlModuleEntries)
    {
        var roots = new SortedSet<string>(StringComparer.Ordinal);
        var imported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
            foreach (var import in record.Imports)
                if (import.Url is not null && import.Url != record.Url)
                    imported.Add(import.Url);
        foreach (var record in records)
            if (!imported.Contains(record.Url))
                roots.Add(record.Url);

        foreach (var page in pages)
            foreach (var script in page.Scripts.Where(s => s.IsModule))
            {
                if (script.Src is not null)
                    AddPageScriptRoot(page, script, analyzer, roots, pageDiagnostics, htmlModuleEntries);
                else
                    AddInlineScriptRoots(page, script, analyzer, roots, pageDiagnostics, lexer, htmlModuleEntries);
            }
        return roots.ToArray();
    }

    /// <summary>What the pages load themselves (<see cref="ModuleGraphDocument.PageEntries"/>): the HTML pages' module
    /// scripts (<paramref name="htmlModuleEntries"/>, resolved for the roots already) and classic scripts, and the Razor
    /// files' scripts (only URLs known before rendering, see <see cref="RazorPages.ScriptUrl"/>), when they name a module
    /// of the web root. Null when the project has no page: no HTML page, no Razor file with a script.</summary>
    private static IReadOnlyList<string>? ComputePageEntries(ModuleRecord[] records, IReadOnlyList<ScannedPage> htmlPages,
        IReadOnlyList<ScannedPage> razorPages, HashSet<string> htmlModuleEntries, ModuleAnalyzer analyzer, Func<string, ModuleAnalysis> lexer)
    {
        if (htmlPages.Count == 0 && razorPages.All(p => p.Scripts.Count == 0)) return null;
        var modules = new HashSet<string>(records.Select(r => r.Url), StringComparer.Ordinal);
        var entries = new SortedSet<string>(htmlModuleEntries, StringComparer.Ordinal);
        void Add(string? url)
        {
            if (url is not null && modules.Contains(url)) entries.Add(url);
        }
        foreach (var page in htmlPages)
            foreach (var script in page.Scripts.Where(s => !s.IsModule && s.Src is not null))
                Add(ResolvePageSrc(page, script.Src!, analyzer).Url);
        foreach (var page in razorPages)
            foreach (var script in page.Scripts)
            {
                if (script.Src is { } src) Add(RazorPages.ScriptUrl(src));
                else if (script.IsModule)
                    foreach (var import in analyzer.ResolveImports(page.Url, lexer(script.Content).Imports, []))
                        if (!import.External) Add(import.Url);
            }
        return [.. entries];
    }

    /// <summary>A page's script <c>src</c> is a URL, never a bare specifier: <c>app.js</c> means <c>./app.js</c>.</summary>
    private static ResolutionResult ResolvePageSrc(ScannedPage page, string src, ModuleAnalyzer analyzer) =>
        analyzer.Resolver.Resolve(ModuleUrl.IsExternal(src) || ModuleUrl.IsRelativeOrRootRelative(src) ? src : "./" + src, page.Url);

    private static void AddPageScriptRoot(ScannedPage page, PageScript script, ModuleAnalyzer analyzer,
        SortedSet<string> roots, List<FileDiagnostic> diagnostics, HashSet<string> htmlModuleEntries)
    {
        var src = script.Src!;
        var result = ResolvePageSrc(page, src, analyzer);
        if (result.Outcome == ResolutionOutcome.Resolved)
        {
            roots.Add(result.Url!);
            htmlModuleEntries.Add(result.Url!);
        }
        else if (result.Outcome == ResolutionOutcome.Unresolved)
            diagnostics.Add(new FileDiagnostic(page.File, new DiagnosticRecord(GraphDiagnosticCodes.PageScriptUnresolved,
                GraphDiagnosticCodes.Warning, $"<script type=\"module\" src=\"{src}\">: {result.Problem}",
                script.SrcPosition.Line, script.SrcPosition.Column)));
    }

    private static void AddInlineScriptRoots(ScannedPage page, PageScript script, ModuleAnalyzer analyzer,
        SortedSet<string> roots, List<FileDiagnostic> diagnostics, Func<string, ModuleAnalysis> lexer, HashSet<string> htmlModuleEntries)
    {
        var analysis = lexer(script.Content);
        var found = new List<DiagnosticRecord>();
        foreach (var d in analysis.Diagnostics)
            found.Add(new DiagnosticRecord(d.Code, ModuleAnalyzer.SeverityName(d.Severity), d.Message, d.Position.Line, d.Position.Column));
        var imports = analyzer.ResolveImports(page.Url, analysis.Imports, found);
        foreach (var import in imports)
            if (import.Url is not null && !import.External)
            {
                roots.Add(import.Url);
                htmlModuleEntries.Add(import.Url);
            }
        // Positions inside the inline script become positions in the page.
        foreach (var d in found)
        {
            var at = LineMap.Shift(new SourcePosition(0, d.Line, d.Column), script.ContentPosition);
            diagnostics.Add(new FileDiagnostic(page.File, d with { Line = at.Line, Column = at.Column }));
        }
    }

    private static ModuleRecord Unreadable(WebRootFile module, Exception e) =>
        new(module.Url, module.File, "", 0, [], [], HotRecord.None,
            [new DiagnosticRecord(GraphDiagnosticCodes.FileUnreadable, GraphDiagnosticCodes.Warning, $"cannot read the module: {e.Message}", 1, 1)]);
}
