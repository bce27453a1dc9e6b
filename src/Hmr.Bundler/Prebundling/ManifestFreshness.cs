using Hmr.Core.Artifact;
using System.Text.Json;

namespace Hmr.Bundler.Prebundling;

/// <summary>Whether an existing manifest still describes the bundles the inputs would give: the same inputs hash, every
/// file it lists present, and every package it lists still at the version it had (packages reached only through
/// other packages, such as <c>scheduler</c> under <c>react-dom</c>, are not known before bundling, so the inputs hash
/// cannot cover them; their versions are checked here instead), and every package's files the bundles read unchanged
/// (<see cref="PackageFileStamp"/>: a local patch bundles again). A manifest that records a failure of the bundler
/// itself (<see cref="BundleCodes.InternalError"/>, e.g. its parser could not be loaded) is never current: that failure
/// says nothing about the inputs, so the next build tries again.</summary>
internal static class ManifestFreshness
{
    public static bool IsCurrent(DependencyManifest manifest, string inputsHash, string outputDirectory, string projectDirectory) =>
        manifest.InputsHash == inputsHash
        && !manifest.Failed.Any(f => f.Diagnostics.Any(d => d.Code == BundleCodes.InternalError))
        && manifest.Files.All(f => File.Exists(Path.Join(outputDirectory, f.File)))
        && manifest.Packages.All(p => IsUnchanged(p, Path.GetFullPath(p.Root, projectDirectory)));

    private static bool IsUnchanged(ManifestPackage package, string root) =>
        VersionAt(root) is { } found && found.Version == package.Version && PackageFileStamp.Compute(root, package.Files) == package.FilesStamp;

    /// <summary>The <c>version</c> in the folder's <c>package.json</c> (wrapped: a file with no version, or no file,
    /// gives a record holding null), or null when the file cannot be read as JSON.</summary>
    private static VersionRecord? VersionAt(string packageRoot)
    {
        var path = Path.Join(packageRoot, "package.json");
        try
        {
            if (!File.Exists(path))
            {
                return new VersionRecord(null);
            }
            var bytes = File.ReadAllBytes(path);
            // A byte order mark is accepted, as Node accepts it (docs/dependency-resolution.md).
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            using var document = JsonDocument.Parse(bytes.AsMemory(start));
            return new VersionRecord(document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString() : null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record VersionRecord(string? Version);
}
