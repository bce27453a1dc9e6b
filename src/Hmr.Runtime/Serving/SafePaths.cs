using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hmr.Runtime.Serving;

/// <summary>Maps request paths to files strictly inside the web root. Anything odd is refused rather than
/// normalized: encoded dots or slashes, double encoding, backslashes, NUL and control characters, empty, dot and
/// dot-file segments, and files whose real path (symbolic links resolved) leaves the web root.</summary>
internal static class SafePaths
{
    public enum FileLocation { Missing, Inside, Outside }

    /// <summary>Null when the request target is acceptable, otherwise why not.</summary>
    public static string? CheckRequestTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var pathPart = raw.Split('?', 2)[0];
        if (pathPart.Contains('\\') || pathPart.Contains('#')) return "backslash or '#' in the request target";
        // Encoded '.', '/', '\', '%' and control characters have no business in a module URL.
        for (var i = pathPart.IndexOf('%'); i >= 0; i = pathPart.IndexOf('%', i + 1))
        {
            if (i + 2 >= pathPart.Length) return "truncated percent-encoding";
            var hex = pathPart.Substring(i + 1, 2).ToLowerInvariant();
            if (hex is "2e" or "2f" or "5c" or "25" || hex[0] is '0' or '1' || hex == "7f") return $"encoded '%{hex}' in the request target";
        }
        return CheckPath(context.Request.Path.Value);
    }

    /// <summary>Checks a decoded URL path such as <c>/js/app.js</c>.</summary>
    public static string? CheckPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/') return "not an absolute path";
        if (path.Length > 2048) return "path too long";
        foreach (var c in path)
            if (c < 0x20 || c == 0x7f || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|') return "forbidden character in the path";
        foreach (var segment in path[1..].Split('/'))
        {
            if (segment.Length == 0) return "empty path segment";
            if (segment[0] == '.') return "dot segment or dot-file";
            if (segment.EndsWith('.') || segment.EndsWith(' ')) return "segment ending in '.' or space";
        }
        return null;
    }

    /// <summary>The file for a checked URL path, or null when it does not exist or is not really inside the web root.</summary>
    public static string? MapToFile(string webRootFullPath, string webRootRealPath, string urlPath) =>
        Locate(webRootFullPath, webRootRealPath, urlPath) is (FileLocation.Inside, var file) ? file : null;

    /// <summary>Where the file for a URL path is: inside the web root, missing, or (through a link or odd path) outside.</summary>
    public static (FileLocation Location, string? File) Locate(string webRootFullPath, string webRootRealPath, string urlPath)
    {
        if (CheckPath(urlPath) is not null) return (FileLocation.Outside, null);
        var candidate = Path.GetFullPath(Path.Combine(webRootFullPath, urlPath[1..].Replace('/', Path.DirectorySeparatorChar)));
        if (!IsInside(webRootFullPath, candidate)) return (FileLocation.Outside, null);
        if (!File.Exists(candidate) && !Directory.Exists(candidate)) return (FileLocation.Missing, null);
        var real = RealPath(candidate);
        return real is not null && IsInside(webRootRealPath, real) ? (FileLocation.Inside, candidate) : (FileLocation.Outside, null);
    }

    public static bool IsInside(string root, string path) =>
        path.Length > root.Length + 1
        && path.StartsWith(root, PathComparison)
        && (path[root.Length] == Path.DirectorySeparatorChar || path[root.Length] == Path.AltDirectorySeparatorChar);

    /// <summary>The path with every symbolic link along it resolved, or null when it cannot be resolved.</summary>
    public static string? RealPath(string fullPath) => RealPath(fullPath, 0);

    private static string? RealPath(string fullPath, int depth)
    {
        if (depth > 40) return null;
        try
        {
            var root = Path.GetPathRoot(fullPath) ?? "/";
            var current = root;
            var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
            {
                var next = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    // The target may itself sit behind links: resolve it whole.
                    if (RealPath(Path.GetFullPath(target, current), depth + 1) is not { } resolved) return null;
                    next = resolved;
                }
                current = next;
            }
            return current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
