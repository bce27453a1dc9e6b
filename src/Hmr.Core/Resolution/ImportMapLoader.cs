using Hmr.Core.Resolution;
using Hmr.Core.Artifact;

namespace Hmr.Core.Resolution;

/// <summary>Builds the import map in force for a web root. Browsers apply one map per page; modules here are shared
/// between pages, so the maps of all pages are merged (the <c>HmrImportMap</c> file first, then pages in URL order;
/// an entry already defined wins, as when one page holds several maps).</summary>
public static class ImportMapLoader
{
    /// <param name="pages">The scanned pages of the web root.</param>
    /// <param name="importMapFile">Full path of a JSON import map file, or null.</param>
    /// <param name="webRootPath">Full path of the web root (a map file inside it resolves relative addresses against its own URL).</param>
    /// <param name="diagnostics">Receives problems with the maps.</param>
    public static ImportMap Load(IReadOnlyList<ScannedPage> pages, string? importMapFile, string webRootPath, List<FileDiagnostic> diagnostics)
    {
        var map = ImportMap.Empty;
        if (!string.IsNullOrEmpty(importMapFile))
            map = LoadFile(importMapFile, webRootPath, diagnostics);
        foreach (var page in pages)
            foreach (var script in page.Scripts.Where(s => s.IsImportMap))
            {
                var problems = new List<string>();
                map = map.Merge(ImportMap.Parse(script.Content, page.Url, problems));
                foreach (var problem in problems)
                    diagnostics.Add(new FileDiagnostic(page.File, new DiagnosticRecord(GraphDiagnosticCodes.InvalidImportMap,
                        GraphDiagnosticCodes.Warning, problem, script.ContentPosition.Line, script.ContentPosition.Column)));
            }
        return map;
    }

    private static ImportMap LoadFile(string path, string webRootPath, List<FileDiagnostic> diagnostics)
    {
        var shownPath = path.Replace('\\', '/');
        if (!File.Exists(path))
        {
            diagnostics.Add(new FileDiagnostic(shownPath, new DiagnosticRecord(GraphDiagnosticCodes.ImportMapFileMissing,
                GraphDiagnosticCodes.Warning, $"the import map file {shownPath} (HmrImportMap) does not exist", 0, 0)));
            return ImportMap.Empty;
        }
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(webRootPath, full);
        var baseUrl = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? "/"
            : ModuleUrl.FromRelativePath(relative);
        var problems = new List<string>();
        ImportMap map;
        try
        {
            map = ImportMap.Parse(File.ReadAllText(full), baseUrl, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot read the import map file: {e.Message}");
            map = ImportMap.Empty;
        }
        foreach (var problem in problems)
            diagnostics.Add(new FileDiagnostic(shownPath, new DiagnosticRecord(GraphDiagnosticCodes.InvalidImportMap,
                GraphDiagnosticCodes.Warning, problem, 1, 1)));
        return map;
    }
}
