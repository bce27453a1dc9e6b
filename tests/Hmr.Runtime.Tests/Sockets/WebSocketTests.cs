using System.Text.Json;
using Hmr.Runtime.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Sockets;

[TestClass]
public sealed class WebSocketTests
{
    private static Dictionary<string, string> Site() => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
        ["wwwroot/js/main.js"] = "import { n } from './leaf.js';\nimport './counter.js';\nconsole.log(n);\n",
        ["wwwroot/js/leaf.js"] = "export const n = 1;\n",
        ["wwwroot/js/counter.js"] = "export let count = 0;\nimport.meta.hot.accept();\n",
    };

    private static string Upgrade(string origin = "") =>
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
        (origin.Length > 0 ? $"Origin: {origin}\r\n" : "");

    private static string Token(TestApp app) => app.App.Services.GetRequiredService<HmrToken>().Value;

    [TestMethod]
    public async Task Right_token_connects_and_gets_connected_with_the_instance_id()
    {
        await using var app = await TestApp.StartAsync(Site());
        await using var client = await SocketClient.ConnectAsync(app, origin: app.Address.GetLeftPart(UriPartial.Authority));
        var message = await client.ReceiveAsync();
        Assert.AreEqual("connected", message.GetProperty("type").GetString());
        Assert.AreEqual(app.App.Services.GetRequiredService<HmrToken>().InstanceId, message.GetProperty("instanceId").GetString());
    }

    [TestMethod]
    public async Task Bad_tokens_are_refused()
    {
        await using var app = await TestApp.StartAsync(Site());
        var token = Token(app);
        var (ok, _) = await app.RawGetAsync($"/_hmr/ws?token={token}", extraHeaders: Upgrade());
        Assert.AreEqual(101, ok);
        foreach (var query in new[] { "", "?token=", $"?token={token[..^1]}", $"?token={token}x", $"?token={token.ToUpperInvariant()}", "?token=" + new string('a', 5000), $"?tok={token}" })
        {
            var (status, _) = await app.RawGetAsync("/_hmr/ws" + query, extraHeaders: Upgrade());
            Assert.AreEqual(403, status, query.Length > 60 ? "long token" : query);
        }
    }

    [TestMethod]
    public async Task Foreign_origin_is_refused_and_own_origins_are_allowed()
    {
        await using var app = await TestApp.StartAsync(Site());
        var target = $"/_hmr/ws?token={Token(app)}";
        var port = app.Address.Port;
        foreach (var origin in new[] { "http://evil.example", $"http://evil.example:{port}", "null", "file://", $"http://127.0.0.1:{port + 1}", $"https://127.0.0.1:{port}" })
            Assert.AreEqual(403, (await app.RawGetAsync(target, extraHeaders: Upgrade(origin))).Status, origin);
        foreach (var origin in new[] { $"http://127.0.0.1:{port}", $"http://localhost:{port}" })
            Assert.AreEqual(101, (await app.RawGetAsync(target, extraHeaders: Upgrade(origin))).Status, origin);
    }

    [TestMethod]
    public async Task Non_loopback_host_is_refused()
    {
        await using var app = await TestApp.StartAsync(Site());
        var target = $"/_hmr/ws?token={Token(app)}";
        foreach (var host in new[] { "attacker.example", $"attacker.example:{app.Address.Port}", "10.0.0.1" })
            Assert.AreEqual(403, (await app.RawGetAsync(target, host: host, extraHeaders: Upgrade())).Status, host);
        Assert.AreEqual(101, (await app.RawGetAsync(target, host: $"localhost:{app.Address.Port}", extraHeaders: Upgrade())).Status);
    }

    [TestMethod]
    public async Task Custom_events_flow_both_ways_to_every_tab()
    {
        await using var app = await TestApp.StartAsync(Site());
        var server = app.App.Services.GetRequiredService<IHmrServer>();
        var received = new TaskCompletionSource<HmrClientEvent>();
        using var subscription = server.OnClientEvent("my:ping", e => { received.TrySetResult(e); return ValueTask.CompletedTask; });

        await using var tab1 = await SocketClient.ConnectAsync(app);
        await using var tab2 = await SocketClient.ConnectAsync(app);
        await tab1.ReceiveTypeAsync("connected");
        await tab2.ReceiveTypeAsync("connected");
        await tab1.SendAsync("{\"type\":\"ping\"}");
        await tab1.SendAsync("not json at all");
        await tab1.SendAsync("{\"type\":\"custom\",\"event\":\"my:ping\",\"data\":{\"n\":42}}");
        var clientEvent = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.AreEqual(42, clientEvent.Data!.Value.GetProperty("n").GetInt32());

        server.Send("my:pong", new { answer = "yes" });
        foreach (var tab in new[] { tab1, tab2 })
        {
            var message = await tab.ReceiveTypeAsync("custom");
            Assert.AreEqual("my:pong", message.GetProperty("event").GetString());
            Assert.AreEqual("yes", message.GetProperty("data").GetProperty("answer").GetString());
        }
    }

    [TestMethod]
    public async Task Invalidate_is_forwarded_to_the_engine_and_its_outcome_broadcast()
    {
        await using var app = await TestApp.StartAsync(Site());
        foreach (var url in new[] { "/js/main.js", "/js/leaf.js", "/js/counter.js" }) await app.Http.GetStringAsync(url);
        await using var tab = await SocketClient.ConnectAsync(app);
        await tab.ReceiveTypeAsync("connected");
        await tab.SendAsync("{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":\"/js/counter.js\",\"message\":\"gave up\"}}");
        // counter.js is imported by main.js, which accepts nothing and has no importers: a full reload.
        var reload = await tab.ReceiveTypeAsync("full-reload");
        Assert.AreEqual(JsonValueKind.Object, reload.ValueKind);
    }

    [TestMethod]
    public async Task File_edit_is_broadcast_as_an_update_and_filters_can_rewrite_it()
    {
        await using var app = await TestApp.StartAsync(Site());
        foreach (var url in new[] { "/js/main.js", "/js/leaf.js", "/js/counter.js" }) await app.Http.GetStringAsync(url);
        await using var tab = await SocketClient.ConnectAsync(app);
        await tab.ReceiveTypeAsync("connected");

        TestApp.Write(app.Root, "wwwroot/js/counter.js", "export let count = 1;\nimport.meta.hot.accept();\n");
        var update = await tab.ReceiveTypeAsync("update");
        var entry = update.GetProperty("updates")[0];
        Assert.AreEqual("js-update", entry.GetProperty("type").GetString());
        Assert.AreEqual("/js/counter.js", entry.GetProperty("path").GetString());
        Assert.AreEqual("/js/counter.js", entry.GetProperty("acceptedPath").GetString());
        Assert.IsTrue(entry.GetProperty("timestamp").GetInt64() > 0);

        var server = app.App.Services.GetRequiredService<IHmrServer>();
        using var filter = server.OnBeforeBroadcast(context =>
        {
            context.Messages.Clear();
            context.Messages.Add(new Hmr.Core.Protocol.CustomMessage("filtered", null));
            return ValueTask.CompletedTask;
        });
        await Task.Delay(100);
        TestApp.Write(app.Root, "wwwroot/js/counter.js", "export let count = 2;\nimport.meta.hot.accept();\n");
        var custom = await tab.ReceiveTypeAsync("custom");
        Assert.AreEqual("filtered", custom.GetProperty("event").GetString());
    }

    [TestMethod]
    public async Task Open_sockets_do_not_hold_up_shutdown()
    {
        var app = await TestApp.StartAsync(Site());
        var tab = await SocketClient.ConnectAsync(app);
        await tab.ReceiveTypeAsync("connected");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await app.DisposeAsync();
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(5), $"shutdown took {watch.Elapsed}");
        await tab.DisposeAsync();
    }
}
