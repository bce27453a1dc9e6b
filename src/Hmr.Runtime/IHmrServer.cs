using System.Text.Json;
using Hmr.Core.Protocol;

namespace Hmr.Runtime;

/// <summary>The HMR server as seen by application code: send custom events to browsers, listen to events they send
/// with <c>import.meta.hot.send</c>, and observe or rewrite updates before they are broadcast (like Vite's
/// <c>hotUpdate</c> hook).</summary>
public interface IHmrServer
{
    /// <summary>Sends <c>{"type":"custom","event":…,"data":…}</c> to every connected browser.</summary>
    void Send(string eventName, object? data = null);

    /// <summary>Sends any protocol message to every connected browser (e.g. a <see cref="FullReloadMessage"/>).</summary>
    void Send(HmrMessage message);

    /// <summary>Calls <paramref name="handler"/> for each custom event <paramref name="eventName"/> a browser sends.
    /// Dispose the result to stop listening.</summary>
    IDisposable OnClientEvent(string eventName, Func<HmrClientEvent, ValueTask> handler);

    /// <summary>Calls <paramref name="filter"/> with every engine outcome before it is broadcast; the filter may
    /// replace or clear <see cref="HmrUpdateContext.Messages"/>. Filters run in registration order.</summary>
    IDisposable OnBeforeBroadcast(Func<HmrUpdateContext, ValueTask> filter);

    /// <summary>Number of connected browser tabs.</summary>
    int ConnectionCount { get; }
}

/// <summary>A custom event from a browser.</summary>
/// <param name="Event">The event name.</param>
/// <param name="Data">Its JSON payload, if any.</param>
public sealed record HmrClientEvent(string Event, JsonElement? Data);

/// <summary>What is about to be broadcast for one engine outcome.</summary>
public sealed class HmrUpdateContext(IReadOnlyList<string> changedUrls, IList<HmrMessage> messages)
{
    /// <summary>Module URLs the batch changed (empty for an invalidation).</summary>
    public IReadOnlyList<string> ChangedUrls { get; } = changedUrls;

    /// <summary>The messages to broadcast, in order; mutable.</summary>
    public IList<HmrMessage> Messages { get; } = messages;
}
