using Hmr.Core.Artifact;
using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Prebundling;

/// <summary>Dependency pre-bundling for one project (Vite's dependency optimizer, at build time): selects the bare
/// specifiers to bundle, resolves them, and unless the inputs are those of the existing manifest, bundles them into
/// content-hashed ES module files and writes <c>deps-manifest.json</c> (docs/dependencies.md). A specifier that
/// cannot be resolved or bundled fails alone; every other one is bundled.</summary>
public static class DependencyOptimizer
{
    /// <summary>Bare entries are resolved as if imported by a module in the project folder (its name matters not:
    /// the lookup starts in its folder).</summary>
    private const string AppImporterName = "(app).js";

    public static DependencyOptimizerResult Optimize(DependencyOptimizerRequest request)
    {
        var project = Path.GetFullPath(request.ProjectDirectory);
        var output = Path.GetFullPath(request.OutputDirectory);
        var manifestPath = Path.Join(output, DependencyOptimizerRequest.ManifestFileName);
        var (selected, excludedUses) = DependencySelection.Select(request);
        var resolver = new DependencyResolver(new ResolverOptions(project)
        {
            LocalImportMap = request.LocalImportMap,
            RemoteImportMapKeys = request.RemoteImportMapKeys,
        });
        var appImporter = Path.Join(project, AppImporterName);
        var resolutions = selected.Select(d => (Dependency: d, Resolution: resolver.Resolve(d.Specifier, appImporter, ImportKind.Static))).ToList();
        var inputsHash = ComputeInputsHash(request, project, resolver, resolutions);

        if (DependencyManifestFile.TryRead(manifestPath) is { } existing && ManifestFreshness.IsCurrent(existing, inputsHash, output, project))
        {
            WriteSources(existing, output, project);
            return new DependencyOptimizerResult(existing, manifestPath, UpToDate: true,
                FailureReport.Report(existing.Failed, selected), excludedUses, 0, 0);
        }

        var failed = new List<ManifestFailure>();
        foreach (var (dependency, resolution) in resolutions.Where(r => !r.Resolution.Succeeded && !r.Resolution.IsExternal))
        {
            var why = FailureReport.AtFirstUse(dependency, resolution.Code ?? BundleCodes.Unresolved, resolution.Failure ?? $"cannot resolve '{dependency.Specifier}'");
            failed.Add(new ManifestFailure(dependency.Specifier, [FailureReport.Stored(why, project)]));
        }
        var toBundle = resolutions.Where(r => r.Resolution.Succeeded).ToList();
        var run = BundleRun.Run(toBundle.Select(r => (r.Dependency, r.Resolution.FilePath!)).ToList(), resolver, request.Mode, project);
        failed.AddRange(run.Failed);
        failed.Sort((a, b) => string.CompareOrdinal(a.Specifier, b.Specifier));

        var chunks = ContentHashedNames.Assign(run.Chunks);
        var manifest = new DependencyManifest(
            DependencyManifest.CurrentSchemaVersion,
            inputsHash,
            request.UrlBase,
            ManifestImports(chunks, request.UrlBase),
            [.. chunks.OrderBy(c => c.FileName, StringComparer.Ordinal).Select(c => new ManifestFile(
                c.FileName, request.UrlBase + c.FileName, KindName(c.Chunk.Kind), c.Chunk.EntryName, c.Hash))],
            run.Packages,
            failed);

        var written = chunks.Count(c => BundleFolder.WriteIfChanged(Path.Join(output, c.FileName), System.Text.Encoding.UTF8.GetBytes(c.Code)));
        BundleFolder.WriteIfChanged(manifestPath, DependencyManifestFile.Serialize(manifest));
        WriteSources(manifest, output, project);
        var deleted = BundleFolder.DeleteStale(output, chunks.Select(c => c.FileName).ToHashSet(StringComparer.Ordinal));
        var diagnostics = FailureReport.Report(failed, selected).Concat(run.Warnings).ToList();
        return new DependencyOptimizerResult(manifest, manifestPath, UpToDate: false, diagnostics, excludedUses, written, deleted);
    }

    private static void WriteSources(DependencyManifest manifest, string output, string project)
    {
        var lines = manifest.Packages.SelectMany(p => p.Files.Select(f => Path.GetFullPath(Path.Join(p.Root, f), project) + "\n"));
        BundleFolder.WriteIfChanged(Path.Join(output, DependencyOptimizerRequest.SourcesFileName), System.Text.Encoding.UTF8.GetBytes(string.Concat(lines)));
    }

    private static string ComputeInputsHash(DependencyOptimizerRequest request, string project, DependencyResolver resolver,
        List<(SelectedDependency Dependency, Resolution Resolution)> resolutions)
    {
        var hash = new InputsHash(project)
            .Add("mode", request.Mode)
            .Add("urlBase", request.UrlBase)
            .Add("excludes", string.Join(",", request.Excludes.Order(StringComparer.Ordinal)));
        foreach (var entry in request.LocalImportMap.OrderBy(e => e.Specifier, StringComparer.Ordinal))
        {
            hash.Add("map", entry.Specifier + " " + ProjectPaths.Relative(project, entry.Path));
        }
        hash.Add("remote", string.Join(",", request.RemoteImportMapKeys.Order(StringComparer.Ordinal)));
        var packageJsons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (dependency, resolution) in resolutions)
        {
            var outcome = resolution.IsExternal ? "external"
                : resolution.FilePath is { } file ? ProjectPaths.Relative(project, file)
                : $"failed {resolution.Code} {resolution.Failure}";
            hash.Add("specifier", dependency.Specifier + " " + outcome);
            if (resolution.FilePath is { } path && resolver.FindPackage(path)?.PackageJsonPath is { } packageJson)
            {
                packageJsons.Add(packageJson);
            }
        }
        foreach (var packageJson in packageJsons)
        {
            hash.AddFile("package.json", packageJson);
        }
        foreach (var lockFile in LockFiles.Find(project))
        {
            hash.AddFile("lock", lockFile);
        }
        return hash.Compute();
    }

    private static SortedDictionary<string, string> ManifestImports(IReadOnlyList<HashedChunk> chunks, string urlBase)
    {
        var imports = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in chunks.Where(c => c.Chunk.Kind == ChunkKind.Entry && c.Chunk.EntryName is not null))
        {
            imports[chunk.Chunk.EntryName!] = urlBase + chunk.FileName;
        }
        return imports;
    }

    private static string KindName(ChunkKind kind) => kind switch
    {
        ChunkKind.Entry => "entry",
        ChunkKind.Shared => "shared",
        _ => "lazy",
    };
}
