using System.Text;
using Hmr.Runtime.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Hmr.Runtime.Tests.Dependencies.DependencySite;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>Every HTML page gets the dependencies' entries in its import map: merged into its first map (the app's
/// entries win, other members and the element's attributes stay), or in one map of their own before the first script
/// that could load a module; never a second map, and the client preamble still comes first.</summary>
[TestClass]
public sealed class ImportMapMergeTests
{
    private const string Head = "<!doctype html><html><head>";
    private const string Module = "<script type=\"module\" src=\"/js/main.js\"></script>";

    private static readonly Dictionary<string, string> Pages = new()
    {
        ["no-map.html"] = Head + "<meta charset=\"utf-8\"><title>a <script> in a title</title><!-- <script type=module> -->" + Module + "</head><body></body></html>",
        ["own-map.html"] = Head + "<script type=\"importmap\" nonce=\"n0nce\">{\n  \"imports\": { \"app\": \"/js/app.js\", \"react\": \"/js/my-react.js\" },\n  \"scopes\": { \"/js/legacy/\": { \"lodash-es\": \"/js/old-lodash.js\" } },\n  \"integrity\": { \"/js/app.js\": \"sha384-x\" }\n}</script>" + Module + "</head><body></body></html>",
        ["map-without-imports.html"] = Head + "<script type=\"importmap\">{\"scopes\":{}}</script></head><body></body></html>",
        ["two-maps.html"] = Head + "<script type=\"importmap\">{\"imports\":{\"a\":\"/js/a.js\"}}</script><script type=\"importmap\">{\"imports\":{\"b\":\"/js/b.js\"}}</script>" + Module + "</head></html>",
        ["no-module.html"] = Head + "<title>t</title><style>link[rel=modulepreload] {}</style></head><body><p>hi</p></body></html>",
        ["classic-first.html"] = Head + "<script type=\"application/json\">{\"x\":\"<body>\"}</script><script src=\"/js/legacy.js\"></script>" + Module + "</head></html>",
        ["preload.html"] = Head + "<link rel=\"stylesheet preload\" href=\"/a.css\"><link rel=\"modulepreload\" href=\"/js/main.js\">" + Module + "</head></html>",
        ["no-head.html"] = "<!doctype html><html><body>" + Module + "</body></html>",
        ["bad-map.html"] = Head + "<script type=\"importmap\">{ not json </script>" + Module + "</head></html>",
        ["map-in-body.html"] = Head + "<title>t</title></head><body><script type=\"importmap\">{\"imports\":{}}</script></body></html>",
    };

    private static Task<TestApp> StartAsync(params Bundle[] bundles) =>
        DependencySite.StartAsync(Pages.ToDictionary(p => "wwwroot/" + p.Key, p => p.Value), bundles, configure: app =>
        {
            app.UseStaticFiles();
            app.MapGet("/streamed", StreamedAsync);
        });

    private static string Original(string page) => Pages[page];

    [TestMethod]
    public async Task Page_without_a_map_gets_one_before_its_first_module_script()
    {
        await using var app = await StartAsync(Lodash, React);
        var expected = Original("no-map.html").Replace("<head>", "<head>" + Preamble(app)).Replace(Module, InjectedMap(Lodash, React) + Module);
        Assert.AreEqual(expected, await PageAsync(app, "/no-map.html"));
    }

    [TestMethod]
    public async Task Own_map_is_extended_keeping_the_apps_entries_scopes_other_members_and_attributes()
    {
        await using var app = await StartAsync(Lodash, React);
        var page = await PageAsync(app, "/own-map.html");
        var expectedMap = "<script type=\"importmap\" nonce=\"n0nce\">{\"imports\":{\"app\":\"/js/app.js\",\"react\":\"/js/my-react.js\",\"lodash-es\":\""
            + Lodash.Url + "\"},\"scopes\":{\"/js/legacy/\":{\"lodash-es\":\"/js/old-lodash.js\"}},\"integrity\":{\"/js/app.js\":\"sha384-x\"}}</script>";
        Assert.AreEqual(Head + Preamble(app) + expectedMap + Module + "</head><body></body></html>", page);
        Assert.AreEqual(1, Count(page, "type=\"importmap\""));
    }

    [TestMethod]
    public async Task Map_without_imports_gets_them()
    {
        await using var app = await StartAsync(Lodash);
        StringAssert.Contains(await PageAsync(app, "/map-without-imports.html"),
            "<script type=\"importmap\">{\"scopes\":{},\"imports\":{\"lodash-es\":\"" + Lodash.Url + "\"}}</script></head>");
    }

    [TestMethod]
    public async Task Only_the_first_of_two_maps_is_extended()
    {
        await using var app = await StartAsync(Lodash);
        var page = await PageAsync(app, "/two-maps.html");
        StringAssert.Contains(page, "<script type=\"importmap\">{\"imports\":{\"a\":\"/js/a.js\",\"lodash-es\":\"" + Lodash.Url + "\"}}</script>"
            + "<script type=\"importmap\">{\"imports\":{\"b\":\"/js/b.js\"}}</script>");
        Assert.AreEqual(2, Count(page, "type=\"importmap\""));
    }

    [TestMethod]
    public async Task Page_without_module_scripts_gets_the_map_at_the_end_of_its_head()
    {
        await using var app = await StartAsync(Lodash);
        var expected = Original("no-module.html").Replace("<head>", "<head>" + Preamble(app)).Replace("</head>", InjectedMap(Lodash) + "</head>");
        Assert.AreEqual(expected, await PageAsync(app, "/no-module.html"));
    }

    [TestMethod]
    public async Task Classic_script_or_modulepreload_comes_after_the_map()
    {
        await using var app = await StartAsync(Lodash);
        StringAssert.Contains(await PageAsync(app, "/classic-first.html"),
            "<script type=\"application/json\">{\"x\":\"<body>\"}</script>" + InjectedMap(Lodash) + "<script src=\"/js/legacy.js\">");
        StringAssert.Contains(await PageAsync(app, "/preload.html"),
            "<link rel=\"stylesheet preload\" href=\"/a.css\">" + InjectedMap(Lodash) + "<link rel=\"modulepreload\"");
        var noHead = await PageAsync(app, "/no-head.html");
        Assert.AreEqual("<!doctype html><html>" + Preamble(app) + InjectedMap(Lodash) + "<body>" + Module + "</body></html>", noHead);
    }

    [TestMethod]
    public async Task Invalid_map_is_left_as_the_app_wrote_it_and_no_second_map_is_added()
    {
        await using var app = await StartAsync(Lodash);
        Assert.AreEqual(Original("bad-map.html").Replace("<head>", "<head>" + Preamble(app)), await PageAsync(app, "/bad-map.html"));
    }

    [TestMethod]
    public async Task Map_in_the_body_is_not_searched_for_past_the_head()
    {
        await using var app = await StartAsync(Lodash);
        var page = await PageAsync(app, "/map-in-body.html");
        StringAssert.Contains(page, InjectedMap(Lodash) + "</head>");
        StringAssert.Contains(page, "<body><script type=\"importmap\">{\"imports\":{}}</script></body>", "the body's map is the app's, untouched");
    }

    [TestMethod]
    public async Task Pages_are_untouched_when_there_are_no_dependencies()
    {
        await using var app = await StartAsync();
        foreach (var (name, html) in Pages)
        {
            var expected = name == "no-head.html" ? html.Replace("<html>", "<html>" + Preamble(app)) : html.Replace("<head>", "<head>" + Preamble(app));
            Assert.AreEqual(expected, await PageAsync(app, "/" + name), name);
        }
    }

    private static readonly TaskCompletionSource ReleaseBody = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task StreamedAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync("<!doctype html><html><he");
        await context.Response.WriteAsync("ad><script type=\"importmap\">{\"imports\":");
        await context.Response.Body.FlushAsync();
        await context.Response.WriteAsync("{\"app\":\"/js/app.js\"}}</scr");
        await context.Response.WriteAsync("ipt>" + Module + "</head><body><p>first</p>");
        await context.Response.Body.FlushAsync();
        // The rest of the body only once the client has read the head: streaming, not buffering.
        await ReleaseBody.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await context.Response.WriteAsync("<p>" + new string('x', 256 * 1024) + "</p></body></html>");
    }

    [TestMethod]
    public async Task Streamed_page_gets_its_map_merged_and_keeps_streaming()
    {
        await using var app = await StartAsync(Lodash);
        var response = await app.Http.SendAsync(Document("/streamed"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("<p>first</p>", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.AreNotEqual(0, read, "the response ended before the head was sent");
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        Assert.AreEqual("<!doctype html><html><head>" + Preamble(app) + "<script type=\"importmap\">{\"imports\":{\"app\":\"/js/app.js\",\"lodash-es\":\""
            + Lodash.Url + "\"}}</script>" + Module + "</head><body><p>first</p>", PageIds.Strip(received.ToString()));
        ReleaseBody.SetResult();
        var rest = await new StreamReader(body).ReadToEndAsync();
        Assert.AreEqual(256 * 1024 + "<p></p></body></html>".Length, rest.Length);
    }

    [TestMethod]
    public async Task Map_split_across_many_small_writes_is_found()
    {
        var html = Original("own-map.html");
        using var target = new MemoryStream();
        var stream = new InjectingStream(target, "<X>", new ImportMapAddition([new("lodash-es", Lodash.Url)]));
        foreach (var b in Encoding.UTF8.GetBytes(html)) await stream.WriteAsync(new[] { b });
        await stream.FinishAsync(CancellationToken.None);
        var output = Encoding.UTF8.GetString(target.ToArray());
        StringAssert.Contains(output, "<head><X><script type=\"importmap\" nonce=\"n0nce\">{\"imports\":{\"app\":\"/js/app.js\",\"react\":\"/js/my-react.js\",\"lodash-es\":");
        Assert.AreEqual("merged", stream.ImportMapOutcome);
    }

    [TestMethod]
    public async Task Merged_json_cannot_close_the_script_element()
    {
        using var target = new MemoryStream();
        var stream = new InjectingStream(target, "<X>", new ImportMapAddition([new("evil</script><script>alert(1)//", "/_deps/e.js")]));
        await stream.WriteAsync(Encoding.UTF8.GetBytes("<html><head><script type=\"importmap\">{\"imports\":{}}</script></head></html>"));
        await stream.FinishAsync(CancellationToken.None);
        var output = Encoding.UTF8.GetString(target.ToArray());
        Assert.AreEqual(1, Count(output, "</script>"), output);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
