using System.Collections.Concurrent;

namespace Hmr.Bundler.DependencyResolution;

/// <summary>The file system as resolution sees it: real paths, parsed <c>package.json</c> files (cached, failures
/// included, so a broken file is reported the same way at every import of it), and paths shown relative to the project.</summary>
internal sealed class PackageFiles
{
    private readonly ConcurrentDictionary<string, Lazy<PackageJsonLookup>> packageJsonIn = new(PathComparison.Comparer);

    public PackageFiles(string projectDirectory)
    {
        ProjectDirectory = projectDirectory;
        RealPaths = new RealPaths(Display);
    }

    public string ProjectDirectory { get; }

    public RealPaths RealPaths { get; }

    /// <summary>The <c>package.json</c> directly in <paramref name="directory"/>, or null when there is none.
    /// Throws <see cref="ResolutionException"/> when it exists but cannot be read or parsed.</summary>
    public PackageJson? PackageJsonIn(string directory)
    {
        var lookup = packageJsonIn.GetOrAdd(directory, dir => new Lazy<PackageJsonLookup>(() => Load(dir))).Value;
        return lookup.Error is { } error ? throw new ResolutionException(error.Code, error.Message) : lookup.Json;
    }

    /// <summary>The nearest <c>package.json</c> at or above <paramref name="directory"/> that Node counts as the
    /// package scope: the walk stops at a <c>node_modules</c> folder, which belongs to no package.</summary>
    public PackageJson? PackageScope(string directory)
    {
        for (var dir = directory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir).Equals("node_modules", PathComparison.Comparison))
            {
                return null;
            }
            if (PackageJsonIn(dir) is { } json)
            {
                return json;
            }
        }
        return null;
    }

    /// <summary>A path as messages show it: relative to the project folder when inside it, otherwise absolute.</summary>
    public string Display(string path)
    {
        if (PathComparison.IsInside(path, ProjectDirectory) && !path.Equals(Path.TrimEndingDirectorySeparator(ProjectDirectory), PathComparison.Comparison))
        {
            return Path.GetRelativePath(ProjectDirectory, path).Replace('\\', '/');
        }
        return path;
    }

    private PackageJsonLookup Load(string directory)
    {
        var path = Path.Join(directory, "package.json");
        if (!File.Exists(path))
        {
            return new PackageJsonLookup(null, null);
        }
        try
        {
            return new PackageJsonLookup(PackageJson.Parse(path, PackageJson.ReadText(path, Display(path)), Display(path)), null);
        }
        catch (ResolutionException e)
        {
            return new PackageJsonLookup(null, e);
        }
    }

    private sealed record PackageJsonLookup(PackageJson? Json, ResolutionException? Error);
}
