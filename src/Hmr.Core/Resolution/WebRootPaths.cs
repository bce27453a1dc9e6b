namespace Hmr.Core.Resolution;

/// <summary>Maps files under the web root to module URLs (<c>/js/app.js</c>) and back; nothing outside the root maps.
/// The one place URLs become paths for the graph, the engine and the server's resolver.</summary>
public sealed class WebRootPaths
{
    private readonly string _root;

    public WebRootPaths(string webRootPath)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRootPath));
    }

    public string Root => _root;

    /// <summary>The URL of a file, or null when it is not under the web root.</summary>
    public string? ToUrl(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (full.Length <= _root.Length + 1 || !full.StartsWith(_root, StringComparison.Ordinal)) return null;
        var sep = full[_root.Length];
        if (sep != Path.DirectorySeparatorChar && sep != Path.AltDirectorySeparatorChar) return null;
        var relative = full[(_root.Length + 1)..].Replace('\\', '/');
        return "/" + relative;
    }

    /// <summary>The file for a URL (query and fragment ignored), or null when the URL would leave the web root.</summary>
    public string? ToFullPath(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        if (cut >= 0) url = url[..cut];
        if (!url.StartsWith('/')) return null;
        var full = Path.GetFullPath(Path.Combine(_root, url.TrimStart('/')));
        return ToUrl(full) is null ? null : full;
    }

    /// <summary>True when a file exists at module URL <paramref name="url"/> under the web root.</summary>
    public bool FileExists(string url) => ToFullPath(url) is { } path && File.Exists(path);

    public static string Extension(string url) => Path.GetExtension(url).ToLowerInvariant();
}
