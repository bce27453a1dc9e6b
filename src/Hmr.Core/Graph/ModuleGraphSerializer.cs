using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hmr.Core.Graph;

/// <summary>Writes and reads the module graph artifact (docs/module-graph.md). Output is deterministic: modules and
/// roots sorted by URL, fixed property order, no timestamps, "\n" newlines, two-space indentation, so the same graph
/// always gives the same bytes and an unchanged build leaves the file untouched.</summary>
public static partial class ModuleGraphSerializer
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
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", document.SchemaVersion);
            if (document.Analyzer is not null)
                json.WriteString("analyzer", document.Analyzer);
            json.WriteString("webRoot", document.WebRoot);
            if (document.ImportMapHash is not null)
                json.WriteString("importMapHash", document.ImportMapHash);
            json.WriteStartArray("roots");
            foreach (var root in document.Roots.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                json.WriteStringValue(root);
            json.WriteEndArray();
            json.WriteStartArray("modules");
            foreach (var module in document.Modules.OrderBy(m => m.Url, StringComparer.Ordinal))
                WriteModule(json, module);
            json.WriteEndArray();
            json.WriteEndObject();
        }
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

    private static void WriteModule(Utf8JsonWriter json, ModuleRecord module)
    {
        json.WriteStartObject();
        json.WriteString("url", module.Url);
        json.WriteString("file", module.File);
        json.WriteString("hash", module.Hash);
        json.WriteNumber("size", module.Size);
        json.WriteStartArray("imports");
        foreach (var import in module.Imports)
        {
            json.WriteStartObject();
            json.WriteString("specifier", import.Specifier);
            json.WriteString("url", import.Url);
            json.WriteString("kind", import.Kind);
            json.WriteNumber("line", import.Line);
            json.WriteNumber("column", import.Column);
            WriteStrings(json, "names", import.Names);
            json.WriteBoolean("external", import.External);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "exports", module.Exports);
        json.WriteStartObject("hot");
        json.WriteBoolean("usesHot", module.Hot.UsesHot);
        json.WriteBoolean("acceptsSelf", module.Hot.AcceptsSelf);
        WriteStrings(json, "acceptedDeps", module.Hot.AcceptedDeps);
        WriteStrings(json, "acceptedExports", module.Hot.AcceptedExports);
        json.WriteEndObject();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in module.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", diagnostic.Severity);
            json.WriteString("message", diagnostic.Message);
            json.WriteNumber("line", diagnostic.Line);
            json.WriteNumber("column", diagnostic.Column);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
