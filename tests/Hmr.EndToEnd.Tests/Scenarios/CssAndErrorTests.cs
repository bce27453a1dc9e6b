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
        var tab = await OpenAsync("/css/index.html");
        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(255, 0, 0)'", "the red style");

        app.EditWebFile("css/style.css", "rgb(255, 0, 0)", "rgb(0, 0, 255)");

        await tab.WaitForAsync("() => getComputedStyle(document.getElementById('box')).color === 'rgb(0, 0, 255)'", "the blue style");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task SyntaxError_ShowsTheOverlayWithFileAndLine_FixClearsItAndApplies()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/syntaxerror/index.html");
        await tab.WaitForTextAsync("#out", "ok v1");

        app.EditWebFile("syntaxerror/main.js", "const label = 'ok v1';", "const label = ;");

        await tab.WaitForAsync($"() => ({OverlayText})() !== null", "the error overlay");
        var text = await tab.Page.EvaluateAsync<string>($"() => ({OverlayText})()");
        StringAssert.Contains(text, "/syntaxerror/main.js", "the overlay names the file");
        StringAssert.Matches(text, new System.Text.RegularExpressions.Regex(@"main\.js:2\b"), "the overlay gives file:line of the error");
        Assert.AreEqual("ok v1", await tab.TextAsync("#out"), "the broken version did not run");

        app.EditWebFile("syntaxerror/main.js", "const label = ;", "const label = 'ok v2';");

        await tab.WaitForTextAsync("#out", "ok v2");
        await tab.WaitForAsync($"() => ({OverlayText})() === null", "the overlay to go away");
        await tab.AssertNoReloadAsync();
    }
}
