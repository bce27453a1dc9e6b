using Hmr.Runtime.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Hardening;

/// <summary>Attacks on <c>/_hmr/ws</c> over a raw socket: every handshake without the exact token, from a foreign
/// page, or through a rebound DNS name is refused before the upgrade, and the refusal carries no secret.</summary>
[TestClass]
public sealed class SocketAttackTests
{
    private static TestApp app = null!;
    private static string token = "";

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        app = await TestApp.StartAsync(new Dictionary<string, string>
        {
            ["wwwroot/index.html"] = "<!doctype html><script type=\"module\" src=\"/js/app.js\"></script>",
            ["wwwroot/js/app.js"] = "export const a = 1;\nimport.meta.hot?.accept();\n",
        });
        token = app.App.Services.GetRequiredService<HmrToken>().Value;
    }

    [ClassCleanup]
    public static async Task StopAsync() => await app.DisposeAsync();

    private static string Own => $"http://{app.Address.Authority}";

    [TestMethod]
    public async Task The_right_token_from_the_apps_own_page_is_accepted()
    {
        // The control: the same handshake code does get a WebSocket when nothing is wrong.
        Assert.AreEqual(101, (await RawHttp.UpgradeAsync(app.Address, "/_hmr/ws?token=" + token)).Status);
        Assert.AreEqual(101, (await RawHttp.UpgradeAsync(app.Address, "/_hmr/ws?token=" + token, origin: Own)).Status);
        Assert.AreEqual(101, (await RawHttp.UpgradeAsync(app.Address, "/_hmr/ws?token=" + token, host: $"localhost:{app.Address.Port}", origin: $"http://localhost:{app.Address.Port}")).Status);
    }

    public static IEnumerable<object[]> BadTokens() =>
    [
        ["no token", "/_hmr/ws"],
        ["empty token", "/_hmr/ws?token="],
        ["wrong token", "/_hmr/ws?token=" + new string('A', 43)],
        ["shorter token", "/_hmr/ws?token={token-1}"],
        ["longer token", "/_hmr/ws?token={token}A"],
        ["token prefix only", "/_hmr/ws?token={token-half}"],
        ["token twice", "/_hmr/ws?token={token}&token={token}"],
        ["wrong then right", "/_hmr/ws?token=x&token={token}"],
        ["token in another parameter", "/_hmr/ws?tok={token}"],
        ["token upper-cased", "/_hmr/ws?token={TOKEN}"],
        ["token with NUL", "/_hmr/ws?token={token}%00"],
        ["huge token", "/_hmr/ws?token=" + new string('A', 4000)],
    ];

    [TestMethod]
    [DynamicData(nameof(BadTokens))]
    public async Task A_handshake_without_the_exact_token_is_refused(string what, string target)
    {
        target = target.Replace("{token-1}", token[..^1]).Replace("{token-half}", token[..21])
            .Replace("{TOKEN}", token.ToUpperInvariant()).Replace("{token}", token);
        if (what == "token upper-cased" && token.ToUpperInvariant() == token) target = target.Replace("token=", "token=a");
        var response = await RawHttp.UpgradeAsync(app.Address, target, origin: Own);
        Assert.AreEqual(403, response.Status, $"{what}: {response.Head}");
        AssertNothingLeaks(response);
    }

    [TestMethod]
    [DataRow("https://evil.example")]
    [DataRow("http://evil.example")]
    [DataRow("null")]
    [DataRow("file://")]
    [DataRow("http://127.0.0.1.evil.example")]
    [DataRow("http://localhost.evil.example")]
    [DataRow("{own}.evil.example")]
    [DataRow("http://127.0.0.1:1")] // another local dev server on another port
    [DataRow("chrome-extension://abcdef")]
    public async Task The_right_token_from_a_foreign_origin_is_refused(string origin)
    {
        var response = await RawHttp.UpgradeAsync(app.Address, "/_hmr/ws?token=" + token, origin: origin.Replace("{own}", Own));
        Assert.AreEqual(403, response.Status, $"{origin}: {response.Head}");
        AssertNothingLeaks(response);
    }

    [TestMethod]
    [DataRow("evil.example")]
    [DataRow("evil.example:{port}")]
    [DataRow("127.0.0.1.nip.io:{port}")]
    [DataRow("10.0.0.1:{port}")]
    [DataRow("192.168.1.10")]
    [DataRow("localhost.evil.example:{port}")]
    public async Task A_non_loopback_Host_is_refused_even_with_a_matching_origin(string host)
    {
        // DNS rebinding: evil.example now resolves to 127.0.0.1, so the page's Origin and the Host agree.
        host = host.Replace("{port}", app.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var origin in new string?[] { null, "http://" + host })
        {
            var response = await RawHttp.UpgradeAsync(app.Address, "/_hmr/ws?token=" + token, host: host, origin: origin);
            Assert.AreEqual(403, response.Status, $"Host {host}, Origin {origin}: {response.Head}");
            AssertNothingLeaks(response);
        }
    }

    [TestMethod]
    public async Task Other_methods_and_plain_gets_on_the_socket_path_get_no_socket()
    {
        foreach (var head in new[]
                 {
                     $"GET /_hmr/ws?token={token} HTTP/1.0\r\nHost: {app.Address.Authority}",
                     $"POST /_hmr/ws?token={token} HTTP/1.1\r\nHost: {app.Address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0",
                     $"GET /_hmr/ws/../ws?token=x HTTP/1.1\r\nHost: {app.Address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13",
                 })
        {
            var response = await RawHttp.SendAsync(app.Address, head + "\r\nConnection: close");
            Assert.AreNotEqual(101, response.Status, head);
            AssertNothingLeaks(response);
        }
    }

    private static void AssertNothingLeaks(RawResponse response)
    {
        Assert.IsFalse(response.All.Contains(token, StringComparison.Ordinal), "the token leaked: " + response.All);
        Assert.IsFalse(response.All.Contains(token[..16], StringComparison.Ordinal), "part of the token leaked: " + response.All);
        Assert.AreEqual(0, response.Body.Length, "a refusal has no body: " + response.BodyText);
        Assert.IsFalse(response.HasHeader("Access-Control-Allow-Origin"), response.Head);
    }
}
