using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hmr.Core.Artifact;

/// <summary>Reads and writes <c>deps-manifest.json</c>. The bytes depend only on the manifest: fixed property order,
/// entries sorted by the optimizer, <c>\n</c> newlines, UTF-8 without a byte order mark, a final newline.</summary>
public static class DependencyManifestFile
{
    // The manifest is a file, not HTML: keep quotes, '<' and non-ASCII characters in messages readable.
    private static readonly DependencyManifestJsonContext Context = new(
        new JsonSerializerOptions(DependencyManifestJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static byte[] Serialize(DependencyManifest manifest)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, Context.DependencyManifest);
        return [.. json, (byte)'\n'];
    }

    /// <summary>The manifest at <paramref name="path"/>, or null when there is none, it is not valid, or it has
    /// another schema version (a reader refuses any other).</summary>
    public static DependencyManifest? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads a manifest; throws <see cref="InvalidDataException"/> saying what is wrong with it (not JSON,
    /// another schema version, a member missing).</summary>
    public static DependencyManifest Parse(ReadOnlySpan<byte> json)
    {
        DependencyManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, Context.DependencyManifest);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new InvalidDataException($"not a valid manifest: {e.Message}", e);
        }
        if (manifest is null) throw new InvalidDataException("the manifest is null");
        if (manifest.SchemaVersion != DependencyManifest.CurrentSchemaVersion)
            throw new InvalidDataException($"schemaVersion {manifest.SchemaVersion}, expected {DependencyManifest.CurrentSchemaVersion}");
        if (manifest is not { InputsHash: not null, UrlBase: not null, Imports: not null, Files: not null, Packages: not null, Failed: not null })
            throw new InvalidDataException("a member of the manifest is missing");
        if (manifest.Packages.Any(p => p is not { Name: not null, Root: not null, Files: not null, FilesStamp: not null }))
            throw new InvalidDataException("a member of a package is missing");
        return manifest;
    }
}
