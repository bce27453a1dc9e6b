using Hmr.Core.Artifact;

namespace Hmr.Bundler.Prebundling;

/// <summary>Turns failures into diagnostics. A failed specifier is stored once in the manifest: first why it failed
/// (at the app's import), then the problems in the package's files. When reported, the "why" is repeated at every
/// current import of it, so an up-to-date run reports the failures at today's lines, not those of the run that
/// bundled.</summary>
internal static class FailureReport
{
    public static List<BundleDiagnostic> Report(IReadOnlyList<ManifestFailure> failed, IReadOnlyList<SelectedDependency> selected)
    {
        var usesBySpecifier = selected.ToDictionary(s => s.Specifier, s => s.Uses, StringComparer.Ordinal);
        var diagnostics = new List<BundleDiagnostic>();
        foreach (var failure in failed)
        {
            if (failure.Diagnostics.Count == 0)
            {
                continue;
            }
            var why = failure.Diagnostics[0];
            var uses = usesBySpecifier.GetValueOrDefault(failure.Specifier) ?? [];
            if (uses.Count == 0)
            {
                diagnostics.Add(new BundleDiagnostic(why.Code, why.Message, "", 0, 0));
            }
            diagnostics.AddRange(uses.Select(use => new BundleDiagnostic(why.Code, why.Message, use.ImporterFile, use.Line, use.Column)));
            diagnostics.AddRange(failure.Diagnostics.Skip(1).Select(d => new BundleDiagnostic(d.Code, d.Message, d.File, d.Line, d.Column)));
        }
        return [.. diagnostics.Distinct()];
    }

    /// <summary>The stored form: files relative to the project.</summary>
    public static ManifestDiagnostic Stored(BundleDiagnostic diagnostic, string projectDirectory) =>
        new(diagnostic.Code, diagnostic.Message, ProjectPaths.Relative(projectDirectory, diagnostic.File), diagnostic.Line, diagnostic.Column);

    /// <summary>Why an entry did not bundle, said at the app's import: the first problem in the package's files.</summary>
    public static BundleDiagnostic NotBundled(SelectedDependency dependency, IReadOnlyList<BundleDiagnostic> packageProblems, string projectDirectory)
    {
        var first = packageProblems.FirstOrDefault(d => d.Code != BundleCodes.EntryFailed) ?? packageProblems.FirstOrDefault();
        var cause = "the bundler gave no reason";
        if (first is not null)
        {
            var at = Stored(first, projectDirectory);
            cause = at.Line > 0 ? $"{at.File}({at.Line},{at.Column}): {at.Code}: {at.Message}" : $"{at.File}: {at.Code}: {at.Message}";
        }
        return AtFirstUse(dependency, BundleCodes.EntryFailed, $"'{dependency.Specifier}' is not bundled: {cause}");
    }

    public static BundleDiagnostic AtFirstUse(SelectedDependency dependency, string code, string message) =>
        dependency.Uses.Count == 0
            ? new BundleDiagnostic(code, message, "", 0, 0)
            : new BundleDiagnostic(code, message, dependency.Uses[0].ImporterFile, dependency.Uses[0].Line, dependency.Uses[0].Column);
}
