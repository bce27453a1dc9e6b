using System.Diagnostics;
using Hmr.Core.Artifact;
using Microsoft.Build.Framework;

namespace Hmr.Build;

/// <summary>Analyses the web root's ES modules and writes the module graph artifact. Thin on purpose: the work is
/// <see cref="ModuleGraphBuilder"/>; this class maps parameters in and diagnostics out. Module problems never fail
/// the build (they are warnings) unless <see cref="TreatWarningsAsErrors"/> is set.</summary>
public sealed class AnalyzeModules : WebRootTask
{
    /// <summary>Dependency pre-bundling is on (<c>$(HmrPrebundle)</c>): bare specifiers no import map maps are then
    /// not HMR020 here; <see cref="BundleDependencies"/> bundles them and reports the ones that fail.</summary>
    public bool Prebundle { get; set; }

    /// <summary>Modules in the graph.</summary>
    [Output] public int ModuleCount { get; private set; }

    /// <summary>Modules lexed this time (the rest came from the previous artifact).</summary>
    [Output] public int ReparsedCount { get; private set; }

    public override bool Execute()
    {
        var clock = Stopwatch.StartNew();
        var graphFile = Path.GetFullPath(Path.Combine(ProjectDirectory, GraphFile));
        ModuleGraphDocument? previous = null;
        if (File.Exists(graphFile) && !ModuleGraphSerializer.TryRead(graphFile, out previous, out var problem))
            Log.LogMessage(null, GraphDiagnosticCodes.PreviousGraphUnreadable, null, graphFile, 0, 0, 0, 0, MessageImportance.Low,
                "Hmr: analysing every module: {0}", problem);
        else if (previous is not null && !string.Equals(previous.Analyzer, AnalyzerVersion.Current, StringComparison.Ordinal))
            Log.LogMessage(null, GraphDiagnosticCodes.PreviousGraphUnreadable, null, graphFile, 0, 0, 0, 0, MessageImportance.Low,
                "Hmr: analysing every module: the previous graph was written by analyzer {0}, this is {1}",
                previous.Analyzer ?? "(not recorded)", AnalyzerVersion.Current);

        ModuleGraphBuildResult result;
        try
        {
            result = ModuleGraphBuilder.Build(
                new ModuleGraphBuildOptions(ProjectDirectory, WebRoot) { ImportMapFile = string.IsNullOrWhiteSpace(ImportMap) ? null : ImportMap },
                previous);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug here must not cost the user a build: the runtime analyses at startup anyway.
            Log.LogWarning(null, GraphDiagnosticCodes.AnalysisFailed, null, null, 0, 0, 0, 0, "Hmr: module analysis failed: {0}", e.ToString());
            return !Log.HasLoggedErrors;
        }

        if (!result.WebRootExists)
            Log.LogMessage(null, GraphDiagnosticCodes.WebRootMissing, null, null, 0, 0, 0, 0, MessageImportance.Low,
                "Hmr: no web root folder '{0}'; writing an empty module graph", WebRoot);

        var reached = ModuleReach.FromPages(result.Document);
        foreach (var (file, diagnostic) in result.PageDiagnostics.Where(d => !BundledInstead(d.Diagnostic))) Report(file, diagnostic);
        foreach (var module in result.Document.Modules)
            foreach (var diagnostic in module.Diagnostics.Where(d => !BundledInstead(d)))
            {
                if (reached.Includes(module.Url)) Report(module.File, diagnostic);
                else ReportQuietly(module.File, diagnostic);
            }

        try
        {
            ModuleGraphSerializer.WriteIfChanged(result.Document, graphFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, GraphDiagnosticCodes.GraphWriteFailed, null, graphFile, 0, 0, 0, 0, "Hmr: cannot write the module graph: {0}", e.Message);
        }

        ModuleCount = result.Document.Modules.Count;
        ReparsedCount = result.ReparsedCount;
        Log.LogMessage(MessageImportance.Normal, "Hmr: {0} modules, {1} imports, {2} bytes analysed in {3} ms ({4} re-parsed)",
            ModuleCount, result.ImportCount, result.ByteCount, clock.ElapsedMilliseconds, ReparsedCount);
        return !Log.HasLoggedErrors;
    }

    /// <summary>With pre-bundling, an unmapped bare import is the bundler's to resolve, and to report if it fails.</summary>
    private bool BundledInstead(DiagnosticRecord diagnostic) => Prebundle && diagnostic.Code == GraphDiagnosticCodes.BareSpecifierUnmapped;

    /// <summary>A module no page loads (a vendor copy, a library's unused build): what the user cannot act on stays out
    /// of the warnings, and is still there with <c>-v:n</c> and in the graph (docs/diagnostics.md).</summary>
    private void ReportQuietly(string file, DiagnosticRecord diagnostic) =>
        Log.LogMessage(null, diagnostic.Code, null, Path.Combine(ProjectDirectory, file), diagnostic.Line, diagnostic.Column, 0, 0,
            MessageImportance.Normal, "{0}", $"Hmr: {diagnostic.Message} (no page loads this module)");

    private void Report(string file, DiagnosticRecord diagnostic)
    {
        if (diagnostic.Severity == GraphDiagnosticCodes.Info)
            Log.LogMessage(null, diagnostic.Code, null, Path.Combine(ProjectDirectory, file), diagnostic.Line, diagnostic.Column, 0, 0,
                MessageImportance.Low, "{0}", "Hmr: " + diagnostic.Message);
        else
            ReportProblem(diagnostic.Code, file, diagnostic.Line, diagnostic.Column, diagnostic.Message);
    }
}
