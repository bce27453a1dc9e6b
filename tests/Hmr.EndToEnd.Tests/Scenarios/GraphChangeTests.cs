using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>Edits that change the module graph or find no boundary: prune, cycles, created and deleted files,
/// and the full reload of a dead end.</summary>
[TestClass]
public sealed class GraphChangeTests : ScenarioTest
{
    [TestMethod]
    public async Task ChangeWithNoAcceptingModule_ReloadsThePageExactlyOnce()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/noboundary.html");
        await tab.WaitForTextAsync("#out", "util one");

        app.EditWebFile("noboundary.util.js", "'util one'", "'util two'");

        await tab.AssertExactlyOneReloadAsync();
        await tab.WaitForTextAsync("#out", "util two");
    }

    [TestMethod]
    public async Task ImportRemovedByAnEdit_RunsThePrunedModulesPruneHandler()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/prune.html");
        await tab.WaitForTextAsync("#extra", "extra loaded");

        app.EditWebFile("prune.main.js", "import './prune.extra.js';\n", "", SaveMode.Atomic);

        await tab.WaitForAsync("() => document.body.dataset.extraPruned === 'yes'", "extra.js's prune handler");
        await tab.WaitForTextAsync("#extra", "extra pruned");
        Assert.AreEqual("yes", await tab.Page.EvaluateAsync<string?>("() => document.body.dataset.extraDisposed ?? null"), "a pruned module is disposed too");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task DeletingAFileNoLongerImported_NeedsNoReload()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/prunedelete.html");
        await tab.WaitForTextAsync("#out", "main with old one");

        app.EditWebFile("prunedelete.main.js", "import { old } from './prunedelete.old.js';", "const old = 'nothing';");
        await tab.WaitForTextAsync("#out", "main with nothing");
        app.DeleteWebFile("prunedelete.old.js");

        await tab.AssertNoReloadAsync();
        Assert.AreEqual("main with nothing", await tab.TextAsync("#out"));
    }

    [TestMethod]
    public async Task DeletingAnImportedFile_ReachesItsImporter_DeadEndReloadsOnce()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/deleted.html");
        await tab.WaitForTextAsync("#out", "main with gone one");

        app.DeleteWebFile("deleted.gone.js");

        await tab.AssertExactlyOneReloadAsync();
    }

    [TestMethod]
    public async Task ChangeInsideAnImportCycle_RunsTheAcceptCallbackAndApplies()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/cycle.html");
        await tab.WaitForTextAsync("#out", "a+b one");

        app.EditWebFile("cycle.b.js", "'b one'", "'b two'");

        // The boundary (main accepts a.js) is flagged as within a circular import: its accept callback runs, and
        // since re-importing the cycle does not throw, the update applies with no reload.
        await tab.WaitForTextAsync("#out", "a+b two");
        Assert.AreEqual("1", await tab.Page.EvaluateAsync<string?>("() => document.body.dataset.acceptRuns ?? null"));
        await tab.AssertNoReloadAsync();
    }

    /// <summary>As in Vite: deleting a self-accepting module the page runs updates it (dispose, a failed re-import, the
    /// callback with undefined), re-creating it updates it again (hot.data kept), and once deleted again, dropping its
    /// last import prunes it (dispose, then prune).</summary>
    [TestMethod]
    public async Task SelfAcceptingChild_DeletedRecreatedAndPruned_LikeVite()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/lifecycle.html");
        await tab.WaitForTextAsync("#out", "child one ran 1");
        var original = File.ReadAllText(Path.Combine(app.WebRoot, "lifecycle.child.js"));

        app.DeleteWebFile("lifecycle.child.js");
        await tab.WaitForTextAsync("#out", "child one ran 1, disposed, accepted undefined");
        Assert.AreEqual(404, (await tab.Page.APIRequest.GetAsync(app.Url("/lifecycle.child.js"))).Status, "the deleted module's URL");

        app.WriteWebFile("lifecycle.child.js", original.Replace("child one", "child two"));
        await tab.WaitForTextAsync("#out", "child one ran 1, disposed, accepted undefined, disposed, child two ran 2, accepted the new child");

        const string Full = "child one ran 1, disposed, accepted undefined, disposed, child two ran 2, accepted the new child";
        app.DeleteWebFile("lifecycle.child.js");
        await tab.WaitForTextAsync("#out", Full + ", disposed, accepted undefined");
        app.EditWebFile("lifecycle.main.js", "import './lifecycle.child.js';", "// no child any more");
        await tab.WaitForTextAsync("#out", Full + ", disposed, accepted undefined, disposed, pruned");
        await tab.AssertNoReloadAsync();
    }

    /// <summary>A plain module accepted by its importer: deleting it hands the importer's callback undefined (the
    /// re-import asks for it under a new stamp and gets a 404, not the old instance); re-creating it hands the new one.</summary>
    [TestMethod]
    public async Task PlainChildAcceptedByItsImporter_DeletedThenRecreated_LikeVite()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/lifecycleplain.html");
        await tab.WaitForTextAsync("#out", "main got child one");

        app.DeleteWebFile("lifecycleplain.child.js");
        await tab.WaitForTextAsync("#out", "main got child one, main got undefined");

        app.WriteWebFile("lifecycleplain.child.js", "export const text = 'child two';\n");
        await tab.WaitForTextAsync("#out", "main got child one, main got undefined, main got child two");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task SelfAcceptingModuleInACycle_RunsItsImporterAgainFirst()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/cyclerun.html");
        await tab.WaitForTextAsync("#out", "b ran: b one");

        app.EditWebFile("cyclerun.b.js", "'b one'", "'b two'");

        // The importer shares the update's timestamp, so b's re-import reaches it anew: a runs again, then b.
        await tab.WaitForTextAsync("#out", "b ran: b one, a ran, a ran, b ran: b two");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task SelfAcceptingModuleInACycle_WhoseImporterHitsTheTemporalDeadZone_Reloads()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/cycletdz.html");
        await tab.WaitForTextAsync("#out", "a sees b one");

        app.EditWebFile("cycletdz.b.js", "'b one'", "'b two'");

        // a.js runs again before b.js and reads b's label in its temporal dead zone: the re-import throws, and with the
        // boundary inside a cycle the page reloads (as in Vite), then shows the new value.
        await tab.AssertExactlyOneReloadAsync();
        await tab.WaitForTextAsync("#out", "a sees b two");
    }

    [TestMethod]
    public async Task NewFileThenImportedByAnEdit_IsPickedUp()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/newfile.html");
        await tab.WaitForTextAsync("#out", "no new file yet");

        app.WriteWebFile("newfile.fresh.js", "export const fresh = 'fresh module';\n");
        await Task.Delay(500); // two separate saves, as a user creates a file and then edits another
        app.EditWebFile("newfile.main.js", "const text = 'no new file yet';", "import { fresh } from './newfile.fresh.js';\nconst text = fresh;", SaveMode.Atomic);

        await tab.WaitForTextAsync("#out", "fresh module");
        await tab.AssertNoReloadAsync();

        // The new module is part of the graph: editing it updates through main's self-accept.
        app.EditWebFile("newfile.fresh.js", "'fresh module'", "'fresh module edited'");
        await tab.WaitForTextAsync("#out", "fresh module edited");
        await tab.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task HtmlEdit_IsMorphedIntoThatPageOnly()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var page = await OpenAsync("/htmlpage.html");
        var other = await OpenAsync("/twotabs.html");
        await page.WaitForTextAsync("#out", "html one");

        app.EditWebFile("htmlpage.html", "html one", "html two");

        await page.WaitForTextAsync("#out", "html two");
        await page.AssertNoReloadAsync();
        await other.AssertNoReloadAsync();
    }

    [TestMethod]
    public async Task ImportMapEdit_ChangesWhatTheBrowserIsServedAndWhatPropagates()
    {
        var app = await UseAppAsync(SharedApps.ScenariosAsync);
        var tab = await OpenAsync("/importmap.html");
        await tab.WaitForTextAsync("#out", "from a one");
        app.EditWebFile("importmap.a.js", "'from a one'", "'from a two'");
        await tab.WaitForTextAsync("#out", "from a two");
        await tab.AssertNoReloadAsync();

        // The map now points the bare name at another module: the page reloads and runs it.
        app.EditWebFile("importmap.html", "/importmap.a.js", "/importmap.b.js");
        await tab.AssertExactlyOneReloadAsync();
        await tab.WaitForTextAsync("#out", "from b one");

        // The engine follows the new map too: an edit of the new target is accepted by its importer, hot.
        await tab.MarkDocumentAsync();
        app.EditWebFile("importmap.b.js", "'from b one'", "'from b two'");
        await tab.WaitForTextAsync("#out", "from b two");
        await Task.Delay(1500);
        Assert.IsTrue(await tab.IsMarkedAsync(), "the edit of the new target was applied without a reload\n" + tab.Diagnostics());
    }
}
