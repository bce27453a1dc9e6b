using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Stylesheet swaps and the error overlay.</summary>
[TestClass]
public sealed class CssAndErrorTests : ScenarioTest
{
    /// <summary>Text of the error overlay (a custom element named hmr-*, content possibly in its shadow root), or null when none is shown.</summary>
    private const string OverlayText = """
        () => {
          const el = document.querySelector('hmr-error-overlay')
            ?? [...document.querySelectorAll('*')].find(e => e.tagName.toLowerCase().startsWith('hmr-'));
          if (!el || !el.isConnected || !el.checkVisibility()) return null;
          return ((el.shadowRoot?.textContent ?? '') + ' ' + el.textContent).replace(/\s+/g, ' ');
        }
        """;

    [TestMethod]
    public async Task StylesheetEdit_SwapsTheStyleWithoutReload()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/css.html");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(255, 0, 0)'", "the red style");

        app.EditWebFile("css.style.css", "rgb(255, 0, 0)", "rgb(0, 0, 255)");

        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(0, 0, 255)'", "the blue style");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task StylesheetWithAQuery_KeepsItsQueryAcrossSwaps()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/css-query.html");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(255, 0, 0)'", "the red style");
        const string Href = "() => document.querySelector(\"link[rel='stylesheet']\").getAttribute('href')";

        app.EditWebFile("css.query.css", "rgb(255, 0, 0)", "rgb(0, 0, 255)");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(0, 0, 255)'", "the blue style");
        StringAssert.Matches(await tab.Page.EvaluateAsync<string>(Href), new System.Text.RegularExpressions.Regex(@"^/css\.query\.css\?param=required&t=\d+$"));

        // A second swap replaces the timestamp; the link's own query stays once.
        app.EditWebFile("css.query.css", "rgb(0, 0, 255)", "rgb(0, 128, 0)");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(0, 128, 0)'", "the green style");
        StringAssert.Matches(await tab.Page.EvaluateAsync<string>(Href), new System.Text.RegularExpressions.Regex(@"^/css\.query\.css\?param=required&t=\d+$"));
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => document.querySelectorAll(\"link[rel='stylesheet']\").length"));
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task SyntaxError_ShowsTheOverlayWithFileAndLine_FixClearsItAndApplies()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/syntaxerror.html");
        await tab.WaitForTextAsync("#out", "ok v1");

        // An unterminated string on line 2: an error the server's analysis sees, so it reports it instead of an update.
        app.EditWebFile("syntaxerror.main.js", "const label = 'ok v1';", "const label = 'ok v1;");

        await tab.WaitForAsync($"() => ({OverlayText})() !== null", "the error overlay");
        var text = await tab.Page.EvaluateAsync<string>($"() => ({OverlayText})()");
        StringAssert.Contains(text, "/syntaxerror.main.js", "the overlay names the file");
        StringAssert.Matches(text, new System.Text.RegularExpressions.Regex(@"syntaxerror\.main\.js:2\b"), "the overlay gives file:line of the error");
        Assert.AreEqual("ok v1", await tab.TextAsync("#out"), "the broken version did not run");

        app.EditWebFile("syntaxerror.main.js", "const label = 'ok v1;", "const label = 'ok v2';");

        await tab.WaitForTextAsync("#out", "ok v2");
        await tab.WaitForAsync($"() => ({OverlayText})() === null", "the overlay to go away");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task GrammarErrorOnlyTheParserSees_ShowsTheOverlayAfterTheUpdate_NewPagesToo_FixClearsIt()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/syntaxerror.html");
        await tab.WaitForTextAsync("#out", "ok v1");

        // Tokens are fine (the lexer passes it, so the update goes out as usual); the full parser, checking the served
        // module in the background, rejects it as the browser does, and the page gets the overlay at line 2.
        app.EditWebFile("syntaxerror.main.js", "const label = 'ok v1';", "const label = ;");
        await tab.WaitForAsync($"() => ({OverlayText})() !== null", "the error overlay");
        var text = await tab.Page.EvaluateAsync<string>($"() => ({OverlayText})()");
        StringAssert.Contains(text, "HMR030");
        StringAssert.Contains(text, "/syntaxerror.main.js:2:15", "the overlay gives file:line:column");
        StringAssert.Contains(text, "const label = ;", "the code frame");
        Assert.AreEqual("ok v1", await tab.TextAsync("#out"), "the broken version did not run");
        await tab.AssertNoReloadAsync();

        // A page opened while the file is broken gets the same overlay from the module's stand-in.
        var fresh = await OpenAsync("/syntaxerror.html");
        await fresh.WaitForAsync($"() => ({OverlayText})() !== null", "the overlay on a page loaded while broken");
        StringAssert.Contains(await fresh.Page.EvaluateAsync<string>($"() => ({OverlayText})()"), "/syntaxerror.main.js:2:15");

        app.EditWebFile("syntaxerror.main.js", "const label = ;", "const label = 'ok v3';");

        await tab.WaitForTextAsync("#out", "ok v3");
        await tab.WaitForAsync($"() => ({OverlayText})() === null", "the overlay to go away");
        await tab.AssertNoReloadAsync();
        await fresh.WaitForTextAsync("#out", "ok v3");
        await fresh.WaitForAsync($"() => ({OverlayText})() === null", "the overlay to go away on the other page");
    }
}
