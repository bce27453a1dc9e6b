using Hmr.Core.Analysis;
using Hmr.Core.Artifact;

namespace Hmr.Core.Engine;

/// <summary>Turns one module file into the per-module record the engine keeps: imports resolved to web-root URLs,
/// export names and <c>import.meta.hot</c> facts. Injected so the engine does not depend on how resolution is done
/// (the build task and the live engine share one implementation).</summary>
public interface IModuleAnalyzer
{
    /// <summary>Analyses <paramref name="content"/> of the module at <paramref name="url"/>, whose file content has the
    /// engine's <paramref name="hash"/> and <paramref name="size"/> in bytes (they go into the record as they are). A
    /// syntax error is reported as a diagnostic of severity <c>error</c>, never thrown.</summary>
    AnalysedModule Analyze(string url, string fullPath, string content, string hash, long size);

    /// <summary>Whether a record made earlier from the same content still holds (its imports would resolve the same
    /// way now: files were added or deleted since the build). Used on a warm start for records whose hash matches.</summary>
    bool IsStillValid(ModuleRecord record) => true;

    /// <summary>Reads the import maps again (a page or the import map file changed). True when the map in force is
    /// now a different one: records made before may resolve differently.</summary>
    bool ReloadImportMap() => false;
}

/// <summary>Reads the build artifact. Throws (any exception) when the file is corrupt or truncated; the engine
/// turns that into <see cref="WarmStartReport.ArtifactProblem"/> and builds the graph from the files.</summary>
public interface IArtifactReader
{
    ModuleGraphDocument Read(Stream artifact);
}
