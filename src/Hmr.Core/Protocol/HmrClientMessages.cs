using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hmr.Core.Protocol;

/// <summary>A message a browser sends to the server (docs/hmr-semantics.md section 3).</summary>
public abstract record ClientMessage;

/// <summary><c>{"type":"ping"}</c>: a keep-alive.</summary>
public sealed record ClientPing : ClientMessage;

/// <summary><c>{"type":"custom","event":"vite:invalidate","data":{"path","message","firstInvalidatedBy"}}</c>; this record
/// is the <c>data</c> object, whose optional fields are absent when null.</summary>
public sealed record ClientInvalidate(
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstInvalidatedBy = null) : ClientMessage;

/// <summary>Any other <c>{"type":"custom","event":…,"data":…}</c> sent with <c>import.meta.hot.send</c>.</summary>
public sealed record ClientCustomEvent(string Event, JsonElement? Data) : ClientMessage;

/// <summary>The envelope of every client frame. Not polymorphic on <c>type</c> alone: a <c>custom</c> frame is an
/// invalidation or an application event depending on its <c>event</c>.</summary>
internal sealed record ClientFrame(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Event = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data = null);
