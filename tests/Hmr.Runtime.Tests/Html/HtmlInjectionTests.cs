using System.Net;
using System.Text;
using Hmr.Runtime.Html;
using Hmr.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Tests.Html;

[TestClass]
public sealed class HtmlInjectionTests
{
    private const string Page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>hi</body></html>";

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(new Dictionary<string, string> { ["wwwroot/index.html"] = Page }, configure: app =>
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/razorish", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            // Streaming rendering: the head in small pieces, a flush, then the rest.
            await context.Response.WriteAsync("<!DOCTYPE html>\n<html><he");
            await context.Response.WriteAsync("ad><title>x</title>");
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync("</head><body>");
            await context.Response.WriteAsync($"encoding={context.Request.Headers.AcceptEncoding.Count};inm={context.Request.Headers.IfNoneMatch.Count}");
            await context.Response.WriteAsync("</body></html>");
        });
        app.MapGet("/json", () => Results.Json(new { html = "<head>" }));
        app.MapGet("/fragment", () => Results.Text("<div>no head here</div>", "text/html"));
        app.MapGet("/notfound", () => Results.Content(Page, "text/html", statusCode: 404));
    });

    private static HttpRequestMessage Document(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        return request;
    }

    private static string Snippet(TestApp app)
    {
        var token = (Hmr.Runtime.Sockets.HmrToken)app.App.Services.GetService(typeof(Hmr.Runtime.Sockets.HmrToken))!;
        return $"<script src=\"{HtmlInjectionMiddleware.PreambleUrl}?v={token.InstanceId}\" data-hmr-messages=\"0\"></script>";
    }

    [TestMethod]
    public async Task Static_page_gets_the_preamble_right_after_head()
    {
        await using var app = await StartAsync();
        var response = await app.Http.SendAsync(Document("/"));
        var body = PageIds.Strip(await response.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(Page.Replace("<head>", "<head>" + Snippet(app)), body);
        Assert.IsNull(response.Headers.ETag, "an ETag would let the browser reuse HTML cached without the tag");
    }

    [TestMethod]
    public async Task Conditional_request_still_gets_injected_html()
    {
        await using var app = await StartAsync();
        var first = await app.Http.GetAsync("/index.html"); // not a document request: untouched, with validators
        Assert.AreEqual(Page, await first.Content.ReadAsStringAsync());
        var request = Document("/index.html");
        if (first.Headers.ETag is { } etag) request.Headers.IfNoneMatch.Add(etag);
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var second = await app.Http.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, second.StatusCode);
        StringAssert.Contains(PageIds.Strip(await second.Content.ReadAsStringAsync()), Snippet(app));
    }

    [TestMethod]
    public async Task Streamed_dynamic_html_gets_the_preamble_and_no_compression_or_validators_reach_the_app()
    {
        await using var app = await StartAsync();
        var request = Document("/razorish");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        request.Headers.IfNoneMatch.ParseAdd("\"abc\"");
        var response = await app.Http.SendAsync(request);
        var body = PageIds.Strip(await response.Content.ReadAsStringAsync());
        Assert.AreEqual("<!DOCTYPE html>\n<html><head>" + Snippet(app) + "<title>x</title></head><body>encoding=0;inm=0</body></html>", body);
        Assert.AreEqual(0, response.Content.Headers.ContentEncoding.Count);
    }

    [TestMethod]
    public async Task Html_without_head_gets_the_preamble_before_the_markup()
    {
        await using var app = await StartAsync();
        var body = PageIds.Strip(await (await app.Http.SendAsync(Document("/fragment"))).Content.ReadAsStringAsync());
        Assert.AreEqual(Snippet(app) + "<div>no head here</div>", body);
    }

    [TestMethod]
    public async Task Non_html_non_document_and_error_responses_are_untouched()
    {
        await using var app = await StartAsync();
        Assert.AreEqual("{\"html\":\"<head>\"}", await (await app.Http.SendAsync(Document("/json"))).Content.ReadAsStringAsync());
        var notFound = await app.Http.SendAsync(Document("/notfound"));
        Assert.AreEqual(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.AreEqual(Page, await notFound.Content.ReadAsStringAsync());

        var iframe = Document("/");
        iframe.Headers.Remove("Sec-Fetch-Dest");
        iframe.Headers.Add("Sec-Fetch-Dest", "script");
        Assert.AreEqual(Page, await (await app.Http.SendAsync(iframe)).Content.ReadAsStringAsync());

        var fetch = new HttpRequestMessage(HttpMethod.Get, "/");
        fetch.Headers.Accept.ParseAdd("*/*");
        Assert.AreEqual(Page, await (await app.Http.SendAsync(fetch)).Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Content_length_matches_the_injected_body()
    {
        await using var app = await StartAsync();
        var response = await app.Http.SendAsync(Document("/index.html"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.AreEqual(Page.Replace("<head>", "<head>" + Snippet(app)), PageIds.Strip(Encoding.UTF8.GetString(bytes)));
        if (response.Content.Headers.ContentLength is { } length) Assert.AreEqual(bytes.Length, length);
    }

    [TestMethod]
    public async Task Head_tag_split_across_writes_is_found()
    {
        using var target = new MemoryStream();
        var stream = new InjectingStream(target, "<X>");
        foreach (var piece in new[] { "<!doctype html><HE", "AD cl", "ass=\"a\">", "<title>t</title></head>" })
            await stream.WriteAsync(Encoding.UTF8.GetBytes(piece));
        await stream.FinishAsync(CancellationToken.None);
        Assert.AreEqual("<!doctype html><HEAD class=\"a\"><X><title>t</title></head>", Encoding.UTF8.GetString(target.ToArray()));
        Assert.IsTrue(stream.Injected);
    }

    [TestMethod]
    public async Task Header_element_is_not_mistaken_for_head()
    {
        using var target = new MemoryStream();
        var stream = new InjectingStream(target, "<X>");
        await stream.WriteAsync(Encoding.UTF8.GetBytes("<html><header>h</header><body>b</body></html>"));
        await stream.FinishAsync(CancellationToken.None);
        Assert.AreEqual("<html><X><header>h</header><body>b</body></html>", Encoding.UTF8.GetString(target.ToArray()));
    }

    [TestMethod]
    public async Task Plain_text_in_html_clothing_is_left_alone()
    {
        using var target = new MemoryStream();
        var stream = new InjectingStream(target, "<X>");
        await stream.WriteAsync(Encoding.UTF8.GetBytes("just text"));
        await stream.FinishAsync(CancellationToken.None);
        Assert.AreEqual("just text", Encoding.UTF8.GetString(target.ToArray()));
        Assert.IsFalse(stream.Injected);
    }
}
