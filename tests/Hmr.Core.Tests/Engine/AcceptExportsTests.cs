namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class AcceptExportsTests
{
    private static TestSite Site(string importLine, string parentHot = "")
    {
        var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", importLine, parentHot)
            .Write("/mod.js", "accept-exports a,b");
        site.Execute("/main.js", "/parent.js", "/mod.js");
        return site;
    }

    [TestMethod]
    public void ImporterUsingOnlyAcceptedExportsNeedNotRerun()
    {
        using var site = Site("import ./mod.js a,b");
        var update = site.Edit("/mod.js", "accept-exports a,b", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/mod.js<-/mod.js" }, update.Pairs());
        Assert.AreEqual(0, site.Engine.GetModule("/parent.js")!.LastUpdateTimestamp);
    }

    [TestMethod]
    public void ImporterUsingAnotherBindingIsWalkedToo()
    {
        using var site = Site("import ./mod.js a,c", "accept");
        var update = site.Edit("/mod.js", "accept-exports a,b", "// v2").Update();
        CollectionAssert.AreEquivalent(new[] { "/mod.js<-/mod.js", "/parent.js<-/parent.js" }, update.Pairs());
    }

    [TestMethod]
    public void ImporterUsingAnotherBindingWithNoBoundaryAboveReloads()
    {
        using var site = Site("import ./mod.js c");
        site.Edit("/mod.js", "accept-exports a,b", "// v2").Reload();
    }

    [TestMethod]
    public void NamespaceImportUsesEverything()
    {
        using var site = Site("import ./mod.js *");
        site.Edit("/mod.js", "accept-exports a,b", "// v2").Reload();
    }

    [TestMethod]
    public void DynamicImportUsesEverything()
    {
        using var site = Site("dynamic ./mod.js");
        site.Edit("/mod.js", "accept-exports a,b", "// v2").Reload();
    }

    [TestMethod]
    public void SideEffectImportUsesNothing()
    {
        using var site = Site("import ./mod.js -");
        CollectionAssert.AreEqual(new[] { "/mod.js<-/mod.js" }, site.Edit("/mod.js", "accept-exports a,b", "// v2").Update().Pairs());
    }

    [TestMethod]
    public void TwoImportsOfTheSameModuleAreJudgedTogether()
    {
        using var site = Site("import ./mod.js a\nimport ./mod.js c", "accept");
        CollectionAssert.AreEquivalent(new[] { "/mod.js<-/mod.js", "/parent.js<-/parent.js" },
            site.Edit("/mod.js", "accept-exports a,b", "// v2").Update().Pairs());
    }

    [TestMethod]
    public void AcceptExportsModuleWithNoImportersIsStillABoundary()
    {
        using var site = new TestSite().Write("/solo.js", "accept-exports x");
        site.Execute("/solo.js");
        CollectionAssert.AreEqual(new[] { "/solo.js<-/solo.js" }, site.Edit("/solo.js", "accept-exports x", "// v2").Update().Pairs());
    }

    [TestMethod]
    public void DepAcceptTakesPrecedenceOverBindingAnalysis()
    {
        using var site = Site("import ./mod.js c\naccept-dep ./mod.js");
        CollectionAssert.AreEquivalent(new[] { "/mod.js<-/mod.js", "/parent.js<-/mod.js" },
            site.Edit("/mod.js", "accept-exports a,b", "// v2").Update().Pairs());
    }
}
