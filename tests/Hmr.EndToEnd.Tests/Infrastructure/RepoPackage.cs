using System.Globalization;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>The repository packed once per test run into a temporary feed, under a version unique to the run
/// (0.1.0-e2e.&lt;stamp&gt;), so the normal NuGet cache is used for everything else yet never serves a stale Hmr.Build.</summary>
public static class RepoPackage
{
    public const string PackageId = "Hmr.Build";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Feed, string Version)? packed;

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Root of this run's temporary folders (feed, web projects); removed at assembly cleanup.</summary>
    public static string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "hmr-e2e-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);

    public static async Task<(string Feed, string Version)> EnsurePackedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (packed is { } done) return done;
            var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            var feed = Path.Combine(RunDirectory, "feed");
            Directory.CreateDirectory(feed);
            // Built into this run's own artifacts folder, never the tree's bin/ and obj/: other test projects build and
            // pack the same projects at the same time (dotnet test runs test assemblies in parallel).
            await ChildProcess.RunAsync(RepoRoot, TimeSpan.FromMinutes(8),
                "pack", Path.Combine(RepoRoot, "src", "Hmr.Build", "Hmr.Build.csproj"), "-c", "Release", "-o", feed,
                "-p:PackageVersion=" + version, "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + Path.Combine(RunDirectory, "pack-artifacts"),
                "-nodeReuse:false", "-p:UseSharedCompilation=false");
            var nupkg = Path.Combine(feed, $"{PackageId}.{version}.nupkg");
            if (!File.Exists(nupkg))
            {
                throw new InvalidOperationException($"dotnet pack did not produce {nupkg}; the feed holds: {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");
            }
            packed = (feed, version);
            return (feed, version);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Removes this run's package from the NuGet cache (each run adds a new version) and the run folder.</summary>
    public static void CleanUp()
    {
        if (packed is { } done)
        {
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            TryDelete(Path.Combine(cache, PackageId.ToLowerInvariant(), done.Version));
        }
        TryDelete(RunDirectory);
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hmr.Build.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Hmr.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
