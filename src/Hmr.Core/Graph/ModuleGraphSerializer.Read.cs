using System.Text.Json;

namespace Hmr.Core.Graph;

public static partial class ModuleGraphSerializer
{
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

    /// <summary>Parses an artifact's bytes; never throws (see <see cref="TryRead"/>).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ModuleGraphDocument? document, out string? problem)
    {
        document = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the graph is not a JSON object";
                return false;
            }
            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                problem = "the graph has no schemaVersion";
                return false;
            }
            if (version.GetInt32() != ModuleGraphDocument.CurrentSchemaVersion)
            {
                problem = $"the graph has schema version {version.GetRawText()}, this reader knows {ModuleGraphDocument.CurrentSchemaVersion}";
                return false;
            }
            document = new ModuleGraphDocument(
                ModuleGraphDocument.CurrentSchemaVersion,
                RequiredString(root, "webRoot"),
                Strings(Required(root, "roots"))!,
                Required(root, "modules").EnumerateArray().Select(ReadModule).ToArray())
            {
                ImportMapHash = OptionalString(root, "importMapHash"),
            };
            problem = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            problem = $"the graph is corrupt: {e.Message}";
            document = null;
            return false;
        }
    }

    private static ModuleRecord ReadModule(JsonElement module)
    {
        var hot = Required(module, "hot");
        return new ModuleRecord(
            RequiredString(module, "url"),
            RequiredString(module, "file"),
            RequiredString(module, "hash"),
            Required(module, "size").GetInt64(),
            Required(module, "imports").EnumerateArray().Select(import => new ResolvedImport(
                OptionalString(import, "specifier"),
                OptionalString(import, "url"),
                RequiredString(import, "kind"),
                Required(import, "line").GetInt32(),
                Required(import, "column").GetInt32(),
                Strings(Required(import, "names")),
                import.TryGetProperty("external", out var external) && external.GetBoolean())).ToArray(),
            Strings(Required(module, "exports")) ?? [],
            new HotRecord(
                Required(hot, "usesHot").GetBoolean(),
                Required(hot, "acceptsSelf").GetBoolean(),
                Strings(Required(hot, "acceptedDeps")) ?? [],
                hot.TryGetProperty("acceptedExports", out var exports) ? Strings(exports) : null),
            Required(module, "diagnostics").EnumerateArray().Select(d => new DiagnosticRecord(
                RequiredString(d, "code"),
                RequiredString(d, "severity"),
                RequiredString(d, "message"),
                Required(d, "line").GetInt32(),
                Required(d, "column").GetInt32())).ToArray());
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new FormatException($"missing \"{name}\"");

    private static string RequiredString(JsonElement element, string name) =>
        Required(element, name).GetString() ?? throw new FormatException($"\"{name}\" is null");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static string[]? Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null
            ? null
            : element.EnumerateArray().Select(e => e.GetString() ?? throw new FormatException("null in a list of strings")).ToArray();
}
