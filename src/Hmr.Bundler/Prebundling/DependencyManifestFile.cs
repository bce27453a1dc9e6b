using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hmr.Bundler.Prebundling;

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
            if (!File.Exists(path))
            {
                return null;
            }
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), Context.DependencyManifest);
            return manifest is { SchemaVersion: DependencyManifest.CurrentSchemaVersion, InputsHash: not null, Imports: not null, Files: not null, Packages: not null, Failed: not null }
                ? manifest
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
