using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace Hmr.Build;

/// <summary>What the Hmr tasks share: the project and its web root as the targets pass them, and how module and
/// dependency problems are logged (warnings with code, file, line and column; errors with
/// <see cref="TreatWarningsAsErrors"/>).</summary>
public abstract class WebRootTask : Task
{
    /// <summary>The project folder (<c>$(MSBuildProjectDirectory)</c>).</summary>
    [Required] public string ProjectDirectory { get; set; } = "";

    /// <summary>The web root, relative to the project (<c>$(HmrWebRoot)</c>, default <c>wwwroot</c>).</summary>
    [Required] public string WebRoot { get; set; } = "";

    /// <summary>The module graph artifact (<c>$(HmrGraphFile)</c>).</summary>
    [Required] public string GraphFile { get; set; } = "";

    /// <summary>A JSON import map file (<c>$(HmrImportMap)</c>), optional.</summary>
    public string? ImportMap { get; set; }

    /// <summary>Reports problems as errors (<c>$(HmrTreatWarningsAsErrors)</c>).</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Logs a problem at a file of the project (a path relative to it, or absolute) as a warning, or as an
    /// error when warnings are errors.</summary>
    protected void ReportProblem(string code, string file, int line, int column, string message)
    {
        var path = Path.GetFullPath(Path.Combine(ProjectDirectory, file));
        if (TreatWarningsAsErrors)
            Log.LogError(null, code, null, path, line, column, 0, 0, "{0}", "Hmr: " + message);
        else
            Log.LogWarning(null, code, null, path, line, column, 0, 0, "{0}", "Hmr: " + message);
    }
}
