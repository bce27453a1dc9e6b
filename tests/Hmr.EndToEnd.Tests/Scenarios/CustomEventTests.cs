using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Custom events both ways: <c>import.meta.hot.send</c> reaches the app's handler registered on the
/// <c>IHmrServer</c> service (see <see cref="ProgramSource"/>), whose <c>Send</c> reaches <c>import.meta.hot.on</c>.</summary>
[TestClass]
public sealed class CustomEventTests : ScenarioTest
{
    /// <summary>Keeps the page's HMR socket in <c>window.__hmrSocket</c>, so the page can tell whether it was open yet.</summary>
    private const string SocketSpy = """
        (() => {
          const Native = window.WebSocket;
          function Spy(url, protocols) {
            const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
            if (String(url).includes('/_hmr/ws')) window.__hmrSocket = socket;
            return socket;
          }
          Spy.prototype = Native.prototype;
          for (const name of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Spy[name] = Native[name];
          window.WebSocket = Spy;
        })();
        """;

    [TestMethod]
    public async Task SendAtModuleTopLevel_BeforeTheSocketOpened_IsBufferedAndDeliveredOnceItOpens()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        using var proxy = new TcpProxy(app.Port);
        proxy.HoldHmrSockets();
        var tab = await OpenAsync("/customevents.html", baseUrl: $"http://127.0.0.1:{proxy.Port}", initScript: SocketSpy, waitForHmrConnection: false);
        await tab.WaitForAsync("() => window.__socketStateAtFirstSend !== undefined", "the module's top-level send");
        Assert.AreNotEqual("1", await tab.Page.EvaluateAsync<string>("() => String(window.__socketStateAtFirstSend)"),
            "the module sent my:ping before the HMR socket was OPEN (the proxy holds it)");
        Assert.AreEqual("", await tab.TextAsync("#pongs"), "no answer before the socket opened");

        proxy.ReleaseHmrSockets();

        await tab.WaitForHmrConnectionAsync(1);
        await tab.WaitForTextAsync("#pongs", "2");
        await tab.WaitForLogAsync("[hmr ->]", "\"my:ping\"", "the buffered my:ping frame on the HMR socket");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task SendFromTheConnectedPage_ReachesIHmrServer_WhichAnswersEveryTab()
    {
        await UseAppAsync(SharedApps.ScenariosAsync);
        var sender = await OpenAsync("/customevents.html");
        await sender.WaitForTextAsync("#pongs", "2");
        var other = await OpenAsync("/customevents.html");
        // Each tab's top-level ping is answered to every tab: the first tab also gets the answer to the second's.
        await other.WaitForTextAsync("#pongs", "2");
        await sender.WaitForTextAsync("#pongs", "2,2");

        await sender.Page.ClickAsync("#ping");

        await sender.WaitForTextAsync("#pongs", "2,2,42");
        await other.WaitForTextAsync("#pongs", "2,42");
        await sender.AssertNoReloadAsync();
    }
}
