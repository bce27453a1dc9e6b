using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hmr.Core.Protocol;

/// <summary>The wire format of docs/hmr-semantics.md section 3: Vite-shaped JSON text frames, written and read by the
/// source-generated <see cref="ProtocolJsonContext"/>. Reading returns null for anything malformed (a bad frame must
/// never break the socket loop).</summary>
public static class HmrMessageJson
{
    private static readonly JsonSerializerOptions Options = new(ProtocolJsonContext.Default.Options)
    {
        // Frames go to a WebSocket, never into HTML: keep code frames and paths readable (no \u003E for '>').
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ProtocolJsonContext.Default.WithAddedModifier(ModuleUpdateOptionalFields),
    };

    private static readonly JsonTypeInfo<HmrMessage> ServerFrames = TypeInfo<HmrMessage>();
    private static readonly JsonTypeInfo<ClientFrame> ClientFrames = TypeInfo<ClientFrame>();
    private static readonly JsonTypeInfo<ClientInvalidate> InvalidateData = TypeInfo<ClientInvalidate>();

    private const string InvalidateEvent = "vite:invalidate";

    /// <summary>A server-to-client message as a JSON text frame.</summary>
    public static string Serialize(HmrMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, ServerFrames);
    }

    /// <summary>A client-to-server message as JSON (what the browser client sends; used by tests and tools).</summary>
    public static string Serialize(ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var frame = message switch
        {
            ClientPing => new ClientFrame("ping"),
            ClientInvalidate invalidate => new ClientFrame("custom", InvalidateEvent, JsonSerializer.SerializeToElement(invalidate, InvalidateData)),
            ClientCustomEvent custom => new ClientFrame("custom", custom.Event, custom.Data),
            _ => throw new ArgumentException($"unknown client message {message.GetType().Name}", nameof(message)),
        };
        return JsonSerializer.Serialize(frame, ClientFrames);
    }

    /// <summary>Parses a frame from a browser; null when it is not valid JSON or not a known message shape.</summary>
    public static ClientMessage? ParseClientMessage(string json) => TryDeserialize(json, ClientFrames) switch
    {
        { Type: "ping" } => new ClientPing(),
        { Type: "custom", Event: InvalidateEvent, Data: { } data } => TryDeserialize(data, InvalidateData),
        { Type: "custom", Event: InvalidateEvent } => null,
        { Type: "custom", Event: { } name, Data: var data } => new ClientCustomEvent(name, data),
        _ => null,
    };

    /// <summary>Parses a server frame (the browser client's view; used by tests and tools); null when malformed.</summary>
    public static HmrMessage? ParseServerMessage(string json) => TryDeserialize(json, ServerFrames);

    // What attributes cannot say: Vite's update entries have no "preload" at all, ours carry it only when there is
    // something to preload, and "firstInvalidatedBy" is absent when null; a frame without either reads as none
    // (ModuleUpdate.Preload is never null).
    private static void ModuleUpdateOptionalFields(JsonTypeInfo type)
    {
        if (type.Type != typeof(ModuleUpdate)) return;
        foreach (var property in type.Properties)
        {
            if (property.Name is "firstInvalidatedBy" or "preload") property.IsRequired = false;
            if (property.Name is "preload") property.ShouldSerialize = (_, value) => value is IReadOnlyList<string> { Count: > 0 };
        }
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static T? TryDeserialize<T>(string json, JsonTypeInfo<T> type) where T : class
    {
        try { return JsonSerializer.Deserialize(json, type); }
        catch (Exception e) when (e is JsonException or NotSupportedException) { return null; }
    }

    private static T? TryDeserialize<T>(JsonElement json, JsonTypeInfo<T> type) where T : class
    {
        try { return json.Deserialize(type); }
        catch (Exception e) when (e is JsonException or NotSupportedException) { return null; }
    }
}
