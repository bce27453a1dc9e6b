using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hmr.Core.Protocol;

// The wire protocol of docs/hmr-semantics.md section 3 as plain records. Their attributes are the JSON contract (Vite's
// shapes: "type" first, optional fields absent rather than null); HmrMessageJson serializes them with the
// source-generated ProtocolJsonContext, so the engine, the runtime and the tests agree on one shape.

/// <summary>A message the server sends to browsers.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ConnectedMessage), "connected")]
[JsonDerivedType(typeof(UpdateMessage), "update")]
[JsonDerivedType(typeof(FullReloadMessage), "full-reload")]
[JsonDerivedType(typeof(PruneMessage), "prune")]
[JsonDerivedType(typeof(ErrorMessage), "error")]
[JsonDerivedType(typeof(CustomMessage), "custom")]
public abstract record HmrMessage;

/// <summary><c>{"type":"connected"}</c>, sent on every connection. The runtime adds its instance id and the number of
/// messages broadcast so far (docs/runtime.md), so a reconnecting client can tell a restart or a lost message from a
/// network blip; both are absent when null.</summary>
public sealed record ConnectedMessage(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InstanceId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MessageCount = null) : HmrMessage;

/// <summary><c>{"type":"update","updates":[…]}</c>; every entry carries the payload's one timestamp.</summary>
public sealed record UpdateMessage(IReadOnlyList<ModuleUpdate> Updates) : HmrMessage;

/// <summary>Kind of one update entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateType>))]
public enum UpdateType
{
    [JsonStringEnumMemberName("js-update")] JsUpdate,
    [JsonStringEnumMemberName("css-update")] CssUpdate,
}

/// <summary>One boundary to re-import. <paramref name="Preload"/> lists the stamped module URLs
/// (<c>/a.js?t=N</c>) between the change and the boundary, so the client can fetch them in one parallel round; on the
/// wire it is absent when empty, and <paramref name="FirstInvalidatedBy"/> when null (HmrMessageJson says so: no attribute can).</summary>
public sealed record ModuleUpdate(
    [property: JsonPropertyOrder(0)] UpdateType Type,
    [property: JsonPropertyOrder(1)] long Timestamp,
    [property: JsonPropertyOrder(2)] string Path,
    [property: JsonPropertyOrder(3)] string AcceptedPath,
    [property: JsonPropertyOrder(5)] bool IsWithinCircularImport,
    [property: JsonPropertyOrder(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstInvalidatedBy,
    IReadOnlyList<string> Preload)
{
    /// <summary>Vite's field, always false: every module here is imported with its URL as is.</summary>
    [JsonPropertyOrder(4)]
    public bool ExplicitImportRequired => false;

    /// <summary>Never null: a frame read without <c>"preload"</c> has none.</summary>
    [JsonPropertyOrder(7)]
    public IReadOnlyList<string> Preload { get; init; } = Preload ?? [];
}

/// <summary><c>{"type":"full-reload"}</c>: <paramref name="Path"/> is <c>"*"</c>, a page path such as <c>/index.html</c>, or null.
/// <paramref name="Reason"/>, beyond Vite's payload (its clients ignore it), says why, for the console before the reload
/// (<c>/js/footer.js changed; no module accepts it: /js/footer.js &lt;- /js/main.js &lt;- the page</c>).</summary>
public sealed record FullReloadMessage(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TriggeredBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null) : HmrMessage;

/// <summary><c>{"type":"prune","paths":[…]}</c>: modules the page no longer imports.</summary>
public sealed record PruneMessage(IReadOnlyList<string> Paths) : HmrMessage;

/// <summary><c>{"type":"error","err":{…}}</c>: shown as an overlay until the next good update.</summary>
public sealed record ErrorMessage(HmrError Err) : HmrMessage
{
    /// <summary>Sent to one page as it connects, repeating a problem that stands (a dependency that failed to bundle),
    /// not broadcast: the page does not count it among the messages it must not miss (docs/runtime.md, "Reconnecting").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Replayed { get; init; }
}

/// <summary>The error payload: message, the module id, a code frame and a location.</summary>
public sealed record HmrError(
    [property: JsonPropertyOrder(0)] string Message,
    string? Stack,
    [property: JsonPropertyOrder(2)] string Id,
    [property: JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Frame = null,
    [property: JsonPropertyOrder(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ErrorLocation? Loc = null)
{
    /// <summary>Vite's error always has a stack: an empty one when there is none.</summary>
    [JsonPropertyOrder(1)]
    public string? Stack { get; init; } = Stack ?? "";

    /// <summary>A syntax error in a module's source (the lexer's or the full parser's): message with its code, a stack
    /// line at the place, a code frame around it. The engine's message and the stand-in for a broken module use the
    /// same, so both overlays read alike.</summary>
    public static HmrError InSource(string url, string source, Artifact.DiagnosticRecord error) =>
        new($"{error.Message} ({error.Code})", $"{error.Message}\n    at {url}:{error.Line}:{error.Column}", url,
            Engine.CodeFrame.Build(source, error.Line, error.Column), new ErrorLocation(url, error.Line, error.Column));

    /// <summary>A dependency that could not be resolved or bundled, at the app's import of it (the package's own files
    /// are not the page's to show).</summary>
    public static HmrError AtImport(string url, string code, string message, int line, int column) =>
        new($"{code}: {message}", null, url, null, new ErrorLocation(url, line, column));
}

/// <summary>A file (web root URL), 1-based line and column.</summary>
public sealed record ErrorLocation(string File, int Line, int Column);

/// <summary><c>{"type":"custom","event":"…","data":…}</c> either way; <c>data</c> is absent when null.</summary>
public sealed record CustomMessage(
    string Event,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data = null) : HmrMessage;
