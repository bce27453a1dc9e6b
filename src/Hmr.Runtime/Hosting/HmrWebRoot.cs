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
}
