using Hmr.Runtime.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Hardening;

/// <summary>Nothing the runtime serves is readable by another site: no CORS header on any response, with or without
/// an Origin, for GET, HEAD and a preflight OPTIONS.</summary>
[TestClass]
public sealed class CrossOriginTests
{
    private static TestApp app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => app = await TestApp.StartAsync(new Dictionary<string, string>
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/app.js\"></script></body></html>",
        ["wwwroot/js/app.js"] = "export const a = 1;\nimport.meta.hot?.accept();\n",
    });

    [ClassCleanup]
    public static async Task StopAsync() => await app.DisposeAsync();

    private static readonly string[] Urls = ["/", "/index.html", "/js/app.js", "/_hmr/client.js", "/_hmr/overlay.js", "/_hmr/preamble.js", "/_hmr/instance", "/_hmr/ws", "/_hmr/nothing", "/js/missing.js"];

    public static IEnumerable<object[]> Cases()
    {
        foreach (var url in Urls)
            foreach (var origin in new[] { "https://evil.example", "null", "http://localhost:1" })
                yield return [url, origin];
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task No_response_allows_a_foreign_reader(string url, string origin)
    {
        var authority = app.Address.Authority;
        var requests = new[]
        {
            $"GET {url} HTTP/1.0\r\nHost: {authority}\r\nOrigin: {origin}",
            $"HEAD {url} HTTP/1.0\r\nHost: {authority}\r\nOrigin: {origin}",
            $"GET {url} HTTP/1.0\r\nHost: {authority}\r\nOrigin: {origin}\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Site: cross-site",
            $"OPTIONS {url} HTTP/1.0\r\nHost: {authority}\r\nOrigin: {origin}\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: content-type",
            $"OPTIONS {url} HTTP/1.0\r\nHost: {authority}\r\nOrigin: {origin}\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Private-Network: true",
        };
        foreach (var request in requests)
        {
            var response = await RawHttp.SendAsync(app.Address, request);
            Assert.AreNotEqual(0, response.Status, request);
            foreach (var name in response.HeaderNames)
            {
                Assert.IsFalse(name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase), $"{request}\n→ {response.Head}");
            }
        }
    }

    [TestMethod]
    [DataRow("/_hmr/client.js")]
    [DataRow("/_hmr/preamble.js")]
    [DataRow("/_hmr/instance")]
    public async Task A_rebound_dns_name_gets_none_of_the_runtime_urls(string target)
    {
        // A page on evil.example whose name was rebound to 127.0.0.1 talks to our port with its own Host.
        var token = app.App.Services.GetRequiredService<HmrToken>().Value;
        var rebound = await RawHttp.GetAsync(app.Address, target, host: $"evil.example:{app.Address.Port}");
        Assert.AreEqual(404, rebound.Status);
        Assert.IsFalse(rebound.BodyText.Contains(token, StringComparison.Ordinal));
        var own = await RawHttp.GetAsync(app.Address, target);
        Assert.AreEqual(200, own.Status, "the same URL under the app's own loopback address");
    }

    [TestMethod]
    public async Task The_token_bearing_client_script_is_private_and_nosniff()
    {
        // Kept out of shared caches (the browser's own cache only), and never run as anything but JavaScript; being an
        // ES module without CORS headers, a foreign page cannot load it as a module script either.
        var response = await RawHttp.GetAsync(app.Address, "/_hmr/client.js", extraHeaders: "Origin: https://evil.example");
        Assert.AreEqual(200, response.Status);
        StringAssert.Contains(response.Head.ToLowerInvariant(), "cache-control: private, no-cache");
        Assert.IsFalse(response.Head.Contains("access-control-allow-origin", StringComparison.OrdinalIgnoreCase));
        StringAssert.Contains(response.Head.ToLowerInvariant(), "x-content-type-options: nosniff");
        StringAssert.Contains(response.BodyText, "import {");
    }
}
