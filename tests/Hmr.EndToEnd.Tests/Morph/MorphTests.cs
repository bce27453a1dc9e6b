using System.Text.Json;
using Hmr.EndToEnd.Tests.Equivalence;
using Hmr.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hmr.EndToEnd.Tests.Morph;

/// <summary>The client's morph (src/Hmr.Runtime/Client/morph.js) in Chromium, case by case: a page is built from the
/// server's earlier markup, a script and the user change it, and the server's new markup is morphed in. Each case
/// checks what the user sees afterwards and which elements survived.</summary>
[TestClass]
public sealed class MorphTests
{
    private static StaticFileServer? server;
    private static string? harnessFolder;
    private static IBrowserContext? context;
    private static IPage? page;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        harnessFolder = Directory.CreateTempSubdirectory("hmr-morph-").FullName;
        File.WriteAllText(Path.Combine(harnessFolder, "index.html"), "<!DOCTYPE html><html><head><title>harness</title></head><body></body></html>");
        // A page under a nonce-based style policy, with the page's nonce where the preamble leaves it.
        File.WriteAllText(Path.Combine(harnessFolder, "csp.html"), """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="style-src 'nonce-pagenonce'">
            <script>window.__hmrNonce = 'pagenonce';</script><title>csp</title></head><body></body></html>
            """);
        server = new StaticFileServer(("/_hmr/", Path.Combine(RepoPackage.RepoRoot, "src/Hmr.Runtime/Client")), ("/", harnessFolder));
        context = await (await Browser.GetAsync()).NewContextAsync();
        page = await context.NewPageAsync();
        await page.GotoAsync(server.Url("/index.html"));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (context is not null) await context.CloseAsync();
        server?.Dispose();
        if (harnessFolder is not null) Directory.Delete(harnessFolder, recursive: true);
    }

    /// <summary>Builds the body from <paramref name="before"/>, runs <paramref name="act"/> (a script's and the user's
    /// doing; `mark(el)` tags an element to check it survives), morphs to <paramref name="after"/> (base = before, or
    /// none), and returns the body's markup and the marks that are still in the document.</summary>
    private static async Task<(string Body, string[] Kept)> MorphAsync(string before, string after, string act = "", bool withBase = true)
    {
        var result = await page!.EvaluateAsync<JsonElement>("""
            async ([before, after, act, withBase]) => {
              const { morphDocument } = await import('/_hmr/morph.js');
              const parse = (body) => new DOMParser().parseFromString(`<!DOCTYPE html><html><head><title>harness</title></head><body>${body}</body></html>`, 'text/html');
              document.body.innerHTML = before;
              const marks = [];
              const mark = (element, name) => { element.__mark = name; marks.push(element); };
              new Function('mark', act)(mark);
              morphDocument(document, withBase ? parse(before) : null, parse(after));
              return {
                body: document.body.innerHTML.replace(/\s+/g, ' ').trim(),
                kept: marks.filter((element) => element.isConnected).map((element) => element.__mark),
              };
            }
            """, new object[] { before, after, act, withBase });
        return (result.GetProperty("body").GetString()!, [.. result.GetProperty("kept").EnumerateArray().Select(e => e.GetString()!)]);
    }

    [TestMethod]
    public async Task ChangedText_IsUpdated_InTheSameElement()
    {
        var (body, kept) = await MorphAsync("<p id=a>one</p><p>two</p>", "<p id=a>one!</p><p>two!</p>",
            "mark(document.getElementById('a'), 'a'); mark(document.querySelectorAll('p')[1], 'second');");
        Assert.AreEqual("<p id=\"a\">one!</p><p>two!</p>", body);
        CollectionAssert.AreEqual(new[] { "a", "second" }, kept);
    }

    [TestMethod]
    public async Task WhatAScriptChanged_StaysWhereTheServerChangedNothing()
    {
        var (body, _) = await MorphAsync(
            "<button id=count class=btn>0</button><p id=msg>old</p>",
            "<button id=count class=btn>0</button><p id=msg>new</p>",
            "const b = document.getElementById('count'); b.textContent = '7'; b.classList.add('active'); document.body.append(Object.assign(document.createElement('div'), { id: 'widget' }));");
        Assert.AreEqual("<button id=\"count\" class=\"btn active\">7</button><p id=\"msg\">new</p><div id=\"widget\"></div>", body);
    }

    [TestMethod]
    public async Task WithoutABase_TheServersMarkupWins_ButElementsAreKept()
    {
        var (body, kept) = await MorphAsync("<button id=count>0</button>", "<button id=count>1</button><p>added</p>",
            "const b = document.getElementById('count'); b.textContent = '7'; mark(b, 'button');", withBase: false);
        Assert.AreEqual("<button id=\"count\">1</button><p>added</p>", body);
        CollectionAssert.AreEqual(new[] { "button" }, kept);
    }

    [TestMethod]
    public async Task AnElementInsertedAtTheTop_DoesNotShiftWhatTheUserTyped()
    {
        var (body, kept) = await MorphAsync(
            "<label>A</label><input name=a><input name=b>",
            "<p>new intro</p><label>A</label><input name=a><input name=b>",
            "const [a, b] = document.querySelectorAll('input'); a.value = 'typed a'; b.value = 'typed b'; mark(a, 'a'); mark(b, 'b');");
        Assert.AreEqual("<p>new intro</p><label>A</label><input name=\"a\"><input name=\"b\">", body);
        CollectionAssert.AreEqual(new[] { "a", "b" }, kept);
        var values = await page!.EvaluateAsync<string>("() => [...document.querySelectorAll('input')].map((i) => i.value).join('|')");
        Assert.AreEqual("typed a|typed b", values);
    }

    [TestMethod]
    public async Task ElementsTheServerReordered_AreMoved_NotRebuilt_AndFocusStays()
    {
        var (body, kept) = await MorphAsync(
            "<ul><li id=x>x</li><li id=y><input id=in></li><li id=z>z</li></ul>",
            "<ul><li id=z>z</li><li id=x>x</li><li id=y><input id=in></li></ul>",
            "const input = document.getElementById('in'); input.value = 'typing'; input.focus(); mark(input, 'input'); mark(document.getElementById('z'), 'z');");
        Assert.AreEqual("<ul><li id=\"z\">z</li><li id=\"x\">x</li><li id=\"y\"><input id=\"in\"></li></ul>", body);
        CollectionAssert.AreEqual(new[] { "input", "z" }, kept);
        Assert.AreEqual("in", await page!.EvaluateAsync<string>("() => document.activeElement.id"), "moveBefore keeps the focus");
    }

    [TestMethod]
    public async Task AttributeEdits_SetTheDefaults_TheUsersValueAndCheckStay()
    {
        await MorphAsync(
            "<input id=t value=one><input id=c type=checkbox><textarea id=n>first</textarea>",
            "<input id=t value=two placeholder=p><input id=c type=checkbox checked><textarea id=n>second</textarea>",
            "const t = document.getElementById('t'); t.value = 'user'; const c = document.getElementById('c'); c.checked = false; c.click(); c.click(); document.getElementById('n').value = 'user notes';");
        var state = await page!.EvaluateAsync<string>("""
            () => { const t = document.getElementById('t'), c = document.getElementById('c'), n = document.getElementById('n');
              return [t.value, t.defaultValue, t.placeholder, c.checked, c.defaultChecked, n.value, n.defaultValue].join('|'); }
            """);
        Assert.AreEqual("user|two|p|false|true|user notes|second", state);
    }

    [TestMethod]
    public async Task AnUntouchedField_FollowsTheNewDefault()
    {
        await MorphAsync("<input id=t value=one>", "<input id=t value=two>");
        Assert.AreEqual("two", await page!.EvaluateAsync<string>("() => document.getElementById('t').value"));
    }

    [TestMethod]
    public async Task RemovedServerElements_Go_ScriptsAndKeptElementsStay()
    {
        var (body, _) = await MorphAsync(
            "<p>stays</p><p id=gone>gone</p><script>window.ranAgain = (window.ranAgain ?? 0) + 1</script><div data-hmr-keep>kept <b>as is</b></div>",
            "<p>stays</p><div data-hmr-keep>server version</div>",
            "document.querySelector('[data-hmr-keep]').append('!');");
        Assert.AreEqual("<p>stays</p><script>window.ranAgain = (window.ranAgain ?? 0) + 1</script><div data-hmr-keep=\"\">kept <b>as is</b>!</div>", body);
    }

    [TestMethod]
    public async Task NewMarkupWithAScript_IsInsertedWithoutIt_AndNothingRuns()
    {
        var (body, _) = await MorphAsync("<p>a</p>", "<p>a</p><div>new<script>window.sneaked = true</script></div>");
        Assert.AreEqual("<p>a</p><div>new</div>", body);
        await Task.Delay(100);
        Assert.IsTrue(await page!.EvaluateAsync<bool>("() => window.sneaked === undefined"));
    }

    [TestMethod]
    public async Task MalformedMarkup_IsMorphedInAsTheBrowserParsesIt()
    {
        const string Malformed = "<p>unclosed <b>bold<div>block</p><table><tr><td>cell</table><li>stray";
        var parsed = await page!.EvaluateAsync<string>("(html) => { document.body.innerHTML = html; return document.body.innerHTML.replace(/\\s+/g, ' ').trim(); }", Malformed);
        var (body, kept) = await MorphAsync("<p>unclosed <b>bold</b></p>", Malformed, "mark(document.querySelector('p'), 'p');");
        Assert.AreEqual(parsed, body);
        CollectionAssert.AreEqual(new[] { "p" }, kept);
    }

    [TestMethod]
    public async Task ACustomElement_KeepsItsInstance_AndTheChildrenItRendered()
    {
        var (body, kept) = await MorphAsync(
            "<light-counter id=lc label=a></light-counter><p>x</p>",
            "<light-counter id=lc label=b></light-counter><p>y</p>",
            """
            if (!customElements.get('light-counter')) customElements.define('light-counter', class extends HTMLElement {
              static observedAttributes = ['label'];
              attributeChangedCallback() { this.textContent = 'rendered ' + this.getAttribute('label'); }
            });
            mark(document.getElementById('lc'), 'element');
            """);
        Assert.AreEqual("<light-counter id=\"lc\" label=\"b\">rendered b</light-counter><p>y</p>", body);
        CollectionAssert.AreEqual(new[] { "element" }, kept);
    }

    [TestMethod]
    public async Task TheHead_TitleAndStylesheetsAreMorphed_ElementsAScriptAddedStay()
    {
        var result = await page!.EvaluateAsync<string>("""
            async () => {
              const { morphDocument } = await import('/_hmr/morph.js');
              const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
              const before = '<!DOCTYPE html><html><head><title>one</title><meta name=description content=a><link rel=stylesheet href="data:text/css,p{}"></head><body></body></html>';
              const after = '<!DOCTYPE html><html lang=en><head><title>two</title><meta name=description content=b><style>p { color: rgb(1, 2, 3) }</style></head><body><p>x</p></body></html>';
              document.open(); document.write(before); document.close();
              document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: '/a.js' }));
              morphDocument(document, parse(before), parse(after));
              return [document.title, document.documentElement.lang, document.querySelector('meta').content,
                document.querySelectorAll('link[rel=stylesheet]').length, document.querySelectorAll('link[rel=modulepreload]').length,
                getComputedStyle(document.querySelector('p')).color].join('|');
            }
            """);
        Assert.AreEqual("two|en|b|0|1|rgb(1, 2, 3)", result);
    }

    [TestMethod]
    public async Task UnderANoncePolicy_ANewStyleGetsThePagesNonce_AndApplies()
    {
        await using var context = await (await Browser.GetAsync()).NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server!.Url("/csp.html"));
        var color = await tab.EvaluateAsync<string>("""
            async () => {
              const { morphDocument } = await import('/_hmr/morph.js');
              const parse = (body) => new DOMParser().parseFromString(`<!DOCTYPE html><html><head><title>csp</title></head><body>${body}</body></html>`, 'text/html');
              const before = '<p id="x">x</p>';
              // The new response's nonce: the live page's policy only knows the one it loaded with.
              const after = '<style nonce="responsenonce">#x { color: rgb(0, 0, 200); }</style><p id="x">x</p>';
              document.body.innerHTML = before;
              morphDocument(document, parse(before), parse(after));
              await new Promise((resolve) => requestAnimationFrame(resolve));
              return getComputedStyle(document.getElementById('x')).color;
            }
            """);
        Assert.AreEqual("rgb(0, 0, 200)", color);
    }
}
