namespace Hmr.Bundler.DependencyResolution;

/// <summary>Resolution inside a package once its folder is known: through <c>exports</c> when it has one (exact
/// targets, unexported sub-paths refused), otherwise through <c>module</c>, <c>browser</c>, <c>main</c> and
/// <c>index.js</c> for the package itself and through file probing for its sub-paths. Also the <c>imports</c> field.</summary>
internal sealed class PackageEntries(PackageFiles files, FileProbe probe)
{
    /// <summary>How many sub-paths a "not exported" message lists before it says how many more there are.</summary>
    private const int ListedSubpaths = 12;

    /// <summary>The real path of the file <paramref name="package"/>'s sub-path means in <paramref name="folder"/>.</summary>
    public string ResolveInPackage(string folder, PackageSpecifier package, ImportKind kind)
    {
        var json = files.PackageJsonIn(folder);
        if (json?.Exports is not null)
        {
            var map = new EntryPointMap(json, ImportConditions.For(kind), Describe(json, package.Name));
            var outcome = map.ResolveExport(package.Subpath);
            return outcome.Kind switch
            {
                MapOutcomeKind.Resolved => ExistingTarget(outcome.Value!, package.Subpath, json, package.Name),
                MapOutcomeKind.Invalid => throw new ResolutionException(outcome.Code!, $"{Describe(json, package.Name)}: \"exports\" for '{package.Subpath}': {outcome.Message}"),
                _ => throw NotExported(map, json, package, kind),
            };
        }
        if (package.Subpath == ".")
        {
            return MainEntry(folder, json, package.Name);
        }
        var path = Path.GetFullPath(Path.Join(folder, package.Subpath[2..]));
        if (!PathComparison.IsInside(path, folder))
        {
            throw new ResolutionException(ResolutionCodes.InvalidSpecifier, $"the sub-path '{package.Subpath}' climbs out of package '{json?.Name ?? package.Name}'");
        }
        return probe.Find(path, folderOnly: package.Subpath.EndsWith('/'),
            $"package '{json?.Name ?? package.Name}' has no \"exports\" and no file for '{package.Subpath}': ");
    }

    /// <summary>Resolves a <c>#name</c> through the <c>imports</c> of <paramref name="scope"/>: a file (its real path in
    /// <see cref="MapOutcome.Value"/>) or another package's specifier (<see cref="MapOutcomeKind.Bare"/>).</summary>
    public MapOutcome ResolveImport(PackageJson scope, string specifier, ImportKind kind)
    {
        var description = Describe(scope, scope.Name ?? Path.GetFileName(scope.Directory));
        if (scope.Imports is null)
        {
            throw new ResolutionException(ResolutionCodes.ImportNotDefined, $"{description} has no \"imports\" field");
        }
        var outcome = new EntryPointMap(scope, ImportConditions.For(kind), description).ResolveImport(specifier);
        return outcome.Kind switch
        {
            MapOutcomeKind.Resolved => outcome with { Value = ExistingTarget(outcome.Value!, specifier, scope, scope.Name ?? "") },
            MapOutcomeKind.Bare => outcome,
            MapOutcomeKind.Invalid => throw new ResolutionException(outcome.Code!, $"{description}: \"imports\" for '{specifier}': {outcome.Message}"),
            _ => throw new ResolutionException(ResolutionCodes.ImportNotDefined,
                $"{description} does not define it in \"imports\" for the conditions {Conditions(kind)}; defined: {List(scope.Imports.Value.EnumerateObject().Select(p => p.Name).ToList())}"),
        };
    }

    private string MainEntry(string folder, PackageJson? json, string name)
    {
        var tried = new List<string>();
        foreach (var (field, value) in json?.MainFields() ?? [])
        {
            if (probe.FileOrFolder(Path.GetFullPath(Path.Join(folder, value))) is { } entry)
            {
                return files.RealPaths.Resolve(entry);
            }
            tried.Add($"\"{field}\": \"{value}\"");
        }
        if (FileProbe.Index(folder) is { } index)
        {
            return files.RealPaths.Resolve(index);
        }
        tried.Add($"index{string.Join("/", FileProbe.Extensions)}");
        var where = json is null ? $"package folder '{files.Display(folder)}' (no package.json)" : Describe(json, name);
        throw new ResolutionException(ResolutionCodes.NoEntryPoint, $"{where} has no \"exports\" and no entry file: tried {string.Join(", ", tried)}");
    }

    private string ExistingTarget(string path, string subpath, PackageJson json, string name)
    {
        if (File.Exists(path))
        {
            return files.RealPaths.Resolve(path);
        }
        throw new ResolutionException(ResolutionCodes.TargetMissing,
            $"{Describe(json, name)} maps '{subpath}' to '{files.Display(path)}', which {(Directory.Exists(path) ? "is a folder, not a file" : "does not exist")}");
    }

    private ResolutionException NotExported(EntryPointMap map, PackageJson json, PackageSpecifier package, ImportKind kind) =>
        new(ResolutionCodes.NotExported,
            $"'{package.Subpath}' is not exported by {Describe(json, package.Name)} for the conditions {Conditions(kind)}; exported: {List(map.ExportedSubpaths())}");

    private string Describe(PackageJson json, string name) => $"package '{json.Name ?? name}' ({files.Display(json.FilePath)})";

    private static string Conditions(ImportKind kind) => string.Join(", ", ImportConditions.For(kind));

    private static string List(IReadOnlyList<string> subpaths) =>
        string.Join(", ", subpaths.Take(ListedSubpaths).Select(s => $"'{s}'"))
        + (subpaths.Count > ListedSubpaths ? $" and {subpaths.Count - ListedSubpaths} more" : "");
}
