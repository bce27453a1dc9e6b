using System.Text.Json;

namespace Hmr.Core.Protocol;

/// <summary>A message a browser sends to the server (hmr-semantics.md section 3).</summary>
public abstract record ClientMessage;

/// <summary><c>{"type":"ping"}</c>: a keep-alive.</summary>
public sealed record ClientPing : ClientMessage;

/// <summary><c>{"type":"custom","event":"vite:invalidate","data":{"path","message","firstInvalidatedBy"}}</c>.</summary>
public sealed record ClientInvalidate(string Path, string? Message, string? FirstInvalidatedBy) : ClientMessage;

/// <summary>Any other <c>{"type":"custom","event":…,"data":…}</c> sent with <c>import.meta.hot.send</c>.</summary>
public sealed record ClientCustomEvent(string Event, JsonElement? Data) : ClientMessage;
