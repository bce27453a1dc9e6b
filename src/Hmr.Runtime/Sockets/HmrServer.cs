using System.Collections.Immutable;
using System.Text.Json;
using Hmr.Core.Protocol;

namespace Hmr.Runtime.Sockets;

/// <summary>Broadcasting and the application's hooks, shared by the hosted service and the socket endpoint.</summary>
internal sealed class HmrServer(HmrConnectionHub hub) : IHmrServer
{
    private ImmutableList<(string Event, Func<HmrClientEvent, ValueTask> Handler)> _listeners = [];
    private ImmutableList<Func<HmrUpdateContext, ValueTask>> _filters = [];

    public int ConnectionCount => hub.Count;

    public void Send(string eventName, object? data = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        JsonElement? element = data is null ? null : JsonSerializer.SerializeToElement(data);
        Send(new CustomMessage(eventName, element));
    }

    public void Send(HmrMessage message) => hub.Broadcast(HmrMessageJson.Serialize(message), affectsPages: message is not CustomMessage);

    public IDisposable OnClientEvent(string eventName, Func<HmrClientEvent, ValueTask> handler)
    {
        var entry = (eventName, handler);
        ImmutableInterlocked.Update(ref _listeners, l => l.Add(entry));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _listeners, l => l.Remove(entry)));
    }

    public IDisposable OnBeforeBroadcast(Func<HmrUpdateContext, ValueTask> filter)
    {
        ImmutableInterlocked.Update(ref _filters, l => l.Add(filter));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _filters, l => l.Remove(filter)));
    }

    /// <summary>Runs the filters, then broadcasts what remains; returns the messages sent.</summary>
    public async ValueTask<IReadOnlyList<HmrMessage>> PublishAsync(IReadOnlyList<string> changedUrls, IReadOnlyList<HmrMessage> messages)
    {
        var context = new HmrUpdateContext(changedUrls, [.. messages]);
        foreach (var filter in _filters) await filter(context);
        foreach (var message in context.Messages) Send(message);
        return [.. context.Messages];
    }

    public async ValueTask DispatchClientEventAsync(HmrClientEvent clientEvent)
    {
        foreach (var (name, handler) in _listeners)
            if (name == clientEvent.Event) await handler(clientEvent);
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
