using System.Text.Json;

namespace Hmr.Core.Graph;

// Reading walks the bytes once with Utf8JsonReader (no DOM): a warm build reads a multi-megabyte artifact before it
// can skip anything, so this path is worth keeping lean. Unknown properties are skipped, so a newer writer that only
// adds fields stays readable.
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
            var json = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            document = ReadDocument(ref json, out problem);
            return document is not null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            problem = $"the graph is corrupt: {e.Message}";
            return false;
        }
    }

    private static ModuleGraphDocument? ReadDocument(ref Utf8JsonReader json, out string? problem)
    {
        Read(ref json);
        if (json.TokenType != JsonTokenType.StartObject)
        {
            problem = "the graph is not a JSON object";
            return null;
        }
        int? version = null;
        string? webRoot = null, importMapHash = null, analyzer = null;
        List<string>? roots = null;
        List<ModuleRecord>? modules = null;
        while (NextProperty(ref json) is { } name)
        {
            switch (name)
            {
                case "schemaVersion":
                    version = json.TokenType == JsonTokenType.Number ? json.GetInt32() : throw new FormatException("schemaVersion is not a number");
                    if (version != ModuleGraphDocument.CurrentSchemaVersion)
                    {
                        problem = $"the graph has schema version {version}, this reader knows {ModuleGraphDocument.CurrentSchemaVersion}";
                        return null;
                    }
                    break;
                case "analyzer": analyzer = NullableString(ref json); break;
                case "webRoot": webRoot = String(ref json); break;
                case "importMapHash": importMapHash = NullableString(ref json); break;
                case "roots": roots = Strings(ref json) ?? throw new FormatException("roots is null"); break;
                case "modules": modules = Modules(ref json); break;
                default: json.Skip(); break;
            }
        }
        if (version is null)
        {
            problem = "the graph has no schemaVersion";
            return null;
        }
        problem = null;
        return new ModuleGraphDocument(version.Value, webRoot ?? Missing<string>("webRoot"), roots ?? Missing<List<string>>("roots"),
            modules ?? Missing<List<ModuleRecord>>("modules")) { ImportMapHash = importMapHash, Analyzer = analyzer };
    }

    private static List<ModuleRecord> Modules(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartArray);
        var modules = new List<ModuleRecord>();
        while (Read(ref json) != JsonTokenType.EndArray)
            modules.Add(Module(ref json));
        return modules;
    }

    private static ModuleRecord Module(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartObject);
        string? url = null, file = null, hash = null;
        long? size = null;
        List<ResolvedImport>? imports = null;
        List<string>? exports = null;
        HotRecord? hot = null;
        List<DiagnosticRecord>? diagnostics = null;
        while (NextProperty(ref json) is { } name)
        {
            switch (name)
            {
                case "url": url = String(ref json); break;
                case "file": file = String(ref json); break;
                case "hash": hash = String(ref json); break;
                case "size": size = json.GetInt64(); break;
                case "imports": imports = List(ref json, Import); break;
                case "exports": exports = Strings(ref json); break;
                case "hot": hot = Hot(ref json); break;
                case "diagnostics": diagnostics = List(ref json, Diagnostic); break;
                default: json.Skip(); break;
            }
        }
        return new ModuleRecord(url ?? Missing<string>("url"), file ?? Missing<string>("file"), hash ?? Missing<string>("hash"),
            size ?? Missing<long>("size"), imports ?? Missing<List<ResolvedImport>>("imports"), exports ?? [],
            hot ?? Missing<HotRecord>("hot"), diagnostics ?? Missing<List<DiagnosticRecord>>("diagnostics"));
    }

    private static ResolvedImport Import(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartObject);
        string? specifier = null, url = null, kind = null;
        int? line = null, column = null;
        List<string>? names = null;
        var external = false;
        while (NextProperty(ref json) is { } name)
        {
            switch (name)
            {
                case "specifier": specifier = NullableString(ref json); break;
                case "url": url = NullableString(ref json); break;
                case "kind": kind = String(ref json); break;
                case "line": line = json.GetInt32(); break;
                case "column": column = json.GetInt32(); break;
                case "names": names = Strings(ref json); break;
                case "external": external = json.GetBoolean(); break;
                default: json.Skip(); break;
            }
        }
        return new ResolvedImport(specifier, url, kind ?? Missing<string>("kind"), line ?? Missing<int>("line"),
            column ?? Missing<int>("column"), names, external);
    }

    private static HotRecord Hot(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartObject);
        bool? usesHot = null, acceptsSelf = null;
        List<string>? deps = null, acceptedExports = null;
        while (NextProperty(ref json) is { } name)
        {
            switch (name)
            {
                case "usesHot": usesHot = json.GetBoolean(); break;
                case "acceptsSelf": acceptsSelf = json.GetBoolean(); break;
                case "acceptedDeps": deps = Strings(ref json); break;
                case "acceptedExports": acceptedExports = Strings(ref json); break;
                default: json.Skip(); break;
            }
        }
        return new HotRecord(usesHot ?? Missing<bool>("usesHot"), acceptsSelf ?? Missing<bool>("acceptsSelf"), deps ?? [], acceptedExports);
    }

    private static DiagnosticRecord Diagnostic(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.StartObject);
        string? code = null, severity = null, message = null;
        int? line = null, column = null;
        while (NextProperty(ref json) is { } name)
        {
            switch (name)
            {
                case "code": code = String(ref json); break;
                case "severity": severity = String(ref json); break;
                case "message": message = String(ref json); break;
                case "line": line = json.GetInt32(); break;
                case "column": column = json.GetInt32(); break;
                default: json.Skip(); break;
            }
        }
        return new DiagnosticRecord(code ?? Missing<string>("code"), severity ?? Missing<string>("severity"),
            message ?? Missing<string>("message"), line ?? Missing<int>("line"), column ?? Missing<int>("column"));
    }

    private delegate T ItemReader<out T>(ref Utf8JsonReader json);

    private static List<T> List<T>(ref Utf8JsonReader json, ItemReader<T> item)
    {
        Expect(ref json, JsonTokenType.StartArray);
        var items = new List<T>();
        while (Read(ref json) != JsonTokenType.EndArray)
            items.Add(item(ref json));
        return items;
    }

    /// <summary>A list of strings, or null for a JSON null.</summary>
    private static List<string>? Strings(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Null) return null;
        Expect(ref json, JsonTokenType.StartArray);
        var items = new List<string>();
        while (Read(ref json) != JsonTokenType.EndArray)
            items.Add(String(ref json));
        return items;
    }

    /// <summary>Moves to the next property's value and returns its name, or null at the end of the object.</summary>
    private static string? NextProperty(ref Utf8JsonReader json)
    {
        if (Read(ref json) == JsonTokenType.EndObject) return null;
        var name = json.GetString()!;
        Read(ref json);
        return name;
    }

    private static string String(ref Utf8JsonReader json) =>
        json.TokenType == JsonTokenType.String ? json.GetString()! : throw new FormatException($"expected a string, found {json.TokenType}");

    private static string? NullableString(ref Utf8JsonReader json) => json.TokenType == JsonTokenType.Null ? null : String(ref json);

    private static JsonTokenType Read(ref Utf8JsonReader json) =>
        json.Read() ? json.TokenType : throw new FormatException("the graph ends early (truncated)");

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (json.TokenType != type) throw new FormatException($"expected {type}, found {json.TokenType}");
    }

    private static T Missing<T>(string name) => throw new FormatException($"missing \"{name}\"");
}
