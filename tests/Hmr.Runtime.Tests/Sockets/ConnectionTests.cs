using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Hmr.Runtime.Sockets;

namespace Hmr.Runtime.Tests.Sockets;

/// <summary>One tab's outgoing queue: order, a slow tab beside a fast one, the bound on unsent frames, and how the
/// writer ends. The socket is a stand-in whose sends finish when the test says so.</summary>
[TestClass]
public sealed class ConnectionTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    /// <summary>Records sent text frames; while <see cref="Hold"/> is set, each send waits for <see cref="Release"/>.</summary>
    private sealed class FakeSocket : WebSocket
    {
        private readonly SemaphoreSlim _released = new(0);
        private WebSocketState _state = WebSocketState.Open;
        public BlockingCollection<string> Sent { get; } = [];
        public bool Hold { get; set; }
        public bool FailSends { get; set; }
        public void Release(int sends = 1) => _released.Release(sends);
        public void Close() => _state = WebSocketState.Closed;

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            if (FailSends) throw new WebSocketException("the tab went away");
            if (Hold) await _released.WaitAsync(cancellationToken);
            Sent.Add(Encoding.UTF8.GetString(buffer));
        }

        public override WebSocketCloseStatus? CloseStatus => null;
        public override string? CloseStatusDescription => null;
        public override WebSocketState State => _state;
        public override string? SubProtocol => null;
        public override void Abort() => _state = WebSocketState.Aborted;
        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;
        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;
        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) => throw new NotSupportedException();
        public override void Dispose() { }
    }

    private static List<string> Take(FakeSocket socket, int count)
    {
        var frames = new List<string>();
        for (var i = 0; i < count; i++)
        {
            Assert.IsTrue(socket.Sent.TryTake(out var frame, Generous), $"frame {i} of {count} never went out");
            frames.Add(frame);
        }
        return frames;
    }

    [TestMethod]
    public void Frames_go_out_in_the_order_they_were_queued_from_many_threads_one_at_a_time()
    {
        var socket = new FakeSocket();
        var connection = new HmrConnection(socket);
        _ = connection.RunWriterAsync(CancellationToken.None);
        // Four producers, each numbering its own frames: every producer's frames must arrive in its order.
        Parallel.For(0, 4, producer =>
        {
            for (var i = 0; i < 200; i++) connection.Enqueue($"{producer}:{i}");
        });
        var sent = Take(socket, 800);
        for (var producer = 0; producer < 4; producer++)
        {
            var own = sent.Where(f => f.StartsWith($"{producer}:", StringComparison.Ordinal)).Select(f => int.Parse(f[2..])).ToList();
            CollectionAssert.AreEqual(Enumerable.Range(0, 200).ToList(), own);
        }
    }

    [TestMethod]
    public void Frames_queued_before_the_writer_runs_wait_for_it_and_keep_their_order()
    {
        var socket = new FakeSocket();
        var connection = new HmrConnection(socket);
        connection.Enqueue("greeting");
        connection.Enqueue("update");
        Assert.IsEmpty(socket.Sent);
        _ = connection.RunWriterAsync(CancellationToken.None);
        CollectionAssert.AreEqual(new[] { "greeting", "update" }, Take(socket, 2));
    }

    [TestMethod]
    public void A_tab_that_does_not_read_holds_up_neither_the_sender_nor_another_tab()
    {
        var slow = new FakeSocket { Hold = true };
        var fast = new FakeSocket();
        var slowConnection = new HmrConnection(slow);
        var fastConnection = new HmrConnection(fast);
        _ = slowConnection.RunWriterAsync(CancellationToken.None);
        _ = fastConnection.RunWriterAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            // Enqueue returns although the slow tab's send has not finished.
            Assert.IsTrue(slowConnection.Enqueue($"m{i}"));
            Assert.IsTrue(fastConnection.Enqueue($"m{i}"));
        }
        CollectionAssert.AreEqual(new[] { "m0", "m1", "m2" }, Take(fast, 3));
        Assert.IsEmpty(slow.Sent);
        slow.Release(3);
        CollectionAssert.AreEqual(new[] { "m0", "m1", "m2" }, Take(slow, 3));
    }

    [TestMethod]
    public void Beyond_the_bound_the_oldest_unsent_frames_are_dropped()
    {
        var socket = new FakeSocket { Hold = true };
        var connection = new HmrConnection(socket);
        _ = connection.RunWriterAsync(CancellationToken.None);
        connection.Enqueue("in flight"); // taken by the held send
        for (var i = 0; i < 1100; i++) connection.Enqueue($"f{i}");
        socket.Release(2000);
        var sent = Take(socket, 1 + 1024);
        Assert.AreEqual("in flight", sent[0]);
        Assert.AreEqual("f76", sent[1]); // 1,100 queued, 1,024 kept: the first 76 were dropped
        Assert.AreEqual("f1099", sent[^1]);
        Assert.IsFalse(socket.Sent.TryTake(out _, TimeSpan.FromMilliseconds(200)));
    }

    [TestMethod]
    public void Complete_sends_what_is_queued_then_ends_the_writer_and_refuses_more()
    {
        var socket = new FakeSocket { Hold = true };
        var connection = new HmrConnection(socket);
        var writer = connection.RunWriterAsync(CancellationToken.None);
        connection.Enqueue("a");
        connection.Enqueue("b");
        connection.Complete();
        Assert.IsFalse(connection.Enqueue("c"));
        Assert.IsFalse(writer.IsCompleted);
        socket.Release(2);
        Assert.IsTrue(writer.Wait(Generous));
        CollectionAssert.AreEqual(new[] { "a", "b" }, Take(socket, 2));
    }

    [TestMethod]
    public void Cancellation_ends_the_writer_even_during_a_send_that_never_finishes()
    {
        var socket = new FakeSocket { Hold = true };
        var connection = new HmrConnection(socket);
        using var stop = new CancellationTokenSource();
        var writer = connection.RunWriterAsync(stop.Token);
        connection.Enqueue("stuck");
        stop.Cancel();
        Assert.IsTrue(writer.Wait(Generous));
        Assert.IsFalse(connection.Enqueue("after"));
    }

    [TestMethod]
    public void A_failed_send_or_a_closed_socket_ends_the_writer()
    {
        var failing = new FakeSocket { FailSends = true };
        var failingConnection = new HmrConnection(failing);
        var failingWriter = failingConnection.RunWriterAsync(CancellationToken.None);
        failingConnection.Enqueue("x");
        Assert.IsTrue(failingWriter.Wait(Generous));

        var closed = new FakeSocket();
        closed.Close();
        var closedConnection = new HmrConnection(closed);
        var closedWriter = closedConnection.RunWriterAsync(CancellationToken.None);
        closedConnection.Enqueue("y");
        Assert.IsTrue(closedWriter.Wait(Generous));
        Assert.IsEmpty(closed.Sent);
    }
}
