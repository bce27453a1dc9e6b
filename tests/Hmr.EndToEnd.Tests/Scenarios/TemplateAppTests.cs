using System.Text.RegularExpressions;
using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>The .NET 10 <c>webapp</c> (Razor Pages) and <c>mvc</c> templates with the package, as a user makes them:
/// a module added to the layout, the template's own stylesheet, a page under a strict Content-Security-Policy, and
/// the errors a developer makes, under real dotnet watch and Chromium.</summary>
[TestClass]
public sealed partial class TemplateAppTests : ScenarioTest
{
    private static readonly Dictionary<string, WebApp> Apps = new(StringComparer.Ordinal);

    private const string HotModule = """
        // Added to the template's layout by the test: self-accepting, writes its version into the page.
        const out = document.getElementById('hot-out') ?? document.body.appendChild(Object.assign(document.createElement('p'), { id: 'hot-out' }));
        const label = 'hot v1';
        out.textContent = label;
        window.hotThrowLater = () => setTimeout(() => { throw new Error('thrown by ' + label); });

        if (import.meta.hot) {
          import.meta.hot.accept();
        }

        """;

    private const string CspModule = """
        document.getElementById('csp-out').textContent = 'csp v1';

        if (import.meta.hot) {
          import.meta.hot.accept();
        }

        """;

    // A per-request nonce and a policy without 'unsafe-inline', on the strict-CSP page only.
    private const string CspMiddleware = """
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value?.EndsWith("/Csp", StringComparison.OrdinalIgnoreCase) == true)
            {
                var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
                context.Items["csp-nonce"] = nonce;
                context.Response.Headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic'; connect-src 'self'; object-src 'none'; base-uri 'none'";
            }
            await next();
        });

        """;

    private static string CspPage(bool razorPage) => (razorPage ? "@page\n" : "") + """
        @{
            Layout = null;
            var nonce = ViewContext.HttpContext.Items["csp-nonce"] as string;
        }
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <title>Strict CSP</title>
            <script type="importmap" nonce="@nonce"></script>
        </head>
        <body>
            <p id="csp-out"></p>
            <script type="module" src="~/js/csp.js" nonce="@nonce"></script>
        </body>
        </html>

        """;

    private static bool IsRazorPages(string template) => template == "webapp";

    private static string CspPath(string template) => IsRazorPages(template) ? "/Csp" : "/Home/Csp";

    /// <summary>What the user adds to the fresh template: a module in the layout, and a page with a strict policy.</summary>
    private static void AddToTemplate(string directory, string template)
    {
        var pages = IsRazorPages(template);
        var layout = Path.Combine(directory, pages ? "Pages/Shared/_Layout.cshtml" : "Views/Shared/_Layout.cshtml");
        Replace(layout, "    @await RenderSectionAsync(\"Scripts\", required: false)",
            "    <script type=\"module\" src=\"~/js/hot.js\"></script>\n    <script type=\"module\" src=\"~/js/plain.js\"></script>\n"
            + "    @await RenderSectionAsync(\"Scripts\", required: false)");
        // A module that accepts nothing, and its dependency: an edit of the dependency is a dead end.
        File.WriteAllText(Path.Combine(directory, "wwwroot/js/plain.js"), "import { footer } from './footer.js';\ndocument.title += footer;\n");
        File.WriteAllText(Path.Combine(directory, "wwwroot/js/footer.js"), "export const footer = ' (v1)';\n");
        File.WriteAllText(Path.Combine(directory, "wwwroot/js/hot.js"), HotModule);
        File.WriteAllText(Path.Combine(directory, "wwwroot/js/csp.js"), CspModule);
        File.WriteAllText(Path.Combine(directory, pages ? "Pages/Csp.cshtml" : "Views/Home/Csp.cshtml"), CspPage(pages));
        if (!pages) Replace(Path.Combine(directory, "Controllers/HomeController.cs"), "    public IActionResult Privacy()", "    public IActionResult Csp() => View();\n\n    public IActionResult Privacy()");
        Replace(Path.Combine(directory, "Program.cs"), "app.UseRouting();", CspMiddleware + "app.UseRouting();");
        AddMarkupToTemplate(directory, pages);
    }

    private static void Replace(string path, string oldText, string newText)
    {
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal)) throw new InvalidOperationException($"Test error: '{oldText}' is not in {path}");
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static async Task<WebApp> TemplateAppAsync(string template)
    {
        await SharedApps.StopRunningAsync(); // one dotnet watch at a time
        foreach (var other in Apps.Values) other.Stop();
        if (!Apps.TryGetValue(template, out var app))
        {
            app = await WebApp.CreateFromTemplateAsync(template, directory => AddToTemplate(directory, template));
            Apps[template] = app;
        }
        await app.EnsureRunningAsync();
        return app;
    }

    [ClassCleanup]
    public static void StopApps()
    {
        foreach (var app in Apps.Values) app.Dispose();
        Apps.Clear();
    }

    private const string OverlayText = """
        () => document.querySelector('hmr-error-overlay')?.shadowRoot?.textContent ?? null
        """;

    [TestMethod]
    [DataRow("webapp")]
    [DataRow("mvc")]
    public async Task TheTemplate_BuildsWithNoHmrDiagnostic(string template)
    {
        var app = await UseAppAsync(() => TemplateAppAsync(template));
        // The template's vendor copies (wwwroot/lib: Bootstrap's ES build imports @popperjs/core, which the app does not
        // have) are loaded by no page: analysed quietly. What the user added is analysed and clean.
        var diagnostics = app.BuildOutput.Split('\n').Where(line => Regex.IsMatch(line, @"\b(warning|error) HMR\d{3}\b")).ToList();
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
        var graph = File.ReadAllText(Directory.GetFiles(Path.Combine(app.Directory, "obj"), "module-graph.json", SearchOption.AllDirectories).Single());
        StringAssert.Contains(graph, "\"pageEntries\"", "the graph records what the layout loads");
        StringAssert.Contains(graph, "\"/js/hot.js\"");
    }

    [TestMethod]
    [DataRow("webapp")]
    [DataRow("mvc")]
    public async Task ModuleInTheLayout_IsHot_CssIsHot_ARuntimeErrorAndAParserOnlyErrorAreShownUntilFixed(string template)
    {
        var app = await UseAppAsync(() => TemplateAppAsync(template));
        var tab = await OpenAsync("/");
        await tab.WaitForTextAsync("#hot-out", "hot v1");

        app.EditWebFile("js/hot.js", "'hot v1'", "'hot v2'");
        await tab.WaitForTextAsync("#hot-out", "hot v2");

        // The template's own stylesheet, linked with asp-append-version through MapStaticAssets.
        File.AppendAllText(Path.Combine(app.WebRoot, "css/site.css"), "\n#hot-out { color: rgb(0, 128, 0); }\n");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('hot-out')).color === 'rgb(0, 128, 0)'", "the new style");

        // A runtime error of the app's module: the non-blocking panel, at the module's line.
        await tab.Page.EvaluateAsync("() => window.hotThrowLater()");
        await tab.WaitForAsync("() => document.querySelector('hmr-runtime-error') !== null", "the runtime error panel");
        StringAssert.Matches(await tab.Page.EvaluateAsync<string>("() => document.querySelector('hmr-runtime-error').shadowRoot.textContent"),
            new Regex(@"Error: thrown by hot v2\s+/js/hot\.js:5:\d+"));

        app.EditWebFile("js/hot.js", "const label = 'hot v2';", "const label = 'hot v2' +;");
        await tab.WaitForAsync($"({OverlayText})() !== null", "the syntax error overlay");
        StringAssert.Matches(await tab.Page.EvaluateAsync<string>(OverlayText), new Regex(@"/js/hot\.js:3:\d+"));
        Assert.AreEqual("hot v2", await tab.TextAsync("#hot-out"), "the broken version did not run");

        app.EditWebFile("js/hot.js", "const label = 'hot v2' +;", "const label = 'hot v3';");
        await tab.WaitForTextAsync("#hot-out", "hot v3");
        await tab.WaitForAsync($"({OverlayText})() === null", "the overlay to go away");
        await tab.WaitForAsync("() => document.querySelector('hmr-runtime-error') === null", "the good update of hot.js to clear the runtime panel");
        await Task.Delay(1500);
        Assert.AreEqual(1, tab.Loads, "no full reload");
    }

    [TestMethod]
    [DataRow("webapp")]
    [DataRow("mvc")]
    public async Task PageUnderAStrictContentSecurityPolicy_UpdatesInPlace(string template)
    {
        var app = await UseAppAsync(() => TemplateAppAsync(template));
        var tab = await OpenAsync(CspPath(template));
        await tab.WaitForTextAsync("#csp-out", "csp v1");

        app.EditWebFile("js/csp.js", "'csp v1'", "'csp v2'");

        await tab.WaitForTextAsync("#csp-out", "csp v2");
        await tab.AssertNoReloadAsync();
        var refusedOfOurs = tab.ConsoleErrors.Where(e => e.Contains("/_hmr/", StringComparison.Ordinal) || e.Contains("importmap", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.AreEqual(0, refusedOfOurs.Count, string.Join("\n", refusedOfOurs));
    }

    [TestMethod]
    [DataRow("webapp")]
    [DataRow("mvc")]
    public async Task ADeadEndEdit_SaysWhyBeforeReloading_InTheConsoleAndTheServerLog(string template)
    {
        var app = await UseAppAsync(() => TemplateAppAsync(template));
        var tab = await OpenAsync("/");
        await tab.WaitForAsync("() => document.title.endsWith(' (v1)')", "plain.js to run");

        app.EditWebFile("js/footer.js", "(v1)", "(v2)");

        const string Reason = "/js/footer.js changed; no module accepts it: /js/footer.js <- /js/plain.js <- the page";
        await tab.WaitForLogAsync("[console.info]", "[hmr] reload: " + Reason, "the reason before the reload");
        await tab.AssertExactlyOneReloadAsync();
        await tab.WaitForLogAsync("[console.info]", "[hmr] reloaded: " + Reason, "the reason again in the reloaded page");
        await tab.WaitForAsync("() => document.title.endsWith(' (v2)')", "the new version after the reload");
        StringAssert.Contains(app.WatchOutput, "page reload: " + Reason, "the server log's one line");
    }
}
