using Hmr.Core.Engine;

namespace Hmr.Core.Graph;

/// <summary>Lets the live engine analyse changed files exactly as the build did (import maps, HTML pages, the same
/// diagnostics): plug it in as <see cref="HmrEngineOptions.Analyzer"/>. Records name their file as
/// <c>webRootName + url</c>, as the build does for a web root directly under the project.</summary>
public sealed class EngineModuleAnalyzer : IModuleAnalyzer
{
    private readonly string webRootName;

    /// <param name="analyzer">The configured analyzer, e.g. <see cref="ModuleAnalyzer.ForWebRoot"/>.</param>
    /// <param name="webRootName">The web root folder as recorded in the artifact (<c>wwwroot</c>).</param>
    public EngineModuleAnalyzer(ModuleAnalyzer analyzer, string webRootName = "wwwroot")
    {
        Analyzer = analyzer;
        this.webRootName = webRootName.Replace('\\', '/').TrimEnd('/');
    }

    /// <summary>An engine analyzer for the web root folder <paramref name="webRootPath"/> (its pages' import maps, and
    /// <paramref name="importMapFile"/> when given).</summary>
    public static EngineModuleAnalyzer ForWebRoot(string webRootPath, string webRootName = "wwwroot", string? importMapFile = null) =>
        new(ModuleAnalyzer.ForWebRoot(webRootPath, importMapFile), webRootName);

    /// <summary>The analyzer doing the work.</summary>
    public ModuleAnalyzer Analyzer { get; }

    public ModuleRecord Analyze(string url, string fullPath, string content) => Analyzer.Analyze(url, webRootName + url, content);
}
