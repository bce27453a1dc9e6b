namespace Hmr.Runtime.Tests;

/// <summary>The real Hmr.Bundler this test project's build produced (referenced without its assembly, as the app never
/// references it), for tests of what the server loads at run time.</summary>
internal static class BuiltBundler
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hmr.Build.sln"))) return dir.FullName;
        throw new InvalidOperationException("no Hmr.Build.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>Hmr.Bundler.dll in the configuration the tests run in.</summary>
    public static string AssemblyPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryRoot, "src", "Hmr.Bundler", "bin", configuration, "net10.0", "Hmr.Bundler.dll");
        }
    }
}
