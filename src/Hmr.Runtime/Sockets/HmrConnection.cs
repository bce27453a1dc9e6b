using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Hmr.Runtime.Sockets;

/// <summary>One browser tab's socket: an ordered outgoing queue drained by one writer, so broadcasts never
/// interleave frames and a slow tab never blocks the others.</summary>
internal sealed class HmrConnection(WebSocket socket)
{
    private readonly Channel<string> _outgoing = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    public WebSocket Socket { get; } = socket;

    public bool Enqueue(string frame) => _outgoing.Writer.TryWrite(frame);

    public void Complete() => _outgoing.Writer.TryComplete();

    /// <summary>Sends queued frames until the queue completes or the socket fails.</summary>
    public async Task RunWriterAsync(CancellationToken cancellation)
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync(cancellation))
            {
                if (Socket.State != WebSocketState.Open) break;
                await Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellation);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The tab went away; the reader side cleans up.
        }
    }
}
