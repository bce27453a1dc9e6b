using Microsoft.Playwright;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright: one browser per test run (never a downloaded browser).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (!File.Exists(ChromiumPath))
            {
                Assert.Fail($"{ChromiumPath} is missing: the browser tests need Debian's Chromium (`apt-get install -y chromium`; ./test.sh installs it).");
            }
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task CloseAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        browser = null;
        playwright?.Dispose();
        playwright = null;
    }
}
