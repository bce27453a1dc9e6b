namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>Real npm packages for a test project: the ones tests/Hmr.Bundler.Tests/packages pins (installed by
/// test.sh with npm ci), linked into the project as its node_modules, with their lock file beside it, as a project
/// whose developer ran npm install has them.</summary>
public static class NpmPackages
{
    private static string Folder => Path.Combine(RepoPackage.RepoRoot, "tests", "Hmr.Bundler.Tests", "packages");

    public static void LinkInto(string projectDirectory)
    {
        var installed = Path.Combine(Folder, "node_modules");
        if (!Directory.Exists(installed))
            throw new InvalidOperationException($"{installed} is missing: run ./test.sh (it runs npm ci there), or npm ci in {Folder}");
        Directory.CreateSymbolicLink(Path.Combine(projectDirectory, "node_modules"), installed);
        foreach (var file in new[] { "package.json", "package-lock.json" })
            File.Copy(Path.Combine(Folder, file), Path.Combine(projectDirectory, file), overwrite: true);
    }
}
