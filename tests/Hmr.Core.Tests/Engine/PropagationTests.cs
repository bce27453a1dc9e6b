using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class PropagationTests
{
    [TestMethod]
    public void LeafEditUnderAcceptingParentUpdatesTheParentViaTheLeaf()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./app.js")
            .Write("/app.js", "import ./leaf.js", "accept-dep ./leaf.js")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/app.js", "/leaf.js");
        var update = site.Edit("/leaf.js", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/app.js<-/leaf.js" }, update.Pairs());
        var entry = update.Updates[0];
        Assert.AreEqual(UpdateType.JsUpdate, entry.Type);
        Assert.IsFalse(entry.IsWithinCircularImport);
        Assert.IsNull(entry.FirstInvalidatedBy);
        Assert.AreEqual(entry.Timestamp, site.Engine.GetModule("/leaf.js")!.LastUpdateTimestamp);
        Assert.AreEqual(0, site.Engine.GetModule("/app.js")!.LastUpdateTimestamp, "a dep-accepting boundary is not re-imported");
    }

    [TestMethod]
    public void ChainWithNoBoundaryReachingTheRootIsOneFullReload()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js")
            .Write("/a.js", "import ./b.js")
            .Write("/b.js", "");
        site.Execute("/main.js", "/a.js", "/b.js");
        var outcome = site.Edit("/b.js", "// v2");
        var reload = outcome.Reload();
        Assert.AreEqual("*", reload.Path);
        Assert.AreEqual("/b.js", reload.TriggeredBy);
        Assert.AreEqual("/b.js changed; no module accepts it: /b.js <- /a.js <- /main.js <- the page", outcome.Trace.ReloadReason);
        Assert.AreEqual(outcome.Trace.ReloadReason, reload.Reason, "the page's console says the same");
        Assert.HasCount(1, outcome.Messages);
    }

    [TestMethod]
    public void UtilitySharedByAnAcceptingAndANonAcceptingBranchReloads()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "import ./b.js")
            .Write("/a.js", "import ./util.js", "accept")
            .Write("/b.js", "import ./util.js")
            .Write("/util.js", "");
        site.Execute("/main.js", "/a.js", "/b.js", "/util.js");
        Assert.AreEqual("/util.js", site.Edit("/util.js", "// v2").Reload().TriggeredBy);
    }

    [TestMethod]
    public void SeveralBoundariesShareOnePayloadAndOneTimestamp()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "import ./b.js")
            .Write("/a.js", "import ./util.js", "accept")
            .Write("/b.js", "import ./util.js", "accept-dep ./util.js")
            .Write("/util.js", "");
        site.Execute("/main.js", "/a.js", "/b.js", "/util.js");
        var update = site.Edit("/util.js", "// v2").Update();
        CollectionAssert.AreEquivalent(new[] { "/a.js<-/a.js", "/b.js<-/util.js" }, update.Pairs());
        Assert.AreEqual(1, update.Updates.Select(u => u.Timestamp).Distinct().Count());
        var t = update.Updates[0].Timestamp;
        Assert.AreEqual(t, site.Engine.GetModule("/a.js")!.LastUpdateTimestamp);
        Assert.AreEqual(t, site.Engine.GetModule("/util.js")!.LastUpdateTimestamp);
        // b.js accepts util.js as a dependency: stamping stops there. main.js imports a.js without accepting it, so it
        // shares the timestamp (as in Vite), although nothing re-imports it.
        Assert.AreEqual(0, site.Engine.GetModule("/b.js")!.LastUpdateTimestamp);
        Assert.AreEqual(t, site.Engine.GetModule("/main.js")!.LastUpdateTimestamp);
        Assert.IsFalse(update.Updates.SelectMany(u => u.Preload).Any(url => url.StartsWith("/main.js", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void NestedBoundariesStopAtTheFirstOne()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./outer.js")
            .Write("/outer.js", "import ./inner.js", "accept")
            .Write("/inner.js", "import ./leaf.js", "accept")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/outer.js", "/inner.js", "/leaf.js");
        var update = site.Edit("/leaf.js", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/inner.js<-/inner.js" }, update.Pairs());
        // Outer modules share the timestamp (Vite invalidates importers past the boundary) but are not re-imported.
        var entry = update.Updates.Single();
        Assert.AreEqual(entry.Timestamp, site.Engine.GetModule("/outer.js")!.LastUpdateTimestamp);
        CollectionAssert.AreEqual(new[] { $"/inner.js?t={entry.Timestamp}", $"/leaf.js?t={entry.Timestamp}" }, entry.Preload.ToList());
    }

    /// <summary>Inside an import cycle the importer shares the timestamp, so the boundary's re-import reaches it with the
    /// new <c>?t=</c> and runs it again before the boundary (a imports b, b imports a, b accepts itself), as in Vite.</summary>
    [TestMethod]
    public void ASelfAcceptingModuleInACycleReimportsItsImporterToo()
    {
        using var site = new TestSite()
            .Write("/a.js", "import ./b.js")
            .Write("/b.js", "import ./a.js", "accept");
        site.Execute("/a.js", "/b.js");
        var entry = site.Edit("/b.js", "import ./a.js", "accept", "// v2").Update().Updates.Single();
        Assert.AreEqual(("/b.js", "/b.js", true), (entry.Path, entry.AcceptedPath, entry.IsWithinCircularImport));
        CollectionAssert.AreEqual(new[] { $"/b.js?t={entry.Timestamp}", $"/a.js?t={entry.Timestamp}" }, entry.Preload.ToList());
        Assert.AreEqual(entry.Timestamp, site.Engine.GetModule("/a.js")!.LastUpdateTimestamp);
    }

    [TestMethod]
    public void SelfAcceptingModuleIsItsOwnBoundaryAndANonAcceptingRootReloads()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./hot.js")
            .Write("/hot.js", "accept");
        site.Execute("/main.js", "/hot.js");
        CollectionAssert.AreEqual(new[] { "/hot.js<-/hot.js" }, site.Edit("/hot.js", "accept", "// v2").Update().Pairs());
        Assert.AreEqual("/main.js", site.Edit("/main.js", "import ./hot.js", "// v2").Reload().TriggeredBy);
    }

    [TestMethod]
    public void ModuleNeverExecutedByThePageSendsNothing()
    {
        using var site = new TestSite()
            .Write("/main.js", "dynamic ./lazy.js")
            .Write("/lazy.js", "import ./part.js")
            .Write("/part.js", "");
        site.Execute("/main.js");
        var outcome = site.Edit("/part.js", "// v2");
        Assert.IsEmpty(outcome.Messages, Outcomes.Describe(outcome));
        CollectionAssert.Contains(outcome.Trace.ChangedUrls.ToList(), "/part.js");
    }

    [TestMethod]
    public void NeverExecutedImporterStopsOnlyItsOwnPath()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "dynamic ./lazy.js")
            .Write("/a.js", "import ./util.js", "accept")
            .Write("/lazy.js", "import ./util.js")
            .Write("/util.js", "");
        site.Execute("/main.js", "/a.js", "/util.js");
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, site.Edit("/util.js", "// v2").Update().Pairs());
        Assert.AreEqual(0, site.Engine.GetModule("/lazy.js")!.LastUpdateTimestamp);
    }

    [TestMethod]
    public void ExecutedModuleWhoseImportersNeverRanIsADeadEnd()
    {
        // The page loads shared.js directly (a script tag); lazy.js imports it but never ran.
        using var site = new TestSite()
            .Write("/shared.js", "")
            .Write("/lazy.js", "import ./shared.js");
        site.Execute("/shared.js");
        Assert.AreEqual("/shared.js", site.Edit("/shared.js", "// v2").Reload().TriggeredBy);
    }

    [TestMethod]
    public void DiamondUnderOneBoundaryIsOneUpdateWithEveryPathStamped()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./top.js")
            .Write("/top.js", "import ./a.js", "import ./b.js", "accept")
            .Write("/a.js", "import ./leaf.js")
            .Write("/b.js", "import ./leaf.js")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/top.js", "/a.js", "/b.js", "/leaf.js");
        var update = site.Edit("/leaf.js", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/top.js<-/top.js" }, update.Pairs());
        var t = update.Updates[0].Timestamp;
        foreach (var url in new[] { "/top.js", "/a.js", "/b.js", "/leaf.js" })
            Assert.AreEqual(t, site.Engine.GetModule(url)!.LastUpdateTimestamp, url);
        CollectionAssert.AreEquivalent(new[] { $"/top.js?t={t}", $"/a.js?t={t}", $"/b.js?t={t}", $"/leaf.js?t={t}" }, update.Updates[0].Preload.ToList());
        Assert.AreEqual($"/top.js?t={t}", update.Updates[0].Preload[0], "the accepted module comes first");
    }

    [TestMethod]
    public void BoundaryInsideAnImportCycleIsFlagged()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js")
            .Write("/a.js", "import ./b.js", "accept")
            .Write("/b.js", "import ./a.js", "import ./leaf.js")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/a.js", "/b.js", "/leaf.js");
        var update = site.Edit("/leaf.js", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, update.Pairs());
        Assert.IsTrue(update.Updates[0].IsWithinCircularImport);
    }

    [TestMethod]
    public void BoundaryOutsideACycleIsNotFlagged()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js")
            .Write("/a.js", "import ./b.js", "accept")
            .Write("/b.js", "import ./c.js")
            .Write("/c.js", "import ./b.js");
        site.Execute("/main.js", "/a.js", "/b.js", "/c.js");
        var update = site.Edit("/c.js", "import ./b.js", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, update.Pairs());
        Assert.IsFalse(update.Updates[0].IsWithinCircularImport);
    }

    [TestMethod]
    public void CycleWithNoWayOutReloadsInsteadOfWalkingForever()
    {
        // The page's root sits in a cycle: every path closes on itself and nothing accepts.
        using var site = new TestSite()
            .Write("/a.js", "import ./b.js")
            .Write("/b.js", "import ./a.js", "import ./leaf.js")
            .Write("/leaf.js", "");
        site.Execute("/a.js", "/b.js", "/leaf.js");
        Assert.AreEqual("/leaf.js", site.Edit("/leaf.js", "// v2").Reload().TriggeredBy);
    }

    [TestMethod]
    public void TenThousandLevelChainNeedsNoDeepStack()
    {
        const int depth = 10_000;
        using var site = new TestSite().Write("/m0.js", "import ./m1.js", "accept");
        for (var i = 1; i < depth; i++) site.Write($"/m{i}.js", i + 1 < depth ? $"import ./m{i + 1}.js" : "");
        site.Execute([.. Enumerable.Range(0, depth).Select(i => $"/m{i}.js")]);
        var update = site.Edit($"/m{depth - 1}.js", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/m0.js<-/m0.js" }, update.Pairs());
        Assert.HasCount(depth, update.Updates[0].Preload);
        Assert.AreEqual(update.Updates[0].Timestamp, site.Engine.GetModule("/m5000.js")!.LastUpdateTimestamp);
        // And the reload direction: take away the boundary's accept (the page re-ran it) and edit again.
        site.Write("/m0.js", "import ./m1.js");
        site.Touch("/m0.js");
        site.Execute("/m0.js");
        Assert.AreEqual($"/m{depth - 1}.js", site.Edit($"/m{depth - 1}.js", "// v3").Reload().TriggeredBy);
    }

    [TestMethod]
    public void WideFanGivesOneUpdatePerAcceptingImporter()
    {
        const int width = 2_000;
        using var site = new TestSite().Write("/util.js", "");
        for (var i = 0; i < width; i++) site.Write($"/w{i}.js", "import ./util.js", "accept");
        site.Execute([.. Enumerable.Range(0, width).Select(i => $"/w{i}.js"), "/util.js"]);
        var update = site.Edit("/util.js", "// v2").Update();
        Assert.HasCount(width, update.Updates);
        Assert.AreEqual(width, update.Updates.Select(u => u.Path).Distinct().Count());
    }

    [TestMethod]
    public void DecisionsUseTheHotFactsOfTheVersionThePageRuns()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./hot.js")
            .Write("/hot.js", "accept");
        site.Execute("/main.js", "/hot.js");
        // Removing accept() is still hot: the running version's callback takes the new module.
        site.Edit("/hot.js", "// accept removed").Update();
        // The client re-imports it: the page now runs the version without accept.
        site.Execute("/hot.js");
        site.Edit("/hot.js", "// v3").Reload();
    }

    [TestMethod]
    public void AddingAcceptTakesEffectFromTheNextUpdate()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./mod.js")
            .Write("/mod.js", "");
        site.Execute("/main.js", "/mod.js");
        site.Edit("/mod.js", "accept").Reload();
        site.Execute("/mod.js"); // the reloaded page runs the new version
        CollectionAssert.AreEqual(new[] { "/mod.js<-/mod.js" }, site.Edit("/mod.js", "accept", "// v3").Update().Pairs());
    }

    [TestMethod]
    public void OneDeadEndTurnsTheWholeBatchIntoOneReload()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "import ./b.js")
            .Write("/a.js", "accept")
            .Write("/b.js", "");
        site.Execute("/main.js", "/a.js", "/b.js");
        File.WriteAllText(site.PathOf("/a.js"), "accept\n// v2");
        File.WriteAllText(site.PathOf("/b.js"), "// v2");
        var outcome = site.Touch("/a.js", "/b.js");
        Assert.AreEqual("/b.js", outcome.Reload().TriggeredBy);
        Assert.HasCount(1, outcome.Messages);
    }

    [TestMethod]
    public void BatchOfTwoChangesUnderTwoBoundariesIsOnePayload()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./a.js", "import ./b.js")
            .Write("/a.js", "accept")
            .Write("/b.js", "accept");
        site.Execute("/main.js", "/a.js", "/b.js");
        File.WriteAllText(site.PathOf("/a.js"), "accept\n// v2");
        File.WriteAllText(site.PathOf("/b.js"), "accept\n// v2");
        var update = site.Touch("/a.js", "/b.js").Update();
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js", "/b.js<-/b.js" }, update.Pairs());
        Assert.AreEqual(update.Updates[0].Timestamp, update.Updates[1].Timestamp);
    }
}
