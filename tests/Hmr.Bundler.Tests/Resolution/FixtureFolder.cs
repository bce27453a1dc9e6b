using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>A project folder built in a temporary directory for one test: files, package.json files, symbolic links,
/// and a resolver over it. Resolved paths are given back relative to the folder, with '/'.</summary>
internal sealed class FixtureFolder : IDisposable
{
    public FixtureFolder()
    {
        Root = Directory.CreateTempSubdirectory("hmr-resolve-").FullName;
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>Writes a file (folders created as needed); JavaScript files default to an empty module.</summary>
    public FixtureFolder File(string relative, string content = "export {};\n")
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Writes <c>folder/package.json</c> and an empty module for each listed file of the package.</summary>
    public FixtureFolder Package(string folder, string packageJson, params string[] files)
    {
        File(Path.Combine(folder, "package.json"), packageJson);
        foreach (var file in files)
        {
            File(Path.Combine(folder, file));
        }
        return this;
    }

    /// <summary>A symbolic link at <paramref name="link"/> whose text is <paramref name="target"/> (relative to the link's folder, as pnpm writes them).</summary>
    public FixtureFolder Link(string link, string target)
    {
        var path = PathOf(link);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateSymbolicLink(path, target);
        return this;
    }

    public DependencyResolver Resolver(IReadOnlyList<LocalImportMapEntry>? localImportMap = null, IReadOnlyList<string>? remoteKeys = null) =>
        new(new ResolverOptions(Root) { LocalImportMap = localImportMap ?? [], RemoteImportMapKeys = remoteKeys ?? [] });

    /// <summary>Resolves and expects a file: returns its path relative to the fixture.</summary>
    public string Resolve(string specifier, string importer = "app.js", ImportKind kind = ImportKind.Static, DependencyResolver? resolver = null)
    {
        var resolution = (resolver ?? Resolver()).Resolve(specifier, PathOf(importer), kind);
        Assert.IsTrue(resolution.Succeeded, $"'{specifier}' from {importer} ({kind}) failed: {resolution.Code} {resolution.Failure}");
        return Relative(resolution.FilePath!);
    }

    /// <summary>Resolves and expects a failure with <paramref name="code"/>: returns the message.</summary>
    public string Fail(string specifier, string code, string importer = "app.js", ImportKind kind = ImportKind.Static, DependencyResolver? resolver = null)
    {
        var resolution = (resolver ?? Resolver()).Resolve(specifier, PathOf(importer), kind);
        Assert.IsFalse(resolution.Succeeded, $"'{specifier}' from {importer} should fail with {code} but resolved to {resolution.FilePath}");
        Assert.IsFalse(resolution.IsExternal, $"'{specifier}' should fail with {code} but is external");
        Assert.AreEqual(code, resolution.Code, resolution.Failure);
        Assert.IsFalse(string.IsNullOrEmpty(resolution.Failure));
        return resolution.Failure!;
    }

    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind does not change any result.
        }
    }
}
