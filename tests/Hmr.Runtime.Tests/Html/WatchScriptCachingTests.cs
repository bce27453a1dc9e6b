using System.Net;
using Hmr.Runtime.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Tests.Html;

/// <summary>dotnet watch's refresh script, which it sends <c>no-store</c>, is revalidated by ETag instead, so a reload
/// does not download and compile it again; its content, when it changes, still arrives. (A stand-in serves it here the
/// way dotnet watch's middleware does; WatchIntegrationTests checks the real one.)</summary>
[TestClass]
public sealed class WatchScriptCachingTests
{
    private static string scriptText = "";

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(new Dictionary<string, string>(), configure: app =>
        app.Map(WatchScriptCachingMiddleware.ScriptPath, script => script.Run(async context =>
        {
            context.Response.ContentType = "application/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(scriptText);
        })));

    [TestMethod]
    public async Task The_refresh_script_is_revalidated_and_sent_again_only_when_it_changed()
    {
        scriptText = "setUpBrowserRefresh('ws://localhost:1234', 'key-1');";
        await using var app = await StartAsync();
        using var first = await app.Http.GetAsync(WatchScriptCachingMiddleware.ScriptPath);
        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        Assert.AreEqual(scriptText, await first.Content.ReadAsStringAsync());
        Assert.AreEqual(scriptText.Length, first.Content.Headers.ContentLength);
        Assert.IsTrue(first.Headers.CacheControl!.NoCache && first.Headers.CacheControl.Private && !first.Headers.CacheControl.NoStore);
        var tag = first.Headers.ETag!.Tag;

        using var unchanged = await ConditionalGetAsync(app, tag);
        Assert.AreEqual(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.AreEqual(0, (await unchanged.Content.ReadAsByteArrayAsync()).Length);

        scriptText = "setUpBrowserRefresh('ws://localhost:5678', 'key-2');"; // a new dotnet watch session
        using var changed = await ConditionalGetAsync(app, tag);
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode);
        Assert.AreEqual(scriptText, await changed.Content.ReadAsStringAsync());
        Assert.AreNotEqual(tag, changed.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> ConditionalGetAsync(TestApp app, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, WatchScriptCachingMiddleware.ScriptPath);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return app.Http.SendAsync(request);
    }
}
