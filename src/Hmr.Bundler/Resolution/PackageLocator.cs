namespace Hmr.Bundler.DependencyResolution;

/// <summary>Finds the folder of a package by name, after the import map: the <c>node_modules</c> folders of the
/// importer's (real) folder and of every folder above it, nearest first (npm, yarn classic, and pnpm, whose
/// dependencies are siblings of the real package folder); then the project's <c>libman.json</c> destinations.
/// Each step adds to <c>lookedIn</c> what it tried, for the message when nothing is found.</summary>
internal sealed class PackageLocator(PackageFiles files)
{
    private readonly Lazy<LibManManifest> libMan = new(() => LibManManifest.Load(files));

    public string? InNodeModules(string name, string startDirectory, List<string> lookedIn)
    {
        for (var dir = startDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir).Equals("node_modules", PathComparison.Comparison))
            {
                continue; // node_modules/node_modules is never a package folder
            }
            var nodeModules = Path.Join(dir, "node_modules");
            var candidate = Path.Join(nodeModules, name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            if (RealPaths.IsLink(candidate))
            {
                // A link that leads to no folder: a loop is an error (HMR109); a dangling link is noted and skipped.
                var target = files.RealPaths.Resolve(candidate);
                lookedIn.Add($"{files.Display(nodeModules)} ('{name}' is a link to '{target}', which does not exist)");
                continue;
            }
            lookedIn.Add(files.Display(nodeModules));
        }
        return null;
    }

    public string? InLibMan(string name, List<string> lookedIn)
    {
        var manifest = libMan.Value;
        if (manifest.FilePath is null)
        {
            lookedIn.Add("libman.json (none in the project folder)");
            return null;
        }
        var libraries = manifest.Libraries.Where(l => l.Name == name).ToList();
        if (libraries.Count == 0)
        {
            lookedIn.Add($"{files.Display(manifest.FilePath)} (no library '{name}')");
        }
        foreach (var library in libraries)
        {
            if (File.Exists(Path.Join(library.Destination, "package.json")))
            {
                return library.Destination;
            }
            lookedIn.Add($"{files.Display(library.Destination)} (libman.json's '{library.Library}', without a package.json)");
        }
        return null;
    }

    /// <summary>The folders libman.json restores packages into (those with a <c>package.json</c>), for package lookup.</summary>
    public IEnumerable<string> LibManPackageFolders()
    {
        LibManManifest manifest;
        try
        {
            manifest = libMan.Value;
        }
        catch (ResolutionException)
        {
            yield break; // reported at the imports that need libman.json; ownership falls back to package.json names
        }
        foreach (var library in manifest.Libraries)
        {
            if (File.Exists(Path.Join(library.Destination, "package.json")))
            {
                yield return library.Destination;
            }
        }
    }
}
