using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>One tab on a page of a <see cref="WebApp"/>: counts loads, marks the document so a full reload shows,
/// records console errors and the frames of the HMR WebSocket, and waits for conditions with generous timeouts.</summary>
public sealed class PageSession : IAsyncDisposable
{
    /// <summary>Generous: these tests assert what happens, never how fast.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly WebApp app;
    private readonly IBrowserContext context;
    private readonly bool ownsContext;
    private readonly ConcurrentQueue<string> log = new();
    private int loads;
    private int hmrConnectedFrames;
    private int otherSockets;

    private PageSession(WebApp app, IBrowserContext context, IPage page, bool ownsContext)
    {
        this.app = app;
        this.context = context;
        this.ownsContext = ownsContext;
        Page = page;
        page.Load += (_, _) => { Interlocked.Increment(ref loads); log.Enqueue("[load]"); };
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning" || m.Text.StartsWith("[hmr]", StringComparison.Ordinal)) log.Enqueue($"[console.{m.Type}] {m.Text}");
        };
        page.PageError += (_, e) => log.Enqueue("[pageerror] " + e);
        page.WebSocket += (_, ws) =>
        {
            log.Enqueue("[ws open] " + ws.Url);
            if (!ws.Url.Contains("/_hmr/", StringComparison.Ordinal))
            {
                // dotnet watch's browser-refresh socket.
                Interlocked.Increment(ref otherSockets);
                ws.FrameReceived += (_, f) => log.Enqueue("[watch <-] " + Truncate(f.Text ?? "(binary)"));
                return;
            }
            ws.FrameReceived += (_, f) =>
            {
                var text = f.Text ?? "";
                log.Enqueue("[hmr <-] " + Truncate(text));
                if (text.Contains("\"connected\"", StringComparison.Ordinal)) Interlocked.Increment(ref hmrConnectedFrames);
            };
            ws.FrameSent += (_, f) => log.Enqueue("[hmr ->] " + f.Text);
            ws.Close += (_, _) => log.Enqueue("[hmr ws closed]");
        };
    }

    public IPage Page { get; }

    /// <summary>How many times the document has loaded (1 = never reloaded).</summary>
    public int Loads => Volatile.Read(ref loads);

    public IReadOnlyList<string> ConsoleErrors => log.Where(l => l.StartsWith("[console.error]", StringComparison.Ordinal) || l.StartsWith("[pageerror]", StringComparison.Ordinal)).ToList();

    /// <summary>Opens <paramref name="path"/> in a new context (or a new tab of <paramref name="sameContextAs"/>), waits for
    /// the load and (unless told not to) the HMR socket's "connected", then marks the document.</summary>
    public static async Task<PageSession> OpenAsync(WebApp app, string path, PageSession? sameContextAs = null, string? initScript = null, string? baseUrl = null, bool waitForHmrConnection = true)
    {
        var browser = await Browser.GetAsync();
        var context = sameContextAs?.context ?? await browser.NewContextAsync();
        if (initScript is not null) await context.AddInitScriptAsync(initScript);
        var page = await context.NewPageAsync();
        var session = new PageSession(app, context, page, ownsContext: sameContextAs is null);
        await page.GotoAsync((baseUrl ?? app.BaseUrl) + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        if (waitForHmrConnection)
        {
            await session.WaitForHmrConnectionAsync(1);
            await session.WaitForDotnetWatchSocketAsync();
        }
        await session.MarkDocumentAsync();
        return session;
    }

    /// <summary>When dotnet watch's browser-refresh script is in the page, waits until it has opened its socket (it
    /// waits 500 ms first): before that, an edit would not reach it, and a test of what it does would prove nothing.</summary>
    public async Task WaitForDotnetWatchSocketAsync()
    {
        if (!await Page.EvaluateAsync<bool>("() => !!document.querySelector('script[src*=\"aspnetcore-browser-refresh\"]')")) return;
        var deadline = DateTime.UtcNow + Patience;
        while (Volatile.Read(ref otherSockets) < 1)
        {
            // A strict Content-Security-Policy refuses it (it carries no nonce; docs/runtime.md): it never will.
            if (log.Any(l => l.Contains("aspnetcore-browser-refresh", StringComparison.Ordinal) && l.Contains("Content Security Policy", StringComparison.Ordinal))) return;
            if (DateTime.UtcNow > deadline) Fail("dotnet watch's browser-refresh script never opened its socket");
            await Task.Delay(100);
        }
        await Task.Delay(300); // the socket was created; let its handshake complete
    }

    /// <summary>Waits until the HMR socket has said "connected" at least <paramref name="times"/> times.</summary>
    public async Task WaitForHmrConnectionAsync(int times)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Volatile.Read(ref hmrConnectedFrames) < times)
        {
            if (DateTime.UtcNow > deadline) Fail($"the page's HMR WebSocket (/_hmr/ws) did not send {{\"type\":\"connected\"}} (seen {hmrConnectedFrames} times, expected {times})");
            await Task.Delay(100);
        }
    }

    /// <summary>Sets <c>window.__hmrMarker</c>; a full reload loses it.</summary>
    public Task MarkDocumentAsync() => Page.EvaluateAsync("() => { window.__hmrMarker = 'kept'; }");

    public async Task<bool> IsMarkedAsync() => await Page.EvaluateAsync<bool>("() => window.__hmrMarker === 'kept'");

    /// <summary>Waits for a JavaScript expression to become truthy in the page.</summary>
    public async Task WaitForAsync(string expression, string what, TimeSpan? timeout = null)
    {
        try
        {
            await Page.WaitForFunctionAsync(expression, null, new PageWaitForFunctionOptions { Timeout = (float)(timeout ?? Patience).TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Fail($"timed out waiting for {what} (`{expression}`)");
        }
        catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal) || e.Message.Contains("navigat", StringComparison.OrdinalIgnoreCase))
        {
            // A navigation happened while waiting (a reload): wait again in the new document.
            await WaitForAsync(expression, what, timeout);
        }
    }

    /// <summary>Waits for a line of the page log that starts with <paramref name="kind"/> and contains <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string kind, string text, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!log.Any(l => l.StartsWith(kind, StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) Fail($"timed out waiting for {what} ({kind} … {text})");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until an element's text is exactly <paramref name="text"/>.</summary>
    public Task WaitForTextAsync(string selector, string text)
        => WaitForAsync($"() => document.querySelector({Js(selector)})?.textContent === {Js(text)}", $"{selector} to read '{text}'");

    public async Task<string?> TextAsync(string selector) => await Page.EvaluateAsync<string?>($"() => document.querySelector({Js(selector)})?.textContent ?? null");

    /// <summary>After an update was seen to apply: lets a moment pass (a stray reload from dotnet watch's own script
    /// arrives within ~1 s), then asserts the document was never reloaded and nothing threw uncaught.</summary>
    public async Task AssertNoReloadAsync()
    {
        await Task.Delay(1500);
        if (Loads != 1 || !await IsMarkedAsync()) Fail($"expected no full reload, but the page loaded {Loads} times (marker kept: {await SafeIsMarkedAsync()})");
        var uncaught = log.Where(l => l.StartsWith("[pageerror]", StringComparison.Ordinal)).ToList();
        if (uncaught.Count > 0) Fail("expected no uncaught error in the page, saw: " + string.Join("; ", uncaught));
    }

    /// <summary>Waits for exactly one full reload: the marker is gone, two loads, and still two after a quiet moment.</summary>
    public async Task AssertExactlyOneReloadAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (Loads < 2)
        {
            if (DateTime.UtcNow > deadline) Fail("expected one full reload, but the page never reloaded");
            await Task.Delay(100);
        }
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Task.Delay(2500);
        if (Loads != 2) Fail($"expected exactly one full reload, but the page loaded {Loads} times");
        if (await SafeIsMarkedAsync()) Fail("the load event fired twice but the document still carries the marker");
    }

    /// <summary>Everything seen in this tab plus dotnet watch's output tail, for a failure message.</summary>
    public string Diagnostics()
        => $"--- page log ({app.Name}) ---\n{string.Join('\n', log)}\n--- dotnet watch ---\n{app.WatchOutputTail}";

    public void Fail(string message) => Assert.Fail(message + "\n" + Diagnostics());

    private async Task<bool> SafeIsMarkedAsync()
    {
        try { return await IsMarkedAsync(); }
        catch (PlaywrightException) { return false; }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    internal static string Js(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (ownsContext) await context.CloseAsync();
            else await Page.CloseAsync();
        }
        catch (PlaywrightException) { }
    }
}
