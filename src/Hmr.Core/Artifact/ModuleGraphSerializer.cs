using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hmr.Core.Artifact;

/// <summary>Writes and reads the module graph artifact (docs/module-graph.md) with the source-generated
/// <see cref="ArtifactJsonContext"/>. Output is deterministic: modules and roots sorted by URL, fixed property order
/// (ModuleGraphDocument.cs), no timestamps, "\n" newlines, two-space indentation, so the same graph always gives the
/// same bytes and an unchanged build leaves the file untouched.</summary>
public static class ModuleGraphSerializer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The artifact is a file, not HTML: keep non-ASCII and '<', '&' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The artifact's bytes (UTF-8, no byte order mark, ending with a newline).</summary>
    public static byte[] Serialize(ModuleGraphDocument document)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the artifact to a stream.</summary>
    public static void Write(ModuleGraphDocument document, Stream stream)
    {
        var sorted = document with
        {
            Roots = [.. document.Roots.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Modules = [.. document.Modules.OrderBy(m => m.Url, StringComparer.Ordinal)],
        };
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
            JsonSerializer.Serialize(json, sorted, ArtifactJsonContext.Default.ModuleGraphDocument);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the artifact to <paramref name="path"/> unless the file already holds exactly these bytes
    /// (so its timestamp and any watcher stay quiet). Writes through a temporary file so a reader never sees half a graph.</summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(ModuleGraphDocument document, string path)
    {
        var bytes = Serialize(document);
        if (File.Exists(path))
        {
            try
            {
                if (File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return false;
            }
            catch (IOException)
            {
                // Unreadable: rewrite it.
            }
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>Reads an artifact. Never throws: a missing, unreadable, corrupt or truncated file, or one of another
    /// schema version, gives false and a <paramref name="problem"/> saying why (callers then start from scratch).</summary>
    public static bool TryRead(string path, out ModuleGraphDocument? document, out string? problem)
    {
        document = null;
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                problem = $"{path} does not exist";
                return false;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e)
        {
            problem = $"cannot read {path}: {e.Message}";
            return false;
        }
        return TryParse(bytes, out document, out problem);
    }

    /// <summary>Parses an artifact's bytes; never throws (see <see cref="TryRead"/>). Unknown properties are skipped,
    /// so a newer writer that only adds fields stays readable.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ModuleGraphDocument? document, out string? problem)
    {
        document = null;
        try
        {
            var read = JsonSerializer.Deserialize(utf8, ArtifactJsonContext.Default.ModuleGraphDocument);
            problem = read is null ? "the graph is null" : SchemaProblem(read.SchemaVersion) ?? NullItemProblem(read);
            if (problem is null) document = read;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // Another schema may well have another shape: name its version rather than the first part that did not fit.
            problem = SchemaProblem(SchemaVersionOf(utf8)) ?? $"the graph is corrupt: {e.Message}";
        }
        return document is not null;
    }

    private static string? SchemaProblem(int? version) => version is { } v && v != ModuleGraphDocument.CurrentSchemaVersion
        ? $"the graph has schema version {v}, this reader knows {ModuleGraphDocument.CurrentSchemaVersion}"
        : null;

    private static int? SchemaVersionOf(ReadOnlySpan<byte> utf8)
    {
        try { return JsonSerializer.Deserialize(utf8, ArtifactJsonContext.Default.ArtifactHeader)?.SchemaVersion; }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException) { return null; }
    }

    // The generated reader enforces the nullability of properties, not of list items: a [null] in a hand-edited file
    // would otherwise reach the engine.
    private static string? NullItemProblem(ModuleGraphDocument document)
    {
        if (document.Roots.Contains(null!)) return "the graph has a null root";
        foreach (var module in document.Modules)
        {
            if (module is null) return "the graph has a null module";
            if (module.Exports.Contains(null!) || module.Hot.AcceptedDeps.Contains(null!) || module.Hot.AcceptedExports?.Contains(null!) == true
                || module.Diagnostics.Contains(null!) || module.Imports.Any(i => i is null || i.Names?.Contains(null!) == true))
                return $"module {module.Url} has a null item in a list";
        }
        return null;
    }
}

/// <summary>Only the version, to say why an artifact of another schema did not read.</summary>
internal sealed record ArtifactHeader(int? SchemaVersion = null);

/// <summary>The artifact's JSON contract, generated at compile time from the records in ModuleGraphDocument.cs. A
/// constructor parameter without a default value is required and a non-nullable one must not be null; comments are
/// skipped. Layout (indentation, newlines, escaping) is <see cref="ModuleGraphSerializer"/>'s writer's.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ModuleGraphDocument))]
[JsonSerializable(typeof(ArtifactHeader))]
internal sealed partial class ArtifactJsonContext : JsonSerializerContext;
