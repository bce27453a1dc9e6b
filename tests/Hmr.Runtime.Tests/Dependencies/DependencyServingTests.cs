using System.Net;
using static Hmr.Runtime.Tests.Dependencies.DependencySite;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>The bundles the manifest lists are served under <c>/_deps/</c>, immutable; nothing else is.</summary>
[TestClass]
public sealed class DependencyServingTests
{
    private static Task<TestApp> StartAsync() => DependencySite.StartAsync(new Dictionary<string, string>
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body></body></html>",
        // Static files would serve these: only the runtime's 404 keeps them from the browser.
        ["wwwroot/_deps/unlisted.js"] = "export const fromWebRoot = 1;\n",
        ["wwwroot/appsettings.js"] = "export const secret = 1;\n",
    }, [Lodash, React]);

    [TestMethod]
    public async Task Listed_bundle_is_served_as_an_immutable_module()
    {
        await using var app = await StartAsync();
        var response = await app.Http.GetAsync(Lodash.Url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(Lodash.Content, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("text/javascript; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.AreEqual("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.AreEqual($"\"{Lodash.Hash}\"", response.Headers.ETag!.Tag);
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual(Lodash.Content.Length, response.Content.Headers.ContentLength);
    }

    [TestMethod]
    public async Task Matching_etag_gets_304_without_a_body()
    {
        await using var app = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, React.Url);
        request.Headers.IfNoneMatch.ParseAdd($"\"{React.Hash}\"");
        var response = await app.Http.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.NotModified, response.StatusCode);
        Assert.AreEqual("", await response.Content.ReadAsStringAsync());

        var stale = new HttpRequestMessage(HttpMethod.Get, React.Url);
        stale.Headers.IfNoneMatch.ParseAdd("\"something-else\"");
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.SendAsync(stale)).StatusCode);
    }

    [TestMethod]
    public async Task Head_gets_the_headers_and_no_body()
    {
        await using var app = await StartAsync();
        var response = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Lodash.Url));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(Lodash.Content.Length, response.Content.Headers.ContentLength);
        Assert.AreEqual("", await response.Content.ReadAsStringAsync());
        Assert.AreEqual($"\"{Lodash.Hash}\"", response.Headers.ETag!.Tag);
    }

    [TestMethod]
    public async Task Anything_else_under_the_prefix_is_404()
    {
        await using var app = await StartAsync();
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync("/appsettings.js")).StatusCode, "static files serve the web root");
        var encodedName = Lodash.Url.Replace("lodash", "%6Codash", StringComparison.Ordinal);
        foreach (var target in new[]
                 {
                     "/_deps/unlisted.js",                 // a file of the web root under the prefix
                     "/_deps/deps-manifest.json",          // in the bundles' folder, but not listed
                     "/_deps/../appsettings.js",           // traversal (the server resolves the dots)
                     "/_deps/%2e%2e/appsettings.js",
                     "/_deps/..%2fappsettings.js",
                     encodedName,                          // a listed name, percent-encoded
                     Lodash.Url.ToUpperInvariant(),
                     "/_DEPS/" + Lodash.File,
                     "/_deps/",
                 })
        {
            var (status, response) = await app.RawGetAsync(target);
            Assert.AreEqual(404, status, $"{target}: {response}");
            Assert.IsFalse(response.Contains("export", StringComparison.Ordinal), target);
        }
        var post = await app.Http.PostAsync(Lodash.Url, new StringContent(""));
        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode);
    }

    [TestMethod]
    public async Task Listed_file_missing_from_the_folder_is_404()
    {
        await using var app = await StartAsync();
        File.Delete(Path.Combine(Path.GetDirectoryName(ManifestFile(app.Root))!, React.File));
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync(React.Url)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync(Lodash.Url)).StatusCode);
    }

    [TestMethod]
    public async Task Without_a_manifest_nothing_is_served_under_the_prefix()
    {
        await using var app = await DependencySite.StartAsync(new Dictionary<string, string> { ["wwwroot/_deps/own.js"] = "export {};\n" }, []);
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync("/_deps/own.js")).StatusCode, "the app's own files pass through");
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync(Lodash.Url)).StatusCode);
    }
}
