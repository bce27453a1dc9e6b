using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Markup edits in the templates' apps (docs/runtime.md, "Markup edits"): a Razor page, partial or layout
/// edit that dotnet watch applies, and an edit of a static HTML page, are morphed into the open page, which keeps what
/// the user typed, focus, selection, scroll and a script's state; a change to the page's scripts reloads it once, and
/// says why.</summary>
public sealed partial class TemplateAppTests
{
    // A counter whose state lives in the module and in the button's text (which the server renders as 0).
    private const string CounterModule = """
        window.counterRuns = (window.counterRuns ?? 0) + 1;
        let count = 0;
        const button = document.getElementById('morph-counter');
        button.addEventListener('click', () => { count++; button.textContent = String(count); });
        window.counterState = () => count;

        """;

    private const string MorphArea = """

        <section id="morph-area">
            <p id="markup-text">markup v1</p>
            <partial name="_Greeting" />
            <form id="morph-form" method="get">
                <input id="morph-name" name="name" />
                <textarea id="morph-notes" name="notes">notes v1</textarea>
            </form>
            <button id="morph-counter" type="button">0</button>
            <div style="height: 3000px"></div>
        </section>
        <script type="module" src="~/js/counter.js"></script>

        """;

    private const string StaticPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <title>static v1</title>
        </head>
        <body>
            <p id="markup-text">markup v1</p>
            <form id="morph-form">
                <input id="morph-name" name="name" />
                <textarea id="morph-notes" name="notes">notes v1</textarea>
            </form>
            <button id="morph-counter" type="button">0</button>
            <div style="height: 3000px"></div>
            <script type="module" src="/js/counter.js"></script>
        </body>
        </html>

        """;

    private static string IndexView(bool pages) => pages ? "Pages/Index.cshtml" : "Views/Home/Index.cshtml";

    private static string SharedViews(bool pages) => pages ? "Pages/Shared" : "Views/Shared";

    /// <summary>What the user adds for the markup tests: a form, a counter and a partial on the home page, a line in
    /// the layout, and a static page.</summary>
    private static void AddMarkupToTemplate(string directory, bool pages)
    {
        File.AppendAllText(Path.Combine(directory, IndexView(pages)), MorphArea);
        File.WriteAllText(Path.Combine(directory, SharedViews(pages), "_Greeting.cshtml"), "<p id=\"greeting\">greeting v1</p>\n");
        Replace(Path.Combine(directory, SharedViews(pages), "_Layout.cshtml"), "    @await RenderSectionAsync(\"Scripts\", required: false)",
            "    <p id=\"layout-note\">layout v1</p>\n    @await RenderSectionAsync(\"Scripts\", required: false)");
        File.WriteAllText(Path.Combine(directory, "wwwroot/js/counter.js"), CounterModule);
        File.WriteAllText(Path.Combine(directory, "wwwroot/morph.html"), StaticPage);
    }

    /// <summary>What the user does before the edit: types, counts to 3, scrolls, and leaves the caret in the field.</summary>
    private static async Task PutUserStateAsync(PageSession tab)
    {
        await tab.WaitForAsync("() => typeof window.counterState === 'function'", "counter.js to run");
        await tab.Page.FillAsync("#morph-notes", "my own notes");
        await tab.Page.FillAsync("#morph-name", "typed by user");
        for (var i = 0; i < 3; i++) await tab.Page.ClickAsync("#morph-counter");
        await tab.Page.EvaluateAsync("() => { const name = document.getElementById('morph-name'); name.focus(); name.setSelectionRange(2, 5); window.scrollTo(0, 600); }");
    }

    private const string UserState = """
        () => {
          const name = document.getElementById('morph-name');
          return [
            'name=' + name.value,
            'notes=' + document.getElementById('morph-notes').value,
            'focus=' + document.activeElement?.id,
            'selection=' + name.selectionStart + '-' + name.selectionEnd,
            'scroll=' + Math.round(window.scrollY),
            'counter=' + window.counterState() + '/' + document.getElementById('morph-counter').textContent,
            'runs=' + window.counterRuns,
          ].join(' ');
        }
        """;

    private const string UserStateKept = "name=typed by user notes=my own notes focus=morph-name selection=2-5 scroll=600 counter=3/3 runs=1";

    private static async Task AssertUserStateKeptAsync(PageSession tab, string after)
    {
        var state = await tab.Page.EvaluateAsync<string>(UserState);
        if (state != UserStateKept) tab.Fail($"after {after}, expected the user's state kept ({UserStateKept}), saw: {state}");
    }

    [TestMethod]
    [DataRow("webapp")]
    [DataRow("mvc")]
    public async Task RazorPagePartialAndLayoutEdits_AreMorphedIn_KeepingInputFocusScrollAndScriptState(string template)
    {
        var app = await UseAppAsync(() => TemplateAppAsync(template));
        var pages = IsRazorPages(template);
        var tab = await OpenAsync("/");
        await PutUserStateAsync(tab);

        app.EditProjectFile(IndexView(pages), "markup v1", "markup v2");
        await tab.WaitForTextAsync("#markup-text", "markup v2");
        await AssertUserStateKeptAsync(tab, "the page's edit");
        await tab.WaitForLogAsync("[console.info]", "[hmr] page updated in place", "the morph's console line");

        app.EditProjectFile($"{SharedViews(pages)}/_Greeting.cshtml", "greeting v1", "greeting v2");
        await tab.WaitForTextAsync("#greeting", "greeting v2");
        await AssertUserStateKeptAsync(tab, "the partial's edit");

        app.EditProjectFile($"{SharedViews(pages)}/_Layout.cshtml", "layout v1", "layout v2");
        await tab.WaitForTextAsync("#layout-note", "layout v2");
        await AssertUserStateKeptAsync(tab, "the layout's edit");

        // A view that does not compile: dotnet watch reports it and applies nothing, so the page stays as it is; the
        // fix is applied and morphed in.
        app.EditProjectFile(IndexView(pages), "markup v2", "markup v3 @(1 +)");
        await Task.Delay(4000);
        Assert.AreEqual("markup v2", await tab.TextAsync("#markup-text"));
        app.EditProjectFile(IndexView(pages), "markup v3 @(1 +)", "markup v3");
        await tab.WaitForTextAsync("#markup-text", "markup v3");
        await AssertUserStateKeptAsync(tab, "a compile error and its fix");

        // Scoped CSS stays dotnet watch's to swap (its bundle is rebuilt); nothing reloads.
        File.AppendAllText(Path.Combine(app.Directory, SharedViews(pages), "_Layout.cshtml.css"), "\n#layout-note { color: rgb(0, 0, 128); }\n");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('layout-note')).color === 'rgb(0, 0, 128)'", "the scoped style");
        await AssertUserStateKeptAsync(tab, "the scoped CSS edit");
        await tab.AssertNoReloadAsync();

        // A new script is something a morph cannot do right (it would not run, or run twice): one reload, with the reason.
        app.EditProjectFile(IndexView(pages), "<p id=\"markup-text\">", "<script>window.addedScriptRan = true;</script>\n<p id=\"markup-text\">");
        await tab.WaitForLogAsync("[console.info]", "a script was added or changed", "the reason before the reload");
        await tab.AssertExactlyOneReloadAsync();
        await tab.WaitForAsync("() => window.addedScriptRan === true", "the added script to run after the reload");
        await tab.WaitForLogAsync("[console.info]", "[hmr] reloaded: dotnet watch applied a code change; a script was added or changed", "the reason again after the reload");
    }

    [TestMethod]
    public async Task ARazorEditThatFailsToRender_IsNotMorphedIn_ThePageReloadsOnceToShowTheError()
    {
        var app = await UseAppAsync(() => TemplateAppAsync("webapp"));
        var tab = await OpenAsync("/");
        await tab.WaitForTextAsync("#markup-text", "markup v1");

        app.EditProjectFile(IndexView(pages: true), "<p id=\"markup-text\">markup v1</p>", "<p id=\"markup-text\">@(((string?)null)!.Length)</p>");
        await tab.WaitForLogAsync("[console.info]", "[hmr] reload: dotnet watch applied a code change; the page now answers 500", "the reason before the reload");
        await tab.AssertExactlyOneReloadAsync();
        // What the server answers now, shown as the browser shows it (the developer exception page, when it can render).
        await tab.WaitForAsync("() => performance.getEntriesByType('navigation')[0]?.responseStatus === 500", "the error page after the reload");
    }

    [TestMethod]
    public async Task StaticHtmlPageEdit_IsMorphedIn_TitleToo_AndANewScriptReloadsOnce()
    {
        var app = await UseAppAsync(() => TemplateAppAsync("webapp"));
        var tab = await OpenAsync("/morph.html");
        await PutUserStateAsync(tab);

        app.EditWebFile("morph.html", "markup v1", "markup v2");
        await tab.WaitForTextAsync("#markup-text", "markup v2");
        await AssertUserStateKeptAsync(tab, "the page's edit");

        app.EditWebFile("morph.html", "<title>static v1</title>", "<title>static v2</title>");
        await tab.WaitForAsync("() => document.title === 'static v2'", "the new title");
        await AssertUserStateKeptAsync(tab, "the title's edit");
        await tab.AssertNoReloadAsync();

        app.EditWebFile("morph.html", "<p id=\"markup-text\">", "<script type=\"module\" src=\"/js/hot.js\"></script>\n<p id=\"markup-text\">");
        await tab.WaitForLogAsync("[console.info]", "[hmr] reload: /morph.html changed; a script was added or changed", "the reason before the reload");
        await tab.AssertExactlyOneReloadAsync();
    }
}
