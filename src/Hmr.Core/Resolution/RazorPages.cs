using Hmr.Core.Artifact;

namespace Hmr.Core.Resolution;

/// <summary>The script elements of the project's Razor files (<c>.cshtml</c> views, pages and layouts, <c>.razor</c>
/// components): the pages of a server-rendered app, which the module graph needs to know what the pages load
/// (docs/module-graph.md, "pageEntries").</summary>
public static class RazorPages
{
    // Build output, packages and tools' folders hold no pages of the app (and can be large).
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    /// <summary>Every <c>.cshtml</c>/<c>.razor</c> file under <paramref name="projectDirectory"/> outside the web root,
    /// build output and hidden folders, with its scripts, in path order. Unreadable files are skipped: they are the
    /// compiler's to report.</summary>
    public static IReadOnlyList<ScannedPage> Scan(string projectDirectory, string webRootPath)
    {
        var pages = new List<ScannedPage>();
        foreach (var path in Enumerate(Path.GetFullPath(projectDirectory), Path.GetFullPath(webRootPath)).Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var file = Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
            pages.Add(new ScannedPage("/", file, PageScriptScanner.FindScripts(text)));
        }
        return pages;
    }

    /// <summary>A Razor <c>src</c> as the URL it renders: <c>~/js/app.js</c> and <c>/js/app.js</c> are <c>/js/app.js</c>
    /// (query and fragment dropped: <c>asp-append-version</c> adds one). Null for what cannot be known before the page
    /// renders: Razor expressions, URLs relative to the request, other origins.</summary>
    public static string? ScriptUrl(string src)
    {
        var url = src.Trim();
        if (url.Contains('@')) return null;
        var end = url.IndexOfAny(['?', '#']);
        if (end >= 0) url = url[..end];
        if (url.StartsWith("~/", StringComparison.Ordinal)) return url[1..];
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : null;
    }

    private static IEnumerable<string> Enumerate(string directory, string webRootPath)
    {
        IEnumerable<string> files, folders;
        try
        {
            files = Directory.EnumerateFiles(directory, "*.*").Where(IsRazorFile).ToList();
            folders = Directory.EnumerateDirectories(directory).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var file in files) yield return file;
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || SkippedFolders.Contains(name) || string.Equals(folder, webRootPath, StringComparison.Ordinal)) continue;
            if (new DirectoryInfo(folder).LinkTarget is not null) continue; // a linked folder may loop or lead anywhere
            foreach (var file in Enumerate(folder, webRootPath)) yield return file;
        }
    }

    private static bool IsRazorFile(string path) =>
        path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);
}
