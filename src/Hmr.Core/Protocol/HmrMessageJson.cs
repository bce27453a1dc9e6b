using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hmr.Core.Protocol;

/// <summary>The wire format of hmr-semantics.md section 3: Vite-shaped JSON text frames. Writing is hand-rolled with
/// <see cref="Utf8JsonWriter"/> so property names, order and omitted fields are exactly Vite's; reading is lenient
/// about extra properties and returns null for anything malformed (a bad frame must never break the socket loop).</summary>
public static class HmrMessageJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Frames go to a WebSocket, never into HTML: keep code frames and paths readable (no \u003E for '>').
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A server-to-client message as a JSON text frame.</summary>
    public static string Serialize(HmrMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(writer => WriteServerMessage(writer, message));
    }

    /// <summary>A client-to-server message as JSON (what the browser client sends; used by tests and tools).</summary>
    public static string Serialize(ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(writer =>
        {
            writer.WriteStartObject();
            switch (message)
            {
                case ClientPing:
                    writer.WriteString("type", "ping");
                    break;
                case ClientInvalidate invalidate:
                    writer.WriteString("type", "custom");
                    writer.WriteString("event", "vite:invalidate");
                    writer.WriteStartObject("data");
                    writer.WriteString("path", invalidate.Path);
                    if (invalidate.Message is not null) writer.WriteString("message", invalidate.Message);
                    if (invalidate.FirstInvalidatedBy is not null) writer.WriteString("firstInvalidatedBy", invalidate.FirstInvalidatedBy);
                    writer.WriteEndObject();
                    break;
                case ClientCustomEvent custom:
                    writer.WriteString("type", "custom");
                    writer.WriteString("event", custom.Event);
                    if (custom.Data is { } data) { writer.WritePropertyName("data"); data.WriteTo(writer); }
                    break;
                default:
                    throw new ArgumentException($"unknown client message {message.GetType().Name}", nameof(message));
            }
            writer.WriteEndObject();
        });
    }

    /// <summary>Parses a frame from a browser; null when it is not valid JSON or not a known message shape.</summary>
    public static ClientMessage? ParseClientMessage(string json)
    {
        using var document = TryParse(json);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root) return null;
        switch (GetString(root, "type"))
        {
            case "ping":
                return new ClientPing();
            case "custom":
                if (GetString(root, "event") is not { } name) return null;
                var data = root.TryGetProperty("data", out var d) ? d.Clone() : (JsonElement?)null;
                if (name != "vite:invalidate") return new ClientCustomEvent(name, data);
                if (data is not { ValueKind: JsonValueKind.Object } payload || GetString(payload, "path") is not { } path) return null;
                return new ClientInvalidate(path, GetString(payload, "message"), GetString(payload, "firstInvalidatedBy"));
            default:
                return null;
        }
    }

    /// <summary>Parses a server frame (the browser client's view; used by tests and tools); null when malformed.</summary>
    public static HmrMessage? ParseServerMessage(string json)
    {
        using var document = TryParse(json);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root) return null;
        try
        {
            return GetString(root, "type") switch
            {
                "connected" => new ConnectedMessage(),
                "update" => new UpdateMessage([.. root.GetProperty("updates").EnumerateArray().Select(ReadUpdate)]),
                "full-reload" => new FullReloadMessage(GetString(root, "path"), GetString(root, "triggeredBy")),
                "prune" => new PruneMessage([.. root.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!)]),
                "error" => new ErrorMessage(ReadError(root.GetProperty("err"))),
                "custom" => GetString(root, "event") is { } name
                    ? new CustomMessage(name, root.TryGetProperty("data", out var data) ? data.Clone() : null)
                    : null,
                _ => null,
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void WriteServerMessage(Utf8JsonWriter writer, HmrMessage message)
    {
        writer.WriteStartObject();
        switch (message)
        {
            case ConnectedMessage:
                writer.WriteString("type", "connected");
                break;
            case UpdateMessage update:
                writer.WriteString("type", "update");
                writer.WriteStartArray("updates");
                foreach (var entry in update.Updates) WriteUpdate(writer, entry);
                writer.WriteEndArray();
                break;
            case FullReloadMessage reload:
                writer.WriteString("type", "full-reload");
                if (reload.Path is not null) writer.WriteString("path", reload.Path);
                if (reload.TriggeredBy is not null) writer.WriteString("triggeredBy", reload.TriggeredBy);
                break;
            case PruneMessage prune:
                writer.WriteString("type", "prune");
                writer.WriteStartArray("paths");
                foreach (var path in prune.Paths) writer.WriteStringValue(path);
                writer.WriteEndArray();
                break;
            case ErrorMessage error:
                writer.WriteString("type", "error");
                WriteError(writer, error.Err);
                break;
            case CustomMessage custom:
                writer.WriteString("type", "custom");
                writer.WriteString("event", custom.Event);
                if (custom.Data is { } data) { writer.WritePropertyName("data"); data.WriteTo(writer); }
                break;
            default:
                throw new ArgumentException($"unknown message {message.GetType().Name}", nameof(message));
        }
        writer.WriteEndObject();
    }

    private static void WriteUpdate(Utf8JsonWriter writer, ModuleUpdate update)
    {
        writer.WriteStartObject();
        writer.WriteString("type", update.Type == UpdateType.CssUpdate ? "css-update" : "js-update");
        writer.WriteNumber("timestamp", update.Timestamp);
        writer.WriteString("path", update.Path);
        writer.WriteString("acceptedPath", update.AcceptedPath);
        writer.WriteBoolean("explicitImportRequired", false);
        writer.WriteBoolean("isWithinCircularImport", update.IsWithinCircularImport);
        if (update.FirstInvalidatedBy is not null) writer.WriteString("firstInvalidatedBy", update.FirstInvalidatedBy);
        // Beyond Vite: the stamped URLs the client can preload in one parallel round (absent when empty).
        if (update.Preload is { Count: > 0 } preload)
        {
            writer.WriteStartArray("preload");
            foreach (var url in preload) writer.WriteStringValue(url);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, HmrError error)
    {
        writer.WriteStartObject("err");
        writer.WriteString("message", error.Message);
        writer.WriteString("stack", error.Stack ?? "");
        writer.WriteString("id", error.Id);
        if (error.Frame is not null) writer.WriteString("frame", error.Frame);
        if (error.Loc is { } loc)
        {
            writer.WriteStartObject("loc");
            writer.WriteString("file", loc.File);
            writer.WriteNumber("line", loc.Line);
            writer.WriteNumber("column", loc.Column);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static ModuleUpdate ReadUpdate(JsonElement e) => new(
        GetString(e, "type") == "css-update" ? UpdateType.CssUpdate : UpdateType.JsUpdate,
        e.GetProperty("timestamp").GetInt64(),
        GetString(e, "path") ?? throw new FormatException("update without path"),
        GetString(e, "acceptedPath") ?? throw new FormatException("update without acceptedPath"),
        e.TryGetProperty("isWithinCircularImport", out var circular) && circular.ValueKind == JsonValueKind.True,
        GetString(e, "firstInvalidatedBy"),
        e.TryGetProperty("preload", out var preload) && preload.ValueKind == JsonValueKind.Array
            ? [.. preload.EnumerateArray().Select(p => p.GetString()!)]
            : []);

    private static HmrError ReadError(JsonElement e)
    {
        ErrorLocation? loc = null;
        if (e.TryGetProperty("loc", out var l) && l.ValueKind == JsonValueKind.Object)
            loc = new ErrorLocation(GetString(l, "file") ?? "", l.GetProperty("line").GetInt32(), l.GetProperty("column").GetInt32());
        return new HmrError(GetString(e, "message") ?? "", GetString(e, "stack"), GetString(e, "id") ?? "", GetString(e, "frame"), loc);
    }

    private static string? GetString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? TryParse(string json)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException) { return null; }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
