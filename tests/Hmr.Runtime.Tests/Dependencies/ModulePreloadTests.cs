using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Hmr.Runtime.Tests.Dependencies.DependencySite;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>Before each module script, the page gets a modulepreload link for every dependency bundle its module loads
/// (through the graph, shared chunks included), each once per page, with the page's script nonce.</summary>
[TestClass]
public sealed class ModulePreloadTests
{
    private static readonly Bundle SharedReact = new("shared-react", "shared-react", "export const internals = {};\n");
    private static readonly Bundle ReactWithShared = new("react", "react",
        $"import {{ internals }} from './{SharedReact.File}';\nexport default {{ internals }};\n");

    private static Dictionary<string, string> Site(string head = "") => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head>" + head + "</head><body>"
            + "<script type=\"module\" src=\"/js/app.js\"></script>"
            + "<script type=\"module\" src=\"js/other.js\"></script>"
            + "<script type=\"module\" src=\"/js/plain.js\"></script></body></html>",
        ["wwwroot/fingerprinted.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/view.1x2ckht6dr.js\"></script></body></html>",
        ["wwwroot/js/app.js"] = "import { debounce } from 'lodash-es';\nimport './view.js';\nexport const d = debounce;\n",
        ["wwwroot/js/view.js"] = "import React from 'react';\nexport const r = React;\n",
        ["wwwroot/js/other.js"] = "import React from 'react';\nimport('lodash-es');\nexport const o = React;\n",
        ["wwwroot/js/plain.js"] = "export const p = 1;\n",
    };

    private static string Link(Bundle bundle, string nonce = "") => $"<link rel=\"modulepreload\" href=\"{bundle.Url}\"{nonce}>";

    [TestMethod]
    public async Task Each_bundle_a_module_loads_is_preloaded_before_its_script_once_per_page()
    {
        await using var app = await DependencySite.StartAsync(Site(), [Lodash, ReactWithShared, SharedReact], configure: web => web.UseStaticFiles());
        var page = await PageAsync(app, "/index.html");

        StringAssert.Contains(page, "<body>" + Link(Lodash) + Link(ReactWithShared) + Link(SharedReact) + "<script type=\"module\" src=\"/js/app.js\">",
            "app.js imports lodash-es, and react through view.js; react's bundle imports the shared chunk");
        StringAssert.Contains(page, "</script><script type=\"module\" src=\"js/other.js\"></script><script type=\"module\" src=\"/js/plain.js\">",
            "other.js's bundles are preloaded already (its dynamic import is not preloaded at all); plain.js loads none");
        foreach (var bundle in new[] { Lodash, ReactWithShared, SharedReact })
            Assert.AreEqual(1, page.Split(Link(bundle)).Length - 1, bundle.Url);

        StringAssert.Contains(await PageAsync(app, "/fingerprinted.html"), "<body>" + Link(ReactWithShared) + Link(SharedReact) + "<script",
            "a MapStaticAssets URL of the module (its fingerprint) counts as the module");
    }

    [TestMethod]
    public async Task A_page_under_a_nonce_policy_gets_links_with_its_nonce()
    {
        await using var app = await DependencySite.StartAsync(Site(), [Lodash, ReactWithShared, SharedReact], configure: web =>
        {
            web.Use((context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = "script-src 'nonce-cGFnZQ=='";
                return next(context);
            });
            web.UseStaticFiles();
        });
        var page = await PageAsync(app, "/index.html");
        StringAssert.Contains(page, Link(Lodash, " nonce=\"cGFnZQ==\"") + Link(ReactWithShared, " nonce=\"cGFnZQ==\""));
    }

    [TestMethod]
    public async Task Without_dependencies_a_page_gets_no_links()
    {
        await using var app = await DependencySite.StartAsync(Site(), [], configure: web => web.UseStaticFiles());
        Assert.IsFalse((await PageAsync(app, "/index.html")).Contains("modulepreload", StringComparison.Ordinal));
    }
}
