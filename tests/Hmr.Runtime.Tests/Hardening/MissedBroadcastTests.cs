using System.Text.Json;

namespace Hmr.Runtime.Tests.Hardening;

/// <summary>The server tells a (re)connecting client how many frames it has broadcast, so a client that was
/// disconnected while an update went out can tell it missed it (the e2e fault suite shows the page then reloads).</summary>
[TestClass]
public sealed class MissedBroadcastTests
{
    [TestMethod]
    public async Task Connected_counts_the_broadcasts_sent_before_it()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string> { ["wwwroot/js/app.js"] = "export const a = 1;\n" });
        await using (var first = await SocketClient.ConnectAsync(app))
        {
            var connected = await first.ReceiveTypeAsync("connected");
            Assert.AreEqual(0, connected.GetProperty("broadcasts").GetInt64());
            var server = (IHmrServer)app.App.Services.GetService(typeof(IHmrServer))!;
            server.Send("test:one");
            server.Send("test:two");
            await first.ReceiveTypeAsync("custom");
            await first.ReceiveTypeAsync("custom");
        }
        // Disconnected now; one more goes out that nobody receives.
        ((IHmrServer)app.App.Services.GetService(typeof(IHmrServer))!).Send("test:missed");
        await using var again = await SocketClient.ConnectAsync(app);
        var reconnected = await again.ReceiveTypeAsync("connected");
        Assert.AreEqual(3, reconnected.GetProperty("broadcasts").GetInt64(), JsonSerializer.Serialize(reconnected));
    }
}
