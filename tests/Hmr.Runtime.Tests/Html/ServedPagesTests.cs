using System.Net;
using Hmr.Runtime.Html;
using Hmr.Runtime.Sockets;
using Hmr.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Html;

/// <summary>The served copy of each page (the base of its first morph, docs/runtime.md "Markup edits"): kept under the
/// id its preamble tag carries, given back only to the client, and the page's own refetches are treated alike but not
/// kept. <c>Hmr:MorphMarkup=false</c> turns it all off.</summary>
[TestClass]
public sealed class ServedPagesTests
{
    private const string Page = "<!doctype html><html><head><title>t</title></head><body><p id=\"x\">hi</p></body></html>";

    private static Task<TestApp> StartAsync(bool morph = true) => TestApp.StartAsync(
        new Dictionary<string, string> { ["wwwroot/index.html"] = Page },
        build: builder => builder.Configuration["Hmr:MorphMarkup"] = morph ? "true" : "false");

    private static HttpRequestMessage Document(string path, string destination = "document")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Add("Sec-Fetch-Dest", destination);
        return request;
    }

    private static HttpRequestMessage ServedCopy(TestApp app, string id, bool withToken = true, string site = "same-origin")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/_hmr/page?id={id}");
        if (withToken) request.Headers.Add("X-Hmr-Token", app.App.Services.GetRequiredService<HmrToken>().Value);
        request.Headers.Add("Sec-Fetch-Site", site);
        return request;
    }

    [TestMethod]
    public async Task A_page_is_kept_as_the_browser_got_it_and_given_back_to_the_client_only()
    {
        await using var app = await StartAsync();
        var sent = await (await app.Http.SendAsync(Document("/index.html"))).Content.ReadAsStringAsync();
        var id = PageIds.Find(sent).Single();

        var copy = await app.Http.SendAsync(ServedCopy(app, id));
        Assert.AreEqual(HttpStatusCode.OK, copy.StatusCode);
        Assert.AreEqual(sent, await copy.Content.ReadAsStringAsync());
        Assert.AreEqual("no-store", copy.Headers.CacheControl?.ToString());

        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.SendAsync(ServedCopy(app, id, withToken: false))).StatusCode, "no token");
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.SendAsync(ServedCopy(app, id, site: "cross-site"))).StatusCode, "another site");
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.SendAsync(ServedCopy(app, new string('0', 32)))).StatusCode, "an unknown id");
    }

    [TestMethod]
    public async Task Each_load_gets_its_own_id()
    {
        await using var app = await StartAsync();
        var first = PageIds.Find(await (await app.Http.SendAsync(Document("/index.html"))).Content.ReadAsStringAsync()).Single();
        var second = PageIds.Find(await (await app.Http.SendAsync(Document("/index.html"))).Content.ReadAsStringAsync()).Single();
        Assert.AreNotEqual(first, second);
    }

    [TestMethod]
    public async Task The_pages_refetch_for_a_morph_is_injected_like_the_page_but_not_kept()
    {
        await using var app = await StartAsync();
        var refetch = Document("/index.html", destination: "empty");
        refetch.Headers.Add(HtmlInjectionMiddleware.RefreshHeader, "1");
        var body = await (await app.Http.SendAsync(refetch)).Content.ReadAsStringAsync();
        StringAssert.Contains(body, HtmlInjectionMiddleware.PreambleUrl, "the same scripts as the page, to compare with");
        Assert.AreEqual(0, PageIds.Find(body).Count);

        var plainFetch = Document("/index.html", destination: "empty");
        Assert.AreEqual(Page, await (await app.Http.SendAsync(plainFetch)).Content.ReadAsStringAsync(), "other fetches stay untouched");
    }

    [TestMethod]
    public async Task MorphMarkup_off_keeps_no_copies_and_tells_the_client()
    {
        await using var app = await StartAsync(morph: false);
        var body = await (await app.Http.SendAsync(Document("/index.html"))).Content.ReadAsStringAsync();
        StringAssert.Contains(body, HtmlInjectionMiddleware.PreambleUrl);
        Assert.AreEqual(0, PageIds.Find(body).Count);
        var client = await app.Http.GetStringAsync("/_hmr/client.js");
        StringAssert.Contains(client, "\"morphMarkup\":false");
    }

    [TestMethod]
    public void Only_the_latest_pages_are_kept_and_a_page_too_large_is_not()
    {
        var pages = new ServedPages();
        var ids = Enumerable.Range(0, ServedPages.Capacity + 5).Select(_ => ServedPages.NewId()).ToList();
        foreach (var id in ids) pages.Add(id, new ServedPage([1, 2, 3], "text/html"));
        Assert.IsNull(pages.Find(ids[0]), "the oldest went");
        Assert.IsNull(pages.Find(ids[4]));
        Assert.IsNotNull(pages.Find(ids[5]));
        Assert.IsNotNull(pages.Find(ids[^1]));
        Assert.IsNull(pages.Find(null));
    }

    [TestMethod]
    public async Task A_copy_stops_at_its_limit_while_the_page_still_goes_out_whole()
    {
        using var target = new MemoryStream();
        var capturing = new CapturingStream(target, limit: 8);
        await capturing.WriteAsync("12345"u8.ToArray());
        CollectionAssert.AreEqual("12345"u8.ToArray(), capturing.Captured);
        await capturing.WriteAsync("6789"u8.ToArray());
        Assert.IsNull(capturing.Captured);
        await capturing.WriteAsync("0"u8.ToArray());
        Assert.AreEqual("1234567890", System.Text.Encoding.ASCII.GetString(target.ToArray()));
    }
}
