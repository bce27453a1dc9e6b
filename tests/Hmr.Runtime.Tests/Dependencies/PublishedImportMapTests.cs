using System.Net;
using Hmr.Runtime.Dependencies;
using Hmr.Runtime.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>A published app (no HMR): pages get the bundles' import map entries merged into their own map, a Razor-like
/// streamed page and a compressed static page alike, and the bundles are cached for good. Nothing else changes.</summary>
[TestClass]
public sealed class PublishedImportMapTests
{
    private const string Lodash = "/_deps/lodash_es.0123abcd.js";

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(
        new Dictionary<string, string>
        {
            ["wwwroot/page.html"] = "<!doctype html><html><head><title>p</title></head><body><script type=\"module\" src=\"/app.js\"></script></body></html>",
            ["wwwroot/_deps/lodash_es.0123abcd.js"] = "export const x = 1;\n",
        },
        environment: "Production",
        addHmr: false,
        build: builder => builder.Services.AddSingleton(new PublishedImportMap(new ImportMapAddition([new("lodash-es", Lodash)]))),
        configure: app =>
        {
            app.UseMiddleware<PublishedImportMapMiddleware>();
            app.UseStaticFiles();
            app.MapGet("/razor", async context =>
            {
                // As the ImportMap tag helper renders MapStaticAssets' map, written in pieces.
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html><head><script type=\"importmap\">{\"imports\":{\"./js/site.js\":\"./js/site.abc.js\"}");
                await context.Response.WriteAsync("}</script></head><body>razor</body></html>");
            });
        });

    private static HttpRequestMessage Document(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptEncoding.ParseAdd("br");
        return request;
    }

    [TestMethod]
    public async Task Pages_get_the_entries_merged_and_bundles_are_immutable_with_nothing_of_hmr()
    {
        await using var app = await StartAsync();
        var razor = await (await app.Http.SendAsync(Document("/razor"))).Content.ReadAsStringAsync();
        Assert.AreEqual("<!DOCTYPE html><html><head><script type=\"importmap\">{\"imports\":{\"./js/site.js\":\"./js/site.abc.js\",\"lodash-es\":\""
            + Lodash + "\"}}</script></head><body>razor</body></html>", razor);

        var page = await (await app.Http.SendAsync(Document("/page.html"))).Content.ReadAsStringAsync();
        Assert.AreEqual("<!doctype html><html><head><title>p</title><script type=\"importmap\">{\"imports\":{\"lodash-es\":\""
            + Lodash + "\"}}</script></head><body><script type=\"module\" src=\"/app.js\"></script></body></html>", page);

        using var bundle = await app.Http.GetAsync(Lodash);
        Assert.AreEqual(HttpStatusCode.OK, bundle.StatusCode);
        Assert.AreEqual("public, max-age=31536000, immutable", bundle.Headers.CacheControl?.ToString());
    }
}
