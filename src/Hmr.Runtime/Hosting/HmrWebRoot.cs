using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Hosting;

/// <summary>The web root and artifact the runtime uses: options first, then what the build passed through
/// <c>AppContext</c> (<c>Hmr.WebRoot</c>, <c>Hmr.ModuleGraphFile</c>), then the host's web root.</summary>
internal sealed class HmrWebRoot
{
    public HmrWebRoot(IOptions<HmrOptions> options, IWebHostEnvironment environment)
    {
        var configured = options.Value.WebRoot ?? AppContext.GetData("Hmr.WebRoot") as string ?? environment.WebRootPath
            ?? Path.Combine(environment.ContentRootPath, "wwwroot");
        FullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured, environment.ContentRootPath));
        RealPath = Serving.SafePaths.RealPath(FullPath) ?? FullPath;
        var relative = Path.GetRelativePath(environment.ContentRootPath, FullPath).Replace('\\', '/');
        Name = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(FullPath) : relative;
        ProjectDirectory = AppContext.GetData("Hmr.ProjectDirectory") as string is { Length: > 0 } project ? project : environment.ContentRootPath;
        var graph = options.Value.GraphFile ?? AppContext.GetData("Hmr.ModuleGraphFile") as string;
        GraphFile = string.IsNullOrEmpty(graph) ? null : Path.GetFullPath(graph, environment.ContentRootPath);
    }

    /// <summary>Absolute web root, without a trailing separator.</summary>
    public string FullPath { get; }

    /// <summary>The web root with symbolic links resolved.</summary>
    public string RealPath { get; }

    public string? GraphFile { get; }

    /// <summary>The web root relative to the content root, as the build names it in the artifact.</summary>
    public string Name { get; }

    /// <summary>The project folder the build's diagnostics name files relative to (<c>Hmr.ProjectDirectory</c>, else the
    /// content root).</summary>
    public string ProjectDirectory { get; }

    /// <summary>The web-root URL of a file named relative to the project (<c>wwwroot/js/app.js</c> is <c>/js/app.js</c>),
    /// or null outside the web root (a package file).</summary>
    public string? UrlOfProjectFile(string file)
    {
        if (file.Length == 0) return null;
        var relative = Path.GetRelativePath(FullPath, Path.GetFullPath(file, ProjectDirectory));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return "/" + relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
