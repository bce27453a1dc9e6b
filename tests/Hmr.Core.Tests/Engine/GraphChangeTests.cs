using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class GraphChangeTests
{
    [TestMethod]
    public void DroppingAnImportPrunesEverythingOnlyItReached()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "import ./keep.js", "accept")
            .Write("/a.js", "import ./b.js")
            .Write("/b.js", "import ./c.js", "import ./keep.js")
            .Write("/c.js", "")
            .Write("/keep.js", "");
        site.Execute("/main.js", "/a.js", "/b.js", "/c.js", "/keep.js");
        var outcome = site.Edit("/main.js", "import ./keep.js", "accept");
        CollectionAssert.AreEqual(new[] { "/main.js<-/main.js" }, outcome.Update().Pairs());
        var prune = outcome.Messages.OfType<PruneMessage>().Single();
        CollectionAssert.AreEqual(new[] { "/a.js", "/b.js", "/c.js" }, prune.Paths.ToList());
        Assert.IsInstanceOfType<PruneMessage>(outcome.Messages[^1], "prune after the update that stops importing");
        Assert.IsNull(site.Engine.GetModule("/a.js"));
        Assert.IsNull(site.Engine.GetModule("/c.js"));
        Assert.IsNotNull(site.Engine.GetModule("/keep.js"));
        // A pruned module left the graph: deleting its file later needs no reload.
        Assert.IsEmpty(site.Delete("/b.js").Messages);
    }

    [TestMethod]
    public void CycleCutLooseIsPrunedWhole()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "accept")
            .Write("/a.js", "import ./b.js")
            .Write("/b.js", "import ./a.js");
        site.Execute("/main.js", "/a.js", "/b.js");
        var prune = site.Edit("/main.js", "accept").Messages.OfType<PruneMessage>().Single();
        CollectionAssert.AreEquivalent(new[] { "/a.js", "/b.js" }, prune.Paths.ToList());
    }

    [TestMethod]
    public void ModuleStillImportedElsewhereOrARootIsNotPruned()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./shared.js", "import ./page2.js", "accept")
            .Write("/other.js", "import ./shared.js")
            .Write("/page2.js", "")
            .Write("/shared.js", "");
        site.Execute("/main.js", "/shared.js", "/other.js");
        var outcome = site.Edit("/main.js", "import ./page2.js", "accept");
        Assert.IsFalse(outcome.Messages.OfType<PruneMessage>().Any(), Outcomes.Describe(outcome));
        Assert.IsNotNull(site.Engine.GetModule("/shared.js"));
    }

    [TestMethod]
    public void PrunedModuleImportedAgainComesBack()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "accept")
            .Write("/a.js", "accept");
        site.Execute("/main.js", "/a.js");
        site.Edit("/main.js", "accept");
        Assert.IsNull(site.Engine.GetModule("/a.js"));
        site.Edit("/main.js", "import ./a.js", "accept").Update();
        Assert.IsNotNull(site.Engine.GetModule("/a.js"));
        site.Execute("/a.js");
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, site.Edit("/a.js", "accept", "// v2").Update().Pairs());
    }

    [TestMethod]
    public void DeletingAModuleIsAnUpdateOfTheModuleItself()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "import ./b.js")
            .Write("/a.js", "import ./gone.js", "accept")
            .Write("/b.js", "")
            .Write("/gone.js", "");
        site.Execute("/main.js", "/a.js", "/b.js", "/gone.js");
        var entry = site.Delete("/gone.js").Update().Updates.Single();
        Assert.AreEqual(("/a.js", "/a.js"), (entry.Path, entry.AcceptedPath));
        // The re-import asks for the deleted module under the update's stamp (a 404), never its old instance.
        CollectionAssert.AreEqual(new[] { $"/a.js?t={entry.Timestamp}", $"/gone.js?t={entry.Timestamp}" }, entry.Preload.ToList());
        Assert.AreEqual(new ModuleInfo("/gone.js", site.PathOf("/gone.js"), entry.Timestamp, Deleted: true), site.Engine.GetModule("/gone.js"));
        // A dead end: b.js's importer is the root.
        site.Write("/b.js", "import ./c.js").Write("/c.js", "");
        site.Touch("/b.js");
        site.Execute("/c.js");
        Assert.AreEqual("/c.js", site.Delete("/c.js").Reload().TriggeredBy);
    }

    [TestMethod]
    public void DeletingOrRecreatingAModuleNoPageRunsSendsNothing_ItIsFetchedUnderANewStampAfterwards()
    {
        using var site = new TestSite()
            .Write("/main.js", "dynamic ./lazy.js", "accept")
            .Write("/lazy.js", "");
        site.Execute("/main.js");
        Assert.IsEmpty(site.Delete("/lazy.js").Messages);
        Assert.IsNull(site.Engine.GetModule("/lazy.js"));
        site.Write("/lazy.js", "// back");
        var created = site.Engine.ApplyChanges([new FileChange(site.PathOf("/lazy.js"), FileChangeKind.Created)]);
        Assert.IsFalse(created.Messages.OfType<FullReloadMessage>().Any());
        Assert.IsTrue(site.Engine.GetModule("/lazy.js")!.LastUpdateTimestamp > 0, "fetched under a new stamp when imported again");
    }

    /// <summary>Vite's lifecycle of a deleted module a page runs: deleting a self-accepting module updates it (its
    /// re-import fails), re-creating it updates it again, and when its last importer drops the import it is pruned.</summary>
    [TestMethod]
    public void ADeletedSelfAcceptingModuleIsUpdatedOnDeleteAndReCreateThenPrunedWithItsLastImporter()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./child.js", "accept")
            .Write("/child.js", "import ./leaf.js", "accept")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/child.js", "/leaf.js");

        var deleted = site.Delete("/child.js");
        CollectionAssert.AreEqual(new[] { "/child.js<-/child.js" }, deleted.Update().Pairs());
        // What only the deleted module imported goes (our recursive prune); the deleted module stays while imported.
        CollectionAssert.AreEqual(new[] { "/leaf.js" }, deleted.Messages.OfType<PruneMessage>().Single().Paths.ToList());
        Assert.IsTrue(site.Engine.GetModule("/child.js")!.Deleted);

        site.Write("/child.js", "import ./leaf.js", "accept", "// back");
        var recreated = site.Engine.ApplyChanges([new FileChange(site.PathOf("/child.js"), FileChangeKind.Created)]);
        CollectionAssert.AreEqual(new[] { "/child.js<-/child.js" }, recreated.Update().Pairs());
        Assert.IsFalse(site.Engine.GetModule("/child.js")!.Deleted);

        site.Delete("/child.js");
        var dropped = site.Edit("/main.js", "accept");
        CollectionAssert.AreEqual(new[] { "/main.js<-/main.js" }, dropped.Update().Pairs());
        CollectionAssert.Contains(dropped.Messages.OfType<PruneMessage>().Single().Paths.ToList(), "/child.js");
        Assert.IsNull(site.Engine.GetModule("/child.js"));
    }

    [TestMethod]
    public void DeletingAModulePrunesWhatOnlyItImported()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "accept")
            .Write("/a.js", "import ./only.js")
            .Write("/only.js", "");
        site.Execute("/main.js", "/a.js", "/only.js");
        var outcome = site.Delete("/a.js");
        CollectionAssert.AreEqual(new[] { "/only.js" }, outcome.Messages.OfType<PruneMessage>().Single().Paths.ToList());
    }

    [TestMethod]
    public void CreatingAFileThatAnImportFailedToResolveReanalysesTheImporter()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./app.js")
            .Write("/app.js", "import ./later.js", "accept");
        site.Execute("/main.js", "/app.js");
        var calls = site.Analyzer.Calls;
        var outcome = site.Edit("/later.js", "");
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, outcome.Update().Pairs());
        Assert.AreEqual(calls + 2, site.Analyzer.Calls, "the new file and the importer with the failed import");
        Assert.IsTrue(outcome.Trace.Detail.Any(d => d.Contains("/app.js") && d.Contains("now resolves")));
    }

    [TestMethod]
    public void CreatingAFileForADanglingImportTreatsItsImportersAsChanged()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./app.js")
            .Write("/app.js", "import! ./later.js", "accept");
        site.Execute("/main.js", "/app.js");
        Assert.IsNull(site.Engine.GetModule("/later.js"));
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, site.Edit("/later.js", "").Update().Pairs());
        Assert.IsNotNull(site.Engine.GetModule("/later.js"));
    }

    [TestMethod]
    public void EditingAnHtmlPageReloadsThatPageOnly()
    {
        using var site = new TestSite().Write("/index.html", "<p>1</p>").Write("/a.js", "");
        _ = site.Engine;
        var reload = site.Edit("/index.html", "<p>2</p>").Reload();
        Assert.AreEqual("/index.html", reload.Path);
        Assert.IsEmpty(site.Edit("/index.html", "<p>2</p>").Messages, "same content again");
        Assert.AreEqual("/sub/page.html", site.Edit("/sub/page.html", "<p>new</p>").Reload().Path);
    }

    [TestMethod]
    public void StylesheetEditIsACssUpdate()
    {
        using var site = new TestSite().Write("/site.css", "body{}");
        _ = site.Engine;
        Assert.IsNotNull(site.Engine.GetModule("/site.css"));
        var entry = site.Edit("/site.css", "body{color:red}").Update().Updates.Single();
        Assert.AreEqual(UpdateType.CssUpdate, entry.Type);
        Assert.AreEqual("/site.css", entry.Path);
        Assert.AreEqual("/site.css", entry.AcceptedPath);
        Assert.AreEqual(entry.Timestamp, site.Engine.GetModule("/site.css")!.LastUpdateTimestamp);
        Assert.IsEmpty(site.Edit("/site.css", "body{color:red}").Messages);
    }

    [TestMethod]
    public void UnchangedContentAfterASaveDoesNothing()
    {
        using var site = new TestSite().Write("/main.js", "import ./a.js").Write("/a.js", "x");
        site.Execute("/main.js", "/a.js");
        var calls = site.Analyzer.Calls;
        var outcome = site.Touch("/a.js");
        Assert.IsEmpty(outcome.Messages);
        Assert.AreEqual(calls, site.Analyzer.Calls, "no re-analysis either");
        Assert.AreEqual(0, site.Engine.GetModule("/a.js")!.LastUpdateTimestamp);
    }

    [TestMethod]
    public void SyntaxErrorSendsAnErrorAndNoReloadThenTheNextGoodSaveUpdates()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./app.js")
            .Write("/app.js", "import ./leaf.js", "accept")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/app.js", "/leaf.js");
        var outcome = site.Edit("/leaf.js", "let x =", "syntax-error 2 3");
        var error = outcome.Messages.OfType<ErrorMessage>().Single().Err;
        Assert.HasCount(1, outcome.Messages, Outcomes.Describe(outcome));
        Assert.AreEqual("/leaf.js", error.Id);
        Assert.AreEqual(new ErrorLocation("/leaf.js", 2, 3), error.Loc);
        StringAssert.Contains(error.Message, "Unexpected token");
        StringAssert.Contains(error.Frame, "> 2 | syntax-error 2 3");
        StringAssert.Contains(error.Frame, "  |   ^");
        // Saving the same broken content again: nothing new to say.
        Assert.IsEmpty(site.Touch("/leaf.js").Messages);
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, site.Edit("/leaf.js", "// fixed").Update().Pairs());
    }

    [TestMethod]
    public void UndoingASyntaxErrorBackToTheLastGoodContentStillUpdates()
    {
        using var site = new TestSite().Write("/main.js", "import ./a.js").Write("/a.js", "accept");
        site.Execute("/main.js", "/a.js");
        site.Edit("/a.js", "accept", "syntax-error 1 1").Messages.OfType<ErrorMessage>().Single();
        // The overlay must clear, so the restored content is propagated although it equals the running version.
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, site.Edit("/a.js", "accept").Update().Pairs());
    }

    [TestMethod]
    public void SyntaxErrorKeepsTheGraphOfTheLastGoodVersion()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "accept")
            .Write("/a.js", "");
        site.Execute("/main.js", "/a.js");
        // The broken version "drops" the import; nothing may be pruned while it does not parse.
        var outcome = site.Edit("/main.js", "accept", "syntax-error 1 1");
        Assert.IsFalse(outcome.Messages.OfType<PruneMessage>().Any());
        Assert.IsNotNull(site.Engine.GetModule("/a.js"));
    }

    [TestMethod]
    public void TimestampsAreStrictlyIncreasingEvenWhenTheClockStalls()
    {
        using var site = new TestSite(frozenClock: true).Write("/main.js", "import ./a.js").Write("/a.js", "accept").Write("/s.css", "");
        site.Execute("/main.js", "/a.js");
        var stamps = new List<long>();
        for (var i = 0; i < 5; i++) stamps.Add(site.Edit("/a.js", "accept", $"// {i}").Update().Updates[0].Timestamp);
        stamps.Add(site.Edit("/s.css", "x").Update().Updates[0].Timestamp);
        for (var i = 1; i < stamps.Count; i++) Assert.IsGreaterThan(stamps[i - 1], stamps[i]);
    }

    [TestMethod]
    public void RealClockTimestampsAreUnixMilliseconds()
    {
        using var site = new TestSite().Write("/a.js", "accept");
        site.Execute("/a.js");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var t = site.Edit("/a.js", "accept", "// 2").Update().Updates[0].Timestamp;
        Assert.IsGreaterThanOrEqualTo(before, t);
        Assert.IsLessThanOrEqualTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1, t);
    }

    [TestMethod]
    public void PreloadListsOnlyModulesTheReimportFetches()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./top.js")
            .Write("/top.js", "import ./mid.js", "import ./other.js", "dynamic ./lazy.js", "accept")
            .Write("/mid.js", "import ./leaf.js")
            .Write("/other.js", "")
            .Write("/lazy.js", "import ./leaf.js", "accept")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/top.js", "/mid.js", "/other.js", "/leaf.js");
        var entry = site.Edit("/leaf.js", "// v2").Update().Updates.Single();
        var t = entry.Timestamp;
        CollectionAssert.AreEqual(new[] { $"/top.js?t={t}", $"/mid.js?t={t}", $"/leaf.js?t={t}" }, entry.Preload.ToList());
    }

    [TestMethod]
    public void ModuleRequestedBeforeTheGraphKnewItCountsAsExecuted()
    {
        using var site = new TestSite().Write("/main.js", "");
        site.Execute("/main.js", "/new.js?t=1");
        site.Edit("/new.js", "accept").Messages.ToList();
        CollectionAssert.AreEqual(new[] { "/new.js<-/new.js" }, site.Edit("/new.js", "accept", "// 2").Update().Pairs());
    }

    [TestMethod]
    public void DeletedFolderSettlesEveryModuleInIt()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./lib/a.js", "accept")
            .Write("/lib/a.js", "import ./b.js")
            .Write("/lib/b.js", "");
        site.Execute("/main.js", "/lib/a.js", "/lib/b.js");
        Directory.Delete(site.PathOf("/lib"), recursive: true);
        var outcome = site.Engine.ApplyChanges([new FileChange(site.PathOf("/lib"), FileChangeKind.Deleted)]);
        CollectionAssert.AreEqual(new[] { "/main.js<-/main.js" }, outcome.Update().Pairs());
        // a.js stays known as deleted (main.js still imports it); b.js, imported only by a.js, is pruned.
        Assert.IsTrue(site.Engine.GetModule("/lib/a.js")!.Deleted);
        Assert.IsNull(site.Engine.GetModule("/lib/b.js"));
        CollectionAssert.Contains(outcome.Messages.OfType<PruneMessage>().Single().Paths.ToList(), "/lib/b.js");
    }

    [TestMethod]
    public void FilesOutsideTheWebRootAreIgnored()
    {
        using var site = new TestSite().Write("/a.js", "");
        var outside = Path.Combine(site.Root, "outside.js");
        File.WriteAllText(outside, "accept");
        var outcome = site.Engine.ApplyChanges([new FileChange(outside, FileChangeKind.Created)]);
        Assert.IsEmpty(outcome.Messages);
        Assert.IsEmpty(outcome.Trace.ChangedUrls);
    }

    [TestMethod]
    public void AtomicSaveAsDeleteThenCreateIsOneChange()
    {
        using var site = new TestSite().Write("/main.js", "import ./a.js").Write("/a.js", "accept");
        site.Execute("/main.js", "/a.js");
        File.WriteAllText(site.PathOf("/a.js"), "accept\n// v2");
        var outcome = site.Engine.ApplyChanges([
            new FileChange(site.PathOf("/a.js"), FileChangeKind.Deleted),
            new FileChange(site.PathOf("/a.js"), FileChangeKind.Created)]);
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, outcome.Update().Pairs());
    }

    [TestMethod]
    public void FolderMovedInAddsItsModulesWithoutReloadingItsPages()
    {
        using var site = new TestSite().Write("/main.js", "accept");
        site.Execute("/main.js");
        site.Write("/feature/a.js", "accept").Write("/feature/page.html", "<p></p>");
        var outcome = site.Engine.ApplyChanges([new FileChange(site.PathOf("/feature"), FileChangeKind.Created)]);
        Assert.IsEmpty(outcome.Messages, Outcomes.Describe(outcome));
        Assert.IsNotNull(site.Engine.GetModule("/feature/a.js"));
    }

    [TestMethod]
    public void NewFileThatNeverParsedIsForgottenWhenDeleted()
    {
        using var site = new TestSite().Write("/main.js", "");
        _ = site.Engine; // started before the file exists
        site.Edit("/broken.js", "syntax-error 1 1").Messages.OfType<ErrorMessage>().Single();
        Assert.IsNull(site.Engine.GetModule("/broken.js"));
        Assert.IsEmpty(site.Delete("/broken.js").Messages);
        var before = site.Engine.ModuleCount;
        site.Edit("/other.js", "");
        Assert.AreEqual(before + 1, site.Engine.ModuleCount, "no leftover node for broken.js");
    }
}
