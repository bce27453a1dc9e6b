using System.IO.Compression;

namespace Hmr.Build.Tests;

/// <summary>Packs the repository once per test run into a temporary feed (the package under test). The test apps
/// restore into a package folder of this run's own (<see cref="NugetPackages"/>), so that a Hmr.Build cached by an
/// earlier run is never used.</summary>
[TestClass]
public static class PackageFeed
{
    public static string Root { get; private set; } = "";
    public static string Feed => Path.Combine(Root, "feed");
    public static string NugetPackages => Path.Combine(Root, "packages");
    public static string PackageFile { get; private set; } = "";
    public static string Version { get; private set; } = "";
    public static string PackOutput { get; private set; } = "";

    private static readonly Lock Gate = new();

    /// <summary>Packs on first use, so that running only the in-process tests costs no pack.</summary>
    public static void EnsurePacked()
    {
        lock (Gate)
        {
            if (PackageFile.Length == 0) Pack();
        }
    }

    private static void Pack()
    {
        Root = Directory.CreateTempSubdirectory("hmr-build-e2e-").FullName;
        // The repository restores from the usual package folder; only the test apps get a private one.
        var result = DotnetCli.Run(DotnetCli.RepositoryRoot(), null, TimeSpan.FromMinutes(8),
            "pack", Path.Combine(DotnetCli.RepositoryRoot(), "Hmr.Build.sln"), "-c", "Release", "-o", Feed);
        PackOutput = result.Output;
        if (result.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack failed:\n" + result.Output);
        var packages = Directory.GetFiles(Feed, "*.nupkg");
        PackageFile = packages.Length == 1 ? packages[0] : throw new InvalidOperationException("expected one package, got: " + string.Join(", ", packages));
        Version = Path.GetFileNameWithoutExtension(PackageFile)["Hmr.Build.".Length..];
    }

    [AssemblyCleanup]
    public static void Cleanup()
    {
        if (Root.Length == 0) return;
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static IReadOnlyList<string> Entries()
    {
        using var zip = ZipFile.OpenRead(PackageFile);
        return zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
    }

    public static string ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(PackageFile);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public static byte[] ReadBytes(string name)
    {
        using var zip = ZipFile.OpenRead(PackageFile);
        using var entry = zip.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        entry.CopyTo(bytes);
        return bytes.ToArray();
    }
}
