using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>The network dropping while the same server keeps running: the client reconnects without a reload.
/// (A restarted server is in <see cref="WatchIntegrationTests"/>.)</summary>
[TestClass]
public sealed class ConnectionTests : ScenarioTest
{
    [TestMethod]
    public async Task ConnectionCutToTheSameServer_ReconnectsWithoutReload_AndUpdatesKeepComing()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        using var proxy = new TcpProxy(app.Port);
        var tab = await OpenAsync("/reconnect.html", baseUrl: $"http://127.0.0.1:{proxy.Port}");
        await tab.WaitForTextAsync("#out", "reconnect one");

        proxy.DropAll();

        await tab.WaitForHmrConnectionAsync(2);
        await tab.AssertNoReloadAsync();

        app.EditWebFile("reconnect.main.js", "'reconnect one'", "'reconnect two'");
        await tab.WaitForTextAsync("#out", "reconnect two");
        await tab.AssertNoReloadAsync();
    }
}
