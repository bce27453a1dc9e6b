using System.Net;
using Hmr.Runtime.Html;
using Hmr.Runtime.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Client;

/// <summary>A reload fetches no more of the client than it must: the preamble the page names (this instance's URL) is
/// kept by the browser without revalidation, the client modules are revalidated by ETag; none of them ever in a shared
/// cache (they carry the socket's token), and a restarted server's differ.</summary>
[TestClass]
public sealed class ClientCachingTests
{
    private static Task<TestApp> StartAsync() => TestApp.StartAsync(new Dictionary<string, string>
    {
        ["wwwroot/index.html"] = "<html><head></head><body></body></html>",
        ["wwwroot/js/a.js"] = "export {};\n",
    });

    [TestMethod]
    public async Task The_preamble_the_page_names_is_kept_for_this_server_instance()
    {
        await using var app = await StartAsync();
        var instance = app.App.Services.GetRequiredService<HmrToken>().InstanceId;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/index.html");
        request.Headers.Accept.ParseAdd("text/html");
        var page = await (await app.Http.SendAsync(request)).Content.ReadAsStringAsync();
        var named = $"{HtmlInjectionMiddleware.PreambleUrl}?v={instance}";
        StringAssert.Contains(page, $"src=\"{named}\"");

        using var preamble = await app.Http.GetAsync(named);
        Assert.AreEqual(HttpStatusCode.OK, preamble.StatusCode);
        Assert.AreEqual("immutable, max-age=31536000, private", CacheControl(preamble));

        // Any other URL of it (an earlier instance's, none) is revalidated: its content is this instance's now.
        foreach (var other in new[] { HtmlInjectionMiddleware.PreambleUrl, HtmlInjectionMiddleware.PreambleUrl + "?v=0123456789abcdef" })
        {
            using var response = await app.Http.GetAsync(other);
            Assert.AreEqual("no-cache, private", CacheControl(response), other);
        }
    }

    [TestMethod]
    [DataRow("/_hmr/client.js")]
    [DataRow("/_hmr/overlay.js")]
    [DataRow("/_hmr/runtime-errors.js")]
    [DataRow("/_hmr/page-refresh.js")]
    [DataRow("/_hmr/morph.js")]
    [DataRow("/_hmr/preamble.js")]
    public async Task A_client_module_is_revalidated_by_etag_and_a_restarted_server_sends_it_again(string url)
    {
        string firstTag;
        bool carriesTheInstance;
        await using (var app = await StartAsync())
        {
            using var first = await app.Http.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
            Assert.AreEqual("no-cache, private", CacheControl(first));
            firstTag = first.Headers.ETag!.Tag;
            carriesTheInstance = (await first.Content.ReadAsStringAsync()).Contains(app.App.Services.GetRequiredService<HmrToken>().Value, StringComparison.Ordinal);
            if (url is "/_hmr/client.js" or "/_hmr/preamble.js") Assert.IsTrue(carriesTheInstance, "the config is written into it");

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.TryAddWithoutValidation("If-None-Match", firstTag);
            using var revalidated = await app.Http.SendAsync(again);
            Assert.AreEqual(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.AreEqual(0, (await revalidated.Content.ReadAsByteArrayAsync()).Length);
        }

        await using var restarted = await StartAsync();
        using var afterRestart = new HttpRequestMessage(HttpMethod.Get, url);
        afterRestart.Headers.TryAddWithoutValidation("If-None-Match", firstTag);
        using var response = await restarted.Http.SendAsync(afterRestart);
        if (carriesTheInstance)
        {
            // The old copy has the old token and id: it must not be kept.
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.AreNotEqual(firstTag, response.Headers.ETag!.Tag);
        }
        else
        {
            Assert.AreEqual(HttpStatusCode.NotModified, response.StatusCode, "the same code: the browser's copy stays good");
        }
    }

    /// <summary>The Cache-Control directives, sorted (HttpClient writes them back in an order of its own).</summary>
    private static string CacheControl(HttpResponseMessage response) =>
        string.Join(", ", (response.Headers.CacheControl?.ToString() ?? "").Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
}
