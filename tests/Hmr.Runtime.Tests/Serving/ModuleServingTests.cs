using System.Net;
using System.Net.Http.Headers;
using Hmr.Core.Engine;

namespace Hmr.Runtime.Tests.Serving;

[TestClass]
public sealed class ModuleServingTests
{
    private static Dictionary<string, string> Site() => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head><title>t</title></head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
        ["wwwroot/js/main.js"] = "import { greet } from './greeting.js';\nimport './plain.js';\ndocument.title = greet();\nimport.meta.hot?.accept('./greeting.js', (m) => { document.title = m.greet(); });\n",
        ["wwwroot/js/greeting.js"] = "export function greet() { return 'hi'; }\n",
        ["wwwroot/js/plain.js"] = "export const plain = 1;\n",
        ["wwwroot/js/counter.js"] = "export let count = 0;\nimport.meta.hot.accept();\n",
        ["wwwroot/js/broken.js"] = "export const x = 1;\nconst s = 'unterminated\n",
    };

    [TestMethod]
    public async Task Module_using_hot_gets_a_hot_context_and_rewritten_specifiers()
    {
        await using var app = await TestApp.StartAsync(Site());
        var response = await app.Http.GetAsync("/js/main.js");
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/javascript; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.AreEqual("no-cache", response.Headers.CacheControl!.ToString());
        StringAssert.StartsWith(body, "import { createHotContext as __hmr_createHotContext } from \"/_hmr/client.js\";import.meta.hot = __hmr_createHotContext(\"/js/main.js\");import { greet } from '/js/greeting.js';");
        StringAssert.Contains(body, "import '/js/plain.js';");
        StringAssert.Contains(body, "import.meta.hot?.accept('/js/greeting.js', (m)");
        // The first line keeps the author's line numbers.
        Assert.AreEqual(5, body.Split('\n').Length);
    }

    [TestMethod]
    public async Task Module_without_hot_gets_no_hot_context()
    {
        await using var app = await TestApp.StartAsync(Site());
        var body = await app.Http.GetStringAsync("/js/greeting.js");
        Assert.AreEqual("export function greet() { return 'hi'; }\n", body);
    }

    [TestMethod]
    public async Task Updated_module_is_imported_with_its_timestamp()
    {
        await using var app = await TestApp.StartAsync(Site());
        await app.Http.GetStringAsync("/js/main.js");
        await app.Http.GetStringAsync("/js/greeting.js");
        var before = await app.Http.GetStringAsync("/js/main.js");

        TestApp.Write(app.Root, "wwwroot/js/greeting.js", "export function greet() { return 'hello'; }\n");
        var outcome = app.Engine.ApplyChanges([new FileChange(Path.Combine(app.WebRoot, "js", "greeting.js"), FileChangeKind.Changed)]);
        var stamp = app.Engine.GetModule("/js/greeting.js")!.LastUpdateTimestamp;
        Assert.IsTrue(stamp > 0, $"engine outcome: {outcome.Trace.ReloadReason}");

        var after = await app.Http.GetStringAsync("/js/main.js");
        StringAssert.Contains(after, $"from '/js/greeting.js?t={stamp}';");
        StringAssert.Contains(after, "import '/js/plain.js';");
        // Accepted deps stay plain URLs: the client matches updates by path.
        StringAssert.Contains(after, "accept('/js/greeting.js',");
        Assert.AreNotEqual(before, after);

        var stamped = await app.Http.GetStringAsync($"/js/greeting.js?t={stamp}");
        StringAssert.Contains(stamped, "'hello'");
    }

    [TestMethod]
    public async Task ETag_gives_304_and_changes_with_content()
    {
        await using var app = await TestApp.StartAsync(Site());
        var first = await app.Http.GetAsync("/js/plain.js");
        var etag = first.Headers.ETag;
        Assert.IsNotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/js/plain.js");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await app.Http.SendAsync(conditional);
        Assert.AreEqual(HttpStatusCode.NotModified, second.StatusCode);

        TestApp.Write(app.Root, "wwwroot/js/plain.js", "export const plain = 2;\n");
        using var afterEdit = new HttpRequestMessage(HttpMethod.Get, "/js/plain.js");
        afterEdit.Headers.IfNoneMatch.Add(etag);
        var third = await app.Http.SendAsync(afterEdit);
        Assert.AreEqual(HttpStatusCode.OK, third.StatusCode);
        Assert.AreEqual("export const plain = 2;\n", await third.Content.ReadAsStringAsync());
        Assert.AreNotEqual(etag, third.Headers.ETag);
    }

    [TestMethod]
    public async Task Fingerprinted_url_maps_back_to_its_module()
    {
        await using var app = await TestApp.StartAsync(Site());
        var body = await app.Http.GetStringAsync("/js/counter.1x2ckht6dr.js");
        StringAssert.StartsWith(body, "import { createHotContext as __hmr_createHotContext } from \"/_hmr/client.js\";import.meta.hot = __hmr_createHotContext(\"/js/counter.js\");");
    }

    [TestMethod]
    public async Task Syntax_error_serves_a_module_that_throws_with_the_location()
    {
        await using var app = await TestApp.StartAsync(Site());
        var body = await app.Http.GetStringAsync("/js/broken.js");
        StringAssert.StartsWith(body, "import { reportModuleError as __hmr_reportModuleError } from \"/_hmr/client.js\";");
        StringAssert.Contains(body, "\"frame\":");
        StringAssert.Contains(body, "throw new SyntaxError(\"[hmr] /js/broken.js:2:");
    }

    [TestMethod]
    public async Task Files_the_graph_does_not_know_pass_to_the_app()
    {
        await using var app = await TestApp.StartAsync(Site(), prepare: root =>
            TestApp.Write(root, "wwwroot/data.json", "{\"a\":1}"));
        var json = await app.Http.GetStringAsync("/data.json");
        Assert.AreEqual("{\"a\":1}", json);
        var missing = await app.Http.GetAsync("/js/nope.js");
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [TestMethod]
    public async Task Client_scripts_are_served_privately_with_the_token()
    {
        await using var app = await TestApp.StartAsync(Site());
        var response = await app.Http.GetAsync("/_hmr/client.js");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsTrue(response.Headers.CacheControl!.Private, "never in a shared cache (ClientCachingTests has the rest)");
        Assert.AreEqual("text/javascript", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var token = app.App.Services.GetService(typeof(Hmr.Runtime.Sockets.HmrToken)) as Hmr.Runtime.Sockets.HmrToken;
        StringAssert.Contains(body, token!.Value);
        StringAssert.Contains(body, "export function createHotContext");
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync("/_hmr/preamble.js")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync("/_hmr/overlay.js")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_hmr/other.js")).StatusCode);
        Assert.AreEqual(token.InstanceId, await app.Http.GetStringAsync("/_hmr/instance"));
    }

    [TestMethod]
    public async Task Head_request_gets_headers_without_body()
    {
        await using var app = await TestApp.StartAsync(Site());
        using var head = new HttpRequestMessage(HttpMethod.Head, "/js/plain.js");
        var response = await app.Http.SendAsync(head);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(new MediaTypeHeaderValue("text/javascript") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.AreEqual(0, (await response.Content.ReadAsByteArrayAsync()).Length);
    }
}
