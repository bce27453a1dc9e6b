using Hmr.Core.Protocol;
using Hmr.Runtime.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Sockets;

/// <summary>A tab that reconnects to the same server compares <c>messageCount</c> in <c>connected</c> with what it
/// received: equal means nothing was lost (resume without reloading), larger means it missed an update (reload).</summary>
[TestClass]
public sealed class ReconnectTests
{
    private static Dictionary<string, string> Site() => new() { ["wwwroot/js/a.js"] = "export {};\n" };

    [TestMethod]
    public async Task Connected_counts_the_page_messages_broadcast_before_it()
    {
        await using var app = await TestApp.StartAsync(Site());
        var server = app.App.Services.GetRequiredService<HmrServer>();
        await using var first = await SocketClient.ConnectAsync(app);
        Assert.AreEqual(0, (await first.ReceiveTypeAsync("connected")).GetProperty("messageCount").GetInt64());

        server.Send(new FullReloadMessage("*", "/js/a.js"));
        server.Send(new PruneMessage(["/js/a.js"]));
        server.Send("my:event", new { n = 1 }); // custom events are not counted: missing one runs no stale code
        Assert.AreEqual("full-reload", (await first.ReceiveAsync()).GetProperty("type").GetString());
        Assert.AreEqual("prune", (await first.ReceiveAsync()).GetProperty("type").GetString());
        Assert.AreEqual("custom", (await first.ReceiveAsync()).GetProperty("type").GetString());

        await using var second = await SocketClient.ConnectAsync(app);
        var connected = await second.ReceiveAsync();
        Assert.AreEqual("connected", connected.GetProperty("type").GetString());
        Assert.AreEqual(2, connected.GetProperty("messageCount").GetInt64());
    }

    [TestMethod]
    public async Task Every_message_counted_in_the_greeting_precedes_it_and_every_later_one_follows_it()
    {
        await using var app = await TestApp.StartAsync(Site());
        var server = app.App.Services.GetRequiredService<HmrServer>();
        const int total = 200;
        // Broadcast while a tab connects: its greeting's count plus the messages it then receives must add up to all.
        var sending = Task.Run(() => { for (var i = 0; i < total; i++) server.Send(new PruneMessage([$"/js/{i}.js"])); });
        await using var client = await SocketClient.ConnectAsync(app);
        await sending;
        var greeting = await client.ReceiveAsync();
        Assert.AreEqual("connected", greeting.GetProperty("type").GetString());
        var counted = greeting.GetProperty("messageCount").GetInt64();
        for (var i = counted; i < total; i++)
            Assert.AreEqual($"/js/{i}.js", (await client.ReceiveAsync()).GetProperty("paths")[0].GetString());
    }

    [TestMethod]
    public async Task The_page_carries_the_count_at_its_load_so_an_update_sent_before_the_socket_opens_is_noticed()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string>(Site()) { ["wwwroot/index.html"] = "<html><head></head></html>" });
        var server = app.App.Services.GetRequiredService<HmrServer>();
        StringAssert.Contains(await PageAsync(app), " data-hmr-messages=\"0\"");

        server.Send(new FullReloadMessage("*", null));
        server.Send(new FullReloadMessage("*", null));

        StringAssert.Contains(await PageAsync(app), " data-hmr-messages=\"2\"");
        var preamble = await app.Http.GetStringAsync("/_hmr/preamble.js");
        StringAssert.Contains(preamble, "getAttribute(\"data-hmr-messages\")");
        var client = await app.Http.GetStringAsync("/_hmr/client.js");
        StringAssert.Contains(client, "let messagesReceived = typeof window.__hmrMessagesAtLoad === \"number\" ? window.__hmrMessagesAtLoad : null;");
    }

    private static async Task<string> PageAsync(TestApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/index.html");
        request.Headers.Accept.ParseAdd("text/html");
        return await (await app.Http.SendAsync(request)).Content.ReadAsStringAsync();
    }
}
