using Hmr.Core.Artifact;

namespace Hmr.Bundler.Prebundling;

/// <summary>The one entry point the development server calls, through a delegate, after loading this assembly at run
/// time (docs/runtime.md, "New dependencies while running"): the app never references the bundler or the parser. Plain
/// parameters and Hmr.Core types only, since the server shares Hmr.Core with this assembly and nothing else. It does
/// what the build's BundleDependencies task does, from the web root as it is on disk now, so the manifest and bundles
/// it writes are those the next build would write (and that build finds them up to date).</summary>
public static class DevServerBundling
{
    /// <summary>Analyses the web root, selects its bare imports and runs <see cref="DependencyOptimizer"/> into
    /// <paramref name="outputDirectory"/>.</summary>
    /// <param name="projectDirectory">The project folder.</param>
    /// <param name="webRoot">The web root, full or relative to the project.</param>
    /// <param name="importMapFile">The <c>HmrImportMap</c> file, or null.</param>
    /// <param name="outputDirectory">The bundles folder (<c>obj/…/hmr/deps/</c>), where <c>deps-manifest.json</c> goes.</param>
    /// <param name="optimizeDeps"><c>HmrOptimizeDeps</c> items as the build passed them: <c>specifier</c> or
    /// <c>specifier|true</c> (excluded), separated by <c>;</c>.</param>
    /// <returns>The manifest's full path, whether anything was bundled, and the problems at their files.</returns>
    public static (string ManifestPath, bool Bundled, IReadOnlyList<FileDiagnostic> Problems) Bundle(
        string projectDirectory, string webRoot, string? importMapFile, string outputDirectory, string? optimizeDeps)
    {
        var graph = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(projectDirectory, webRoot)
        {
            ImportMapFile = string.IsNullOrWhiteSpace(importMapFile) ? null : importMapFile,
        }).Document;
        var discovery = new DependencyDiscovery(projectDirectory, webRoot, importMapFile);
        var (local, remote) = discovery.Entries();
        var items = (optimizeDeps ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Split('|'))
            .Select(parts => (Specifier: parts[0], Exclude: parts.Length > 1 && string.Equals(parts[1], "true", StringComparison.OrdinalIgnoreCase)))
            .Where(item => item.Specifier.Length > 0)
            .ToList();
        var result = DependencyOptimizer.Optimize(new DependencyOptimizerRequest
        {
            ProjectDirectory = projectDirectory,
            OutputDirectory = Path.GetFullPath(outputDirectory, projectDirectory),
            Uses = discovery.Uses(graph),
            Includes = [.. items.Where(i => !i.Exclude).Select(i => i.Specifier).Where(s => !discovery.IsMapped(s))],
            Excludes = [.. items.Where(i => i.Exclude).Select(i => i.Specifier)],
            LocalImportMap = local,
            RemoteImportMapKeys = remote,
        });
        var problems = result.Diagnostics
            .Select(d => new FileDiagnostic(d.File, new DiagnosticRecord(d.Code, GraphDiagnosticCodes.Warning, d.Message, d.Line, d.Column)))
            .ToList();
        return (result.ManifestPath, !result.UpToDate, problems);
    }
}
