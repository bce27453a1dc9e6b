using System.Text.Json;

namespace Hmr.Core.Protocol;

// The wire protocol of hmr-semantics.md section 3 as plain records. Serialization to JSON lives in
// HmrMessageJson so the engine, the runtime and the tests agree on one shape.

/// <summary>A message the server sends to browsers.</summary>
public abstract record HmrMessage;

/// <summary><c>{"type":"connected"}</c>, sent on every connection.</summary>
public sealed record ConnectedMessage : HmrMessage;

/// <summary><c>{"type":"update","updates":[…]}</c>; every entry carries the payload's one timestamp.</summary>
public sealed record UpdateMessage(IReadOnlyList<ModuleUpdate> Updates) : HmrMessage;

/// <summary>Kind of one update entry.</summary>
public enum UpdateType { JsUpdate, CssUpdate }

/// <summary>One boundary to re-import. <paramref name="Preload"/> lists the stamped module URLs
/// (<c>/a.js?t=N</c>) between the change and the boundary, so the client can fetch them in one parallel round.</summary>
public sealed record ModuleUpdate(
    UpdateType Type,
    long Timestamp,
    string Path,
    string AcceptedPath,
    bool IsWithinCircularImport,
    string? FirstInvalidatedBy,
    IReadOnlyList<string> Preload);

/// <summary><c>{"type":"full-reload"}</c>: <paramref name="Path"/> is <c>"*"</c>, a page path such as <c>/index.html</c>, or null.</summary>
public sealed record FullReloadMessage(string? Path, string? TriggeredBy) : HmrMessage;

/// <summary><c>{"type":"prune","paths":[…]}</c>: modules the page no longer imports.</summary>
public sealed record PruneMessage(IReadOnlyList<string> Paths) : HmrMessage;

/// <summary><c>{"type":"error","err":{…}}</c>: shown as an overlay until the next good update.</summary>
public sealed record ErrorMessage(HmrError Err) : HmrMessage;

/// <summary>The error payload: message, the module id, a code frame and a location.</summary>
public sealed record HmrError(string Message, string? Stack, string Id, string? Frame, ErrorLocation? Loc);

/// <summary>A file (web root URL), 1-based line and column.</summary>
public sealed record ErrorLocation(string File, int Line, int Column);

/// <summary><c>{"type":"custom","event":"…","data":…}</c> either way.</summary>
public sealed record CustomMessage(string Event, JsonElement? Data) : HmrMessage;
