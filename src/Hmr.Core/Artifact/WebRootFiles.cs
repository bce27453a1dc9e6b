using Hmr.Core.Resolution;

namespace Hmr.Core.Artifact;

/// <summary>A file of the web root as the builder sees it.</summary>
/// <param name="Url">Its URL, e.g. <c>/js/app.js</c>.</param>
/// <param name="FullPath">Its absolute path.</param>
/// <param name="File">Its path relative to the project directory, with forward slashes (as recorded in the artifact).</param>
public sealed record WebRootFile(string Url, string FullPath, string File);

/// <summary>A diagnostic together with the file it is about (relative to the project, forward slashes).</summary>
public sealed record FileDiagnostic(string File, DiagnosticRecord Diagnostic);

/// <summary>Finding the files of a web root.</summary>
public static class WebRootFiles
{
    /// <summary>Every file under <paramref name="webRootPath"/>, sorted by URL.</summary>
    public static IReadOnlyList<WebRootFile> Enumerate(string webRootPath, string projectDirectory)
    {
        if (!Directory.Exists(webRootPath)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return FromPaths(Directory.EnumerateFiles(webRootPath, "*", options), webRootPath, projectDirectory);
    }

    /// <summary>Describes the given absolute paths of files under <paramref name="webRootPath"/>, sorted by URL
    /// whatever order they come in.</summary>
    public static IReadOnlyList<WebRootFile> FromPaths(IEnumerable<string> fullPaths, string webRootPath, string projectDirectory)
    {
        var files = fullPaths
            .Select(path => new WebRootFile(
                ModuleUrl.FromRelativePath(Path.GetRelativePath(webRootPath, path)),
                path,
                Path.GetRelativePath(projectDirectory, path).Replace('\\', '/')))
            .ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        return files;
    }

    /// <summary>True for a module file: <c>.js</c> or <c>.mjs</c>.</summary>
    public static bool IsModule(string path) =>
        path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an HTML page.</summary>
    public static bool IsPage(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
