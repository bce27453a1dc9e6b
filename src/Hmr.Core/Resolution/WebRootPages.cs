using Hmr.Core.Resolution;
using Hmr.Core.Artifact;

namespace Hmr.Core.Resolution;

/// <summary>An HTML page of the web root and its script elements.</summary>
public sealed record ScannedPage(string Url, string File, IReadOnlyList<PageScript> Scripts);

/// <summary>Reads the HTML pages of a web root.</summary>
public static class WebRootPages
{
    /// <summary>Scans every <c>.html</c>/<c>.htm</c> page under <paramref name="webRootPath"/>, in URL order.</summary>
    public static IReadOnlyList<ScannedPage> Scan(string webRootPath, string projectDirectory) =>
        Read(WebRootFiles.Enumerate(webRootPath, projectDirectory).Where(f => WebRootFiles.IsPage(f.FullPath)), []);

    /// <summary>Scans the given pages; a page that cannot be read yields a diagnostic and no scripts.</summary>
    public static IReadOnlyList<ScannedPage> Read(IEnumerable<WebRootFile> pages, List<FileDiagnostic> diagnostics)
    {
        var scanned = new List<ScannedPage>();
        foreach (var page in pages)
        {
            string html;
            try
            {
                html = File.ReadAllText(page.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new FileDiagnostic(page.File, new DiagnosticRecord(GraphDiagnosticCodes.FileUnreadable,
                    GraphDiagnosticCodes.Warning, $"cannot read the page: {e.Message}", 1, 1)));
                continue;
            }
            scanned.Add(new ScannedPage(page.Url, page.File, PageScriptScanner.FindScripts(html)));
        }
        return scanned;
    }
}
