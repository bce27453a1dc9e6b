using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>acceptExports: a partial self-accept is a boundary for importers that use only the accepted names.</summary>
[TestClass]
public sealed class AcceptExportsTests : ScenarioTest
{
    [TestMethod]
    public async Task ImporterUsingOnlyAcceptedExports_IsNotReRun()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/acceptexports.html");
        await tab.WaitForTextAsync("#self", "shared has label one");

        app.EditWebFile("acceptexports.shared.js", "'label one'", "'label two'");

        await tab.WaitForTextAsync("#self", "shared has label two");
        await tab.AssertNoReloadAsync();
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => window.__mainRuns"), "the importer uses only the accepted export");
        Assert.AreEqual("main saw label one", await tab.TextAsync("#out"), "the importer was not re-run (it keeps its first binding, as in Vite)");
    }

    [TestMethod]
    public async Task ImporterUsingAnExportNotAccepted_IsReachedAndWithNoBoundaryReloads()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/acceptexportsreload.html");
        await tab.WaitForTextAsync("#out", "MAIN!");

        app.EditWebFile("acceptexportsreload.shared.js", "return text.toUpperCase() + '!';", "return text.toUpperCase() + '?';");

        await tab.AssertExactlyOneReloadAsync();
        await tab.WaitForTextAsync("#out", "MAIN?");
    }

    [TestMethod]
    public async Task EveryExportAccepted_NamespaceAndDynamicImporterAreNotReRun()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/acceptexportsall.html");
        await tab.WaitForTextAsync("#out", "MAIN! all one");

        app.EditWebFile("acceptexportsall.shared.js", "'all one'", "'all two'");

        await tab.WaitForTextAsync("#self", "shared has all two");
        await tab.AssertNoReloadAsync();
        Assert.AreEqual(1, await tab.Page.EvaluateAsync<int>("() => window.__mainRuns"), "the namespace and dynamic importer was not re-run");
        Assert.AreEqual("MAIN! all one", await tab.TextAsync("#out"));
    }
}
