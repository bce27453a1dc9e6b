using System.Text;
using Hmr.Runtime.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Tests.Html;

/// <summary>A page under a nonce-based Content-Security-Policy: the tags HMR adds carry the page's nonce, so the
/// browser runs them like the app's own scripts (docs/runtime.md, "Content Security Policy").</summary>
[TestClass]
public sealed class ContentSecurityPolicyTests
{
    private const string Page = "<!doctype html><html><head><title>t</title></head><body>hi</body></html>";
    private const string StrictPolicy = "default-src 'self'; script-src 'nonce-r4nd0m+/A=' 'strict-dynamic'; connect-src 'self'";

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(new Dictionary<string, string>(), configure: app =>
    {
        // As an app sets it in a middleware before rendering.
        app.MapGet("/set-first", async context =>
        {
            context.Response.Headers.ContentSecurityPolicy = StrictPolicy;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page);
        });
        // As security-header middleware sets it: when the response starts, after the first write began.
        app.MapGet("/on-starting", async context =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = StrictPolicy;
                return Task.CompletedTask;
            });
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page);
        });
        app.MapGet("/report-only", async context =>
        {
            context.Response.Headers.ContentSecurityPolicyReportOnly = StrictPolicy;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page);
        });
        app.MapGet("/none", () => Results.Content(Page, "text/html"));
    });

    private static async Task<string> DocumentAsync(TestApp app, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await app.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [TestMethod]
    [DataRow("/set-first")]
    [DataRow("/on-starting")]
    public async Task The_preamble_tag_carries_the_policys_script_nonce(string path)
    {
        await using var app = await StartAsync();
        var body = await DocumentAsync(app, path);
        StringAssert.Contains(body, $"<head><script nonce=\"r4nd0m+/A=\" src=\"{HtmlInjectionMiddleware.PreambleUrl}?v=");
    }

    [TestMethod]
    [DataRow("/report-only")]
    [DataRow("/none")]
    public async Task Without_an_enforced_policy_the_tag_has_no_nonce(string path)
    {
        await using var app = await StartAsync();
        var body = await DocumentAsync(app, path);
        StringAssert.Contains(body, $"<head><script src=\"{HtmlInjectionMiddleware.PreambleUrl}?v=");
        Assert.IsFalse(body.Contains("nonce", StringComparison.Ordinal), body);
    }

    [TestMethod]
    public async Task An_inserted_import_map_carries_the_nonce_too()
    {
        var target = new MemoryStream();
        var stream = new InjectingStream(target, "<script src=\"/p.js\"></script>", new ImportMapAddition([new("lodash-es", "/_deps/lodash-es.js")]),
            _ => ValueTask.FromResult<string?>("abc123"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes("<html><head><script type=\"module\" src=\"/app.js\"></script></head></html>"));
        await stream.FinishAsync(CancellationToken.None);
        var html = Encoding.UTF8.GetString(target.ToArray());
        StringAssert.Contains(html, "<head><script nonce=\"abc123\" src=\"/p.js\"></script>");
        StringAssert.Contains(html, "<script nonce=\"abc123\" type=\"importmap\">{\"imports\":{\"lodash-es\":\"/_deps/lodash-es.js\"}}</script><script type=\"module\" src=\"/app.js\">");
    }

    [TestMethod]
    [DataRow("script-src 'nonce-abc'", "abc")]
    [DataRow("default-src 'nonce-fromdefault'", "fromdefault")]
    [DataRow("script-src-elem 'nonce-elem'; script-src 'nonce-other'", "elem")]
    [DataRow("script-src 'self' 'NONCE-Mixed_Case-1'", "Mixed_Case-1")]
    [DataRow("script-src 'self'; default-src 'nonce-ignored'", null)] // script-src governs, and has none
    [DataRow("style-src 'nonce-styles'", null)]
    [DataRow("script-src 'nonce-a\"onload=alert(1)'", null)] // not base64: never written into markup
    [DataRow("script-src 'nonce-'", null)]
    [DataRow("img-src *, script-src 'nonce-second'", "second")] // two policies in one header
    public void The_nonce_comes_from_the_directive_that_governs_script_elements(string policy, string? expected)
    {
        var headers = new HeaderDictionary { ["Content-Security-Policy"] = policy };
        Assert.AreEqual(expected, ContentSecurityPolicyNonce.Find(headers));
    }
}
