using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Custom elements, hot (docs/runtime.md, "Custom elements"): a self-accepting module that defines an element
/// defines it again on each edit; existing instances take the new class in place, keep their properties, re-render
/// (Lit's requestUpdate, or the element's own hotReplacedCallback) and get the new shadow styles, with no
/// NotSupportedError from customElements.define and no reload.</summary>
[TestClass]
public sealed class CustomElementTests : ScenarioTest
{
    private const string CounterText = "() => document.querySelector('hot-counter')?.shadowRoot?.textContent?.trim() ?? null";

    [TestMethod]
    public async Task LitAndPlainElements_TakeTheNewClassInPlace_KeepingTheirState()
    {
        var app = await UseAppAsync(SharedApps.DependenciesAsync);
        var tab = await OpenAsync("/elements.html");
        await tab.WaitForAsync($"({CounterText})() === 'lit one 0'", "the Lit element");
        await tab.WaitForTextAsync("plain-badge", "plain one");
        await tab.Page.EvaluateAsync("async () => { const c = document.querySelector('hot-counter'); c.count = 5; await c.updateComplete; }");
        await tab.WaitForAsync($"({CounterText})() === 'lit one 5'", "the state set on the instance");

        app.EditWebFile("elements.lit.js", "lit one", "lit two");
        app.EditWebFile("elements.lit.js", "rgb(255, 0, 0)", "rgb(0, 0, 255)");

        await tab.WaitForAsync($"({CounterText})() === 'lit two 5'", "the new render with the kept property");
        await tab.WaitForAsync("() => getComputedStyle(document.querySelector('hot-counter').shadowRoot.querySelector('span')).color === 'rgb(0, 0, 255)'",
            "the new shadow styles");

        app.EditWebFile("elements.plain.js", "plain one", "plain two");
        await tab.WaitForTextAsync("plain-badge", "plain two");
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => window.plainReplaced"), "hotReplacedCallback ran once");

        // A new instance is built by the latest class too.
        await tab.Page.EvaluateAsync("async () => { const c = document.createElement('hot-counter'); c.id = 'fresh'; document.body.append(c); await c.updateComplete; }");
        Assert.AreEqual("lit two 0", await tab.Page.EvaluateAsync<string>("() => document.getElementById('fresh').shadowRoot.textContent.trim()"));
        Assert.IsFalse(tab.ConsoleErrors.Any(e => e.Contains("NotSupportedError", StringComparison.Ordinal) || e.Contains("already been", StringComparison.Ordinal)),
            string.Join("\n", tab.ConsoleErrors));
        await tab.AssertNoReloadAsync();
    }
}
