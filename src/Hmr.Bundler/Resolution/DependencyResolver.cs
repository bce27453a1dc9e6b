namespace Hmr.Bundler.DependencyResolution;

/// <summary>Resolves the specifiers of dependency files as a browser bundler does, with no Node: relative paths with
/// extension and index probing, <c>#imports</c> of the importing package, and bare names through the import map, then
/// <c>node_modules</c>, then LibMan, and inside the package through <c>exports</c> or its entry fields.
/// docs/dependency-resolution.md is the contract. Thread-safe; it caches what it reads, so create one per bundling
/// run (a file added later is not seen by an existing resolver).</summary>
public sealed class DependencyResolver : IModuleResolver
{
    private readonly PackageFiles files;
    private readonly FileProbe probe;
    private readonly PackageLocator locator;
    private readonly ImportMapLookup importMap;
    private readonly PackageEntries entries;
    private readonly PackageOwnership ownership;

    public DependencyResolver(ResolverOptions options)
    {
        files = new PackageFiles(options.ProjectDirectory);
        probe = new FileProbe(files);
        locator = new PackageLocator(files);
        importMap = new ImportMapLookup(options);
        entries = new PackageEntries(files, probe);
        ownership = new PackageOwnership(files, () => locator.LibManPackageFolders().Concat(ImportMapPackageFolders(options)));
    }

    public Resolution Resolve(string specifier, string importerPath, ImportKind kind)
    {
        try
        {
            var importerDirectory = files.RealPaths.Resolve(Path.GetDirectoryName(Path.GetFullPath(importerPath))!);
            var file = ResolveFrom(specifier, importerDirectory, kind);
            return file is null ? Resolution.External() : Resolution.Found(file);
        }
        catch (ResolutionException e)
        {
            return Resolution.NotFound(e.Code, $"cannot resolve '{specifier}': {e.Message}");
        }
    }

    /// <summary>The package a file belongs to (see <see cref="PackageInfo"/>), or null for a file of no package.</summary>
    public PackageInfo? FindPackage(string filePath) => ownership.Find(filePath);

    /// <summary>The real path of the file, or null when it is external.</summary>
    private string? ResolveFrom(string specifier, string importerDirectory, ImportKind kind)
    {
        if (specifier.Length == 0)
        {
            throw new ResolutionException(ResolutionCodes.InvalidSpecifier, "the specifier is empty");
        }
        if (specifier is "." or ".." || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
        {
            return ResolveRelative(specifier, importerDirectory);
        }
        if (specifier.StartsWith('#'))
        {
            return ResolveImportsField(specifier, importerDirectory, kind);
        }
        if (specifier.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || specifier.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || specifier.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null; // a URL: the browser fetches it as written
        }
        if (specifier.StartsWith("node:", StringComparison.Ordinal))
        {
            throw new ResolutionException(ResolutionCodes.NodeBuiltin, "it is a Node built-in module, which browsers do not have");
        }
        if (specifier.StartsWith('/') || Path.IsPathRooted(specifier) || specifier.Contains(':'))
        {
            throw new ResolutionException(ResolutionCodes.InvalidSpecifier, "a dependency may import relative paths ('./x.js'), '#imports' and package names only");
        }
        return ResolveBare(specifier, importerDirectory, kind);
    }

    private string ResolveRelative(string specifier, string importerDirectory)
    {
        var path = Path.GetFullPath(Path.Join(importerDirectory, specifier));
        return probe.Find(path, folderOnly: specifier.EndsWith('/'), "no such file: ");
    }

    private string? ResolveImportsField(string specifier, string importerDirectory, ImportKind kind)
    {
        if (specifier == "#" || specifier.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new ResolutionException(ResolutionCodes.InvalidSpecifier, "'#' and '#/…' are not valid import names");
        }
        var scope = files.PackageScope(importerDirectory)
            ?? throw new ResolutionException(ResolutionCodes.ImportNotDefined, $"no package.json at or above '{files.Display(importerDirectory)}' to define it in \"imports\"");
        var outcome = entries.ResolveImport(scope, specifier, kind);
        return outcome.Kind == MapOutcomeKind.Bare ? ResolveBare(outcome.Value!, scope.Directory, kind) : outcome.Value;
    }

    private string? ResolveBare(string specifier, string fromDirectory, ImportKind kind)
    {
        var mapped = importMap.Match(specifier);
        if (mapped.Kind == ImportMapMatchKind.Remote)
        {
            return null;
        }
        if (mapped.Kind == ImportMapMatchKind.Local)
        {
            return ResolveMapped(mapped, kind);
        }
        var package = PackageSpecifier.Parse(specifier);
        if (files.PackageScope(fromDirectory) is { Exports: not null } self && self.Name == package.Name)
        {
            return entries.ResolveInPackage(self.Directory, package, kind); // a package importing itself by name
        }
        var lookedIn = new List<string> { $"the import map (no entry for '{specifier}')" };
        var folder = locator.InNodeModules(package.Name, fromDirectory, lookedIn) ?? locator.InLibMan(package.Name, lookedIn);
        if (folder is null)
        {
            var builtin = NodeBuiltins.IsBuiltin(specifier) ? " It is a Node built-in module, which browsers do not have." : "";
            throw new ResolutionException(builtin.Length > 0 ? ResolutionCodes.NodeBuiltin : ResolutionCodes.PackageNotFound,
                $"package '{package.Name}' not found. Looked in: {string.Join("; ", lookedIn)}.{builtin}");
        }
        return entries.ResolveInPackage(files.RealPaths.Resolve(folder), package, kind);
    }

    /// <summary>An import-map entry to a local file is that file; to a folder, the folder's package entry (or index).</summary>
    private string ResolveMapped(ImportMapMatch mapped, ImportKind kind)
    {
        var path = mapped.Path!;
        if (!PathComparison.IsInside(path, mapped.EntryPath!))
        {
            throw new ResolutionException(ResolutionCodes.InvalidSpecifier, $"it climbs out of the folder the import map maps '{mapped.Key}' to");
        }
        PackageSpecifier? entry = mapped.IsPrefix ? null : new PackageSpecifier(mapped.Key!, ".");
        if (File.Exists(path))
        {
            return files.RealPaths.Resolve(path);
        }
        if (Directory.Exists(path))
        {
            var folder = files.RealPaths.Resolve(path);
            if (entry is { } package && files.PackageJsonIn(folder) is not null)
            {
                return entries.ResolveInPackage(folder, package, kind);
            }
            if (probe.Folder(folder) is { } index)
            {
                return files.RealPaths.Resolve(index);
            }
        }
        throw new ResolutionException(ResolutionCodes.ImportMapTargetMissing,
            $"the import map maps '{mapped.Key}' to '{files.Display(path)}', where there is no file{(Directory.Exists(path) ? " (a folder without an entry: no package.json entry, no index.js)" : "")}");
    }

    private static IEnumerable<string> ImportMapPackageFolders(ResolverOptions options) =>
        options.LocalImportMap.Select(e => e.Path).Where(p => File.Exists(Path.Join(p, "package.json")));
}
