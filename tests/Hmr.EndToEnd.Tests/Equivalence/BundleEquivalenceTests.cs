using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hmr.Bundler.Prebundling;
using Hmr.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hmr.EndToEnd.Tests.Equivalence;

/// <summary>Equivalence in Chromium (docs/dependencies.md, "How equivalence is checked"): a page that uses a broad set
/// of the exports of real packages gives the same results bundled by Hmr.Bundler as unbundled (the packages' own ES
/// files through an import map) for lodash-es, date-fns, rxjs, d3, lit, preact + htm, three, vue, immer, zod and nanoid;
/// for the CommonJS ones, dayjs gives what Node gives on the package itself, and React with react-dom/client renders,
/// runs effects and updates state, which it does only with one React instance. And all of them, ES and CommonJS, give
/// the same results bundled by us as bundled by Vite 7's dependency optimizer (its dev server, on the same pages).</summary>
[TestClass]
public sealed class BundleEquivalenceTests
{
    private static readonly string[] EsSpecifiers =
    [
        "lodash-es", "date-fns", "rxjs", "rxjs/operators", "d3", "lit", "lit-html", "preact", "preact/hooks", "htm", "three",
        "vue", "immer", "zod", "nanoid",
    ];

    private static readonly string[] CommonJsSpecifiers = ["react", "react-dom/client", "react-dom", "dayjs", "dayjs/plugin/utc"];

    private static string project = "";
    private static string packagesFolder = "";
    private static StaticFileServer? server;
    private static DependencyOptimizerResult? bundled;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void BundleOnce(TestContext _)
    {
        project = Directory.CreateTempSubdirectory("hmr-equivalence-").FullName;
        NpmPackages.LinkInto(project);
        packagesFolder = Path.GetFullPath(new DirectoryInfo(Path.Combine(project, "node_modules")).ResolveLinkTarget(true)!.FullName);
        var site = Path.Combine(AppContext.BaseDirectory, "Sites", "equivalence");
        var webRoot = Directory.CreateDirectory(Path.Combine(project, "wwwroot")).FullName;
        foreach (var file in Directory.GetFiles(site)) File.Copy(file, Path.Combine(webRoot, Path.GetFileName(file)));

        bundled = DependencyOptimizer.Optimize(new DependencyOptimizerRequest
        {
            ProjectDirectory = project,
            OutputDirectory = Path.Combine(project, "obj", "hmr", "deps"),
            Uses = [.. EsSpecifiers.Select(s => new DependencyUse(s, "wwwroot/es.js", 1, 1)),
                .. CommonJsSpecifiers.Select(s => new DependencyUse(s, "wwwroot/cjs.js", 1, 1))],
        });
        Assert.AreEqual(0, bundled.Manifest.Failed.Count, string.Join("\n", bundled.Diagnostics.Select(d => $"{d.File}({d.Line},{d.Column}): {d.Code} {d.Message}")));

        var bundledMap = new JsonObject { ["imports"] = new JsonObject(bundled.Manifest.Imports.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))) };
        var unbundledMap = UnbundledImportMap.Build(project, Path.Combine(webRoot, "es.js"), EsSpecifiers, PackageUrl);
        WritePage(webRoot, "es-bundled.html", bundledMap, "/es.js", shim: false);
        // The packages' ES builds read process.env.NODE_ENV and Vue's feature flags, which a bundler defines (as ours
        // and Vite's do); loaded unbundled, the page must define them itself.
        WritePage(webRoot, "es-unbundled.html", unbundledMap, "/es.js", shim: true);
        WritePage(webRoot, "cjs-bundled.html", bundledMap, "/cjs.js", shim: false);
        server = new StaticFileServer(("/_deps/", Path.Combine(project, "obj", "hmr", "deps")), ("/node_modules/", packagesFolder), ("/", webRoot));

        // The same modules for Vite, in pages without an import map: Vite resolves and pre-bundles the bare imports.
        viteRoot = Directory.CreateDirectory(Path.Combine(project, "vite-site")).FullName;
        foreach (var module in new[] { "es.js", "cjs.js" }) File.Copy(Path.Combine(site, module), Path.Combine(viteRoot, module));
        foreach (var module in new[] { "es", "cjs" }) WritePage(viteRoot, $"{module}.html", importMap: null, $"/{module}.js", shim: false);
        Directory.CreateSymbolicLink(Path.Combine(viteRoot, "node_modules"), packagesFolder);
    }

    private static string viteRoot = "";

    private static string PackageUrl(string file)
    {
        var relative = Path.GetRelativePath(packagesFolder, file);
        if (relative.StartsWith("..", StringComparison.Ordinal)) throw new InvalidOperationException($"{file} is not under {packagesFolder}");
        return "/node_modules/" + relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static void WritePage(string webRoot, string name, JsonObject? importMap, string module, bool shim)
    {
        var defines = shim
            ? "<script>globalThis.process = { env: { NODE_ENV: 'development' } }; globalThis.__VUE_OPTIONS_API__ = true; globalThis.__VUE_PROD_DEVTOOLS__ = false; globalThis.__VUE_PROD_HYDRATION_MISMATCH_DETAILS__ = false;</script>\n"
            : "";
        File.WriteAllText(Path.Combine(webRoot, name), $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><link rel="icon" href="data:,">
            {defines}{(importMap is null ? "" : $"<script type=\"importmap\">{importMap.ToJsonString()}</script>")}
            </head><body><script type="module" src="{module}"></script></body></html>
            """);
    }

    [ClassCleanup]
    public static void CleanUp()
    {
        server?.Dispose();
        try { Directory.Delete(project, recursive: true); } catch (IOException) { }
    }

    /// <summary>The page's results, from a fresh browser context; fails on any page error, console error or failed request.</summary>
    private static async Task<JsonObject> ResultsAsync(string page) => await ResultsAtAsync(server!.Url(page));

    private static async Task<JsonObject> ResultsAtAsync(string url)
    {
        var page = url;
        var browser = await Browser.GetAsync();
        await using var context = await browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        var problems = new List<string>();
        tab.PageError += (_, e) => problems.Add("page error: " + e);
        tab.Console += (_, m) => { if (m.Type == "error") problems.Add("console: " + m.Text); };
        tab.RequestFailed += (_, r) => problems.Add("request failed: " + r.Url);
        tab.Response += (_, r) => { if (r.Status >= 400) problems.Add($"{r.Status}: {r.Url}"); };
        await tab.GotoAsync(url);
        try
        {
            await tab.WaitForFunctionAsync("() => typeof window.__results === 'string'", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{page} never finished:\n{string.Join("\n", problems)}");
        }
        Assert.AreEqual(0, problems.Count, $"{page}:\n{string.Join("\n", problems)}");
        return JsonNode.Parse(await tab.EvaluateAsync<string>("() => window.__results"))!.AsObject();
    }

    [TestMethod]
    public async Task EsPackages_BundledByUs_GiveTheResultsOfTheirOwnFiles()
    {
        var ours = await ResultsAsync("/es-bundled.html");
        var unbundled = await ResultsAsync("/es-unbundled.html");

        CollectionAssert.AreEquivalent(unbundled.Select(p => p.Key).ToList(), ours.Select(p => p.Key).ToList());
        var differences = unbundled.Where(p => !JsonNode.DeepEquals(p.Value, ours[p.Key]))
            .Select(p => $"{p.Key}:\n  unbundled {p.Value!.ToJsonString()}\n  bundled   {ours[p.Key]!.ToJsonString()}").ToList();
        Assert.AreEqual(0, differences.Count, string.Join("\n", differences));
        foreach (var (package, results) in ours) TestContext.WriteLine($"{package}: same results bundled and unbundled ({results!.ToJsonString().Length} chars)");
        // One instance of what is shared: lit and lit-html give the same html tag, preact's hooks run in the one preact.
        Assert.IsTrue(ours["lit"]!["oneLitHtml"]!.GetValue<bool>(), "lit and lit-html share one lit-html");
        Assert.AreEqual("<b>PREACT</b><i>3</i>", ours["preact"]!["render"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task CommonJsPackages_Bundled_BehaveAsThePackagesDo()
    {
        var ours = await ResultsAsync("/cjs-bundled.html");

        File.Copy(Path.Combine(project, "wwwroot", "dayjs-node.cjs"), Path.Combine(project, "dayjs-node.cjs"), overwrite: true);
        var node = Process.Start(new ProcessStartInfo("node", "dayjs-node.cjs") { WorkingDirectory = project, RedirectStandardOutput = true })!;
        var nodeOutput = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.AreEqual(0, node.ExitCode);
        Assert.IsTrue(JsonNode.DeepEquals(JsonNode.Parse(nodeOutput), ours["dayjs"]), $"dayjs in Node: {nodeOutput.Trim()}\nbundled: {ours["dayjs"]!.ToJsonString()}");

        var react = ours["react"]!;
        Assert.AreEqual("<p id=\"react-count\">count 3</p>", react["html"]!.GetValue<string>(), "state, effects and re-renders: one React shared with react-dom");
        Assert.IsGreaterThanOrEqualTo(3, react["effects"]!.GetValue<int>());
        var reactVersion = JsonNode.Parse(File.ReadAllText(Path.Combine(packagesFolder, "react", "package.json")))!["version"]!.GetValue<string>();
        Assert.AreEqual(reactVersion, react["version"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task EsAndCommonJsPackages_BundledByUs_GiveTheResultsOfVitesOptimizer()
    {
        using var vite = await ViteDevServer.StartAsync(viteRoot, EsSpecifiers.Concat(CommonJsSpecifiers));
        foreach (var (ourPage, vitePage) in new[] { ("/es-bundled.html", "/es.html"), ("/cjs-bundled.html", "/cjs.html") })
        {
            var ours = await ResultsAsync(ourPage);
            JsonObject theirs;
            try { theirs = await ResultsAtAsync(vite.Url(vitePage)); }
            catch (AssertFailedException e) { throw new AssertFailedException($"{e.Message}\n--- Vite ---\n{vite.Output}", e); }

            CollectionAssert.AreEquivalent(theirs.Select(p => p.Key).ToList(), ours.Select(p => p.Key).ToList(), vitePage);
            var differences = theirs.Where(p => !JsonNode.DeepEquals(p.Value, ours[p.Key]))
                .Select(p => $"{p.Key}:\n  Vite {p.Value!.ToJsonString()}\n  ours {ours[p.Key]!.ToJsonString()}").ToList();
            Assert.AreEqual(0, differences.Count, string.Join("\n", differences));
            foreach (var package in ours.Select(p => p.Key)) TestContext.WriteLine($"{package}: same results bundled by us and by Vite");
        }
        // Vite did pre-bundle them (its optimizer's output, not the packages' own files, answered the pages).
        Assert.IsTrue(Directory.Exists(Path.Combine(viteRoot, ".vite-cache", "deps")), vite.Output);
    }
}
