using Hmr.Core.Artifact;
using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Prebundling;

/// <summary>The chunks of the entries that bundled, the failures of those that did not (with the problems in their
/// packages' files), the packages reached, and the warnings of the bundles that were made.</summary>
internal sealed record BundleRunResult(
    IReadOnlyList<BundleChunk> Chunks,
    IReadOnlyList<ManifestFailure> Failed,
    IReadOnlyList<ManifestPackage> Packages,
    IReadOnlyList<BundleDiagnostic> Warnings);

/// <summary>Bundles all resolved entries together, so that modules several entries need are shared (one React per
/// page). The bundler fails only the entries that reach a broken module; to say which problems belong to which failed
/// entry, each failed entry is bundled once more on its own (a cost paid only when something is broken).</summary>
internal static class BundleRun
{
    public static BundleRunResult Run(IReadOnlyList<(SelectedDependency Dependency, string File)> entries, DependencyResolver resolver,
        string mode, string projectDirectory)
    {
        if (entries.Count == 0)
        {
            return new BundleRunResult([], [], [], []);
        }
        var recorder = new RecordingResolver(resolver);
        var result = Bundler.Bundle(Request(entries, recorder, mode));
        var failed = new List<ManifestFailure>();
        foreach (var name in result.FailedEntries)
        {
            var entry = entries.Single(e => e.Dependency.Specifier == name);
            var alone = entries.Count == 1 ? result : Bundler.Bundle(Request([entry], resolver, mode));
            var problems = alone.Diagnostics.Where(d => !IsWarning(d) && d.Code != BundleCodes.EntryFailed).Distinct().ToList();
            var why = FailureReport.NotBundled(entry.Dependency, problems, projectDirectory);
            failed.Add(new ManifestFailure(name, [.. new[] { why }.Concat(problems).Select(d => FailureReport.Stored(d, projectDirectory))]));
        }
        var packages = recorder.FoundFiles.Concat(entries.Select(e => e.File)).Distinct(StringComparer.Ordinal)
            .Select(file => (File: file, Package: resolver.FindPackage(file))).Where(f => f.Package is not null)
            .GroupBy(f => f.Package!.RootDirectory, StringComparer.Ordinal)
            .Select(group => ManifestPackageOf(group.First().Package!, group.Select(f => f.File), projectDirectory))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Root, StringComparer.Ordinal)
            .ToList();
        var warnings = result.Diagnostics.Where(IsWarning).Distinct().ToList();
        return new BundleRunResult(result.Chunks, failed, packages, warnings);
    }

    /// <summary>The package with the files of it the bundles read, stamped as they are now (read just before).</summary>
    private static ManifestPackage ManifestPackageOf(PackageInfo package, IEnumerable<string> files, string projectDirectory)
    {
        var relative = files.Select(f => Path.GetRelativePath(package.RootDirectory, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        return new ManifestPackage(package.Name, package.Version, ProjectPaths.Relative(projectDirectory, package.RootDirectory),
            relative, PackageFileStamp.Compute(package.RootDirectory, relative));
    }

    private static BundleRequest Request(IEnumerable<(SelectedDependency Dependency, string File)> entries, IModuleResolver resolver, string mode) => new()
    {
        Entries = [.. entries.Select(e => new BundleEntry(e.Dependency.Specifier, e.File))],
        Resolver = resolver,
        Mode = mode,
    };

    /// <summary>The bundler's warnings: the bundle is made, and the code may still work (docs/bundling.md).</summary>
    private static bool IsWarning(BundleDiagnostic diagnostic) =>
        diagnostic.Code is BundleCodes.DynamicImportNotLiteral or BundleCodes.RequireNotLiteral;
}
