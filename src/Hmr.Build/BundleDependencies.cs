using System.Diagnostics;
using Hmr.Bundler;
using Hmr.Bundler.Prebundling;
using Hmr.Core.Artifact;
using Microsoft.Build.Framework;

namespace Hmr.Build;

/// <summary>Pre-bundles the npm packages the app imports by bare name (docs/dependencies.md). Thin on purpose: the
/// specifiers come from the module graph the analysis wrote (Hmr.Bundler's <see cref="DependencyDiscovery"/>, shared with the development server), the work is
/// <see cref="DependencyOptimizer"/>; this class maps parameters in and diagnostics out. Problems are warnings unless
/// <see cref="TreatWarningsAsErrors"/> is set.</summary>
public sealed class BundleDependencies : WebRootTask
{
    /// <summary>The project file: where problems with <c>HmrOptimizeDeps</c> items are reported.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>Where the bundles and <c>deps-manifest.json</c> go (<c>obj/…/hmr/deps/</c>).</summary>
    [Required] public string OutputDirectory { get; set; } = "";

    /// <summary>The URL folder the bundles are served from.</summary>
    public string UrlBase { get; set; } = "/_deps/";

    /// <summary><c>HmrOptimizeDeps</c> items: specifiers to bundle; with <c>Exclude="true"</c>, packages to leave out.</summary>
    public ITaskItem[] OptimizeDeps { get; set; } = [];

    /// <summary>The full path of the manifest written (or found up to date).</summary>
    [Output] public string ManifestFile { get; private set; } = "";

    public override bool Execute()
    {
        var clock = Stopwatch.StartNew();
        var graphFile = Path.GetFullPath(Path.Combine(ProjectDirectory, GraphFile));
        if (!ModuleGraphSerializer.TryRead(graphFile, out var graph, out var problem))
        {
            Log.LogWarning(null, GraphDiagnosticCodes.DependencyBundlingFailed, null, graphFile, 0, 0, 0, 0,
                "Hmr: dependencies not bundled: the module graph cannot be read: {0}", problem);
            return !Log.HasLoggedErrors;
        }
        try
        {
            var discovery = new DependencyDiscovery(ProjectDirectory, WebRoot, ImportMap);
            var (local, remote) = discovery.Entries();
            var includes = OptimizeDeps.Where(i => !IsExclude(i)).Select(i => i.ItemSpec).Where(s => !discovery.IsMapped(s)).ToList();
            var result = DependencyOptimizer.Optimize(new DependencyOptimizerRequest
            {
                ProjectDirectory = ProjectDirectory,
                OutputDirectory = Path.GetFullPath(Path.Combine(ProjectDirectory, OutputDirectory)),
                UrlBase = UrlBase,
                Uses = discovery.Uses(graph!),
                Includes = includes,
                Excludes = [.. OptimizeDeps.Where(IsExclude).Select(i => i.ItemSpec)],
                LocalImportMap = local,
                RemoteImportMapKeys = remote,
            });
            ManifestFile = result.ManifestPath;
            foreach (var diagnostic in result.Diagnostics)
            {
                Report(diagnostic);
            }
            foreach (var use in result.ExcludedUses)
            {
                Report(new BundleDiagnostic(GraphDiagnosticCodes.BareSpecifierUnmapped,
                    $"bare specifier \"{use.Specifier}\" is excluded from pre-bundling (HmrOptimizeDeps Exclude=\"true\") and not mapped by the import map",
                    use.ImporterFile, use.Line, use.Column));
            }
            var manifest = result.Manifest;
            Log.LogMessage(MessageImportance.Normal, result.UpToDate
                ? "Hmr: {0} dependencies up to date, no bundling ({1} failed) in {3} ms"
                : "Hmr: {0} dependencies bundled into {2} files ({1} failed) in {3} ms",
                manifest.Imports.Count, manifest.Failed.Count, manifest.Files.Count, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug here must not cost the user a build: the pages then fail on the bare imports, as without bundling.
            Log.LogWarning(null, GraphDiagnosticCodes.DependencyBundlingFailed, null, null, 0, 0, 0, 0, "Hmr: dependency bundling failed: {0}", e.ToString());
        }
        return !Log.HasLoggedErrors;
    }

    private static bool IsExclude(ITaskItem item) => string.Equals(item.GetMetadata("Exclude"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A problem with no file (an <c>HmrOptimizeDeps</c> include) is reported at the project file.</summary>
    private void Report(BundleDiagnostic diagnostic) =>
        ReportProblem(diagnostic.Code, diagnostic.File.Length == 0 ? ProjectFile : diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Message);
}
