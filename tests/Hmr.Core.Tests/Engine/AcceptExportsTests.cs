using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class AcceptExportsTests
{
    private static TestSite Site(string importLine, string parentHot = "")
    {
        var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", importLine, parentHot)
            .Write("/mod.js", "export a,b,c", "accept-exports a,b");
        site.Execute("/main.js", "/parent.js", "/mod.js");
        return site;
    }

    [TestMethod]
    public void ImporterUsingOnlyAcceptedExportsNeedNotRerun()
    {
        using var site = Site("import ./mod.js a,b");
        var update = site.Edit("/mod.js", "accept-exports a,b", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/mod.js<-/mod.js" }, update.Pairs());
        AssertNotReimported(update, "/parent.js");
    }

    /// <summary>An importer that is not a boundary shares the update's timestamp (Vite stamps importers recursively) but
    /// is not among what the re-import fetches, so it does not run again.</summary>
    private static void AssertNotReimported(UpdateMessage update, string url)
    {
        Assert.IsFalse(update.Updates.SelectMany(u => u.Preload).Any(p => p.StartsWith(url + "?", StringComparison.Ordinal)), url + " is re-imported");
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

    /// <summary>Accepting every export makes the module self-accepting (Vite's rule): a namespace or dynamic importer
    /// uses exactly those exports, so it is neither walked nor re-run.</summary>
    [TestMethod]
    [DataRow("import ./mod.js *")]
    [DataRow("dynamic ./mod.js")]
    public void EveryExportAccepted_NamespaceAndDynamicImportersNeedNotRerun(string importLine)
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", importLine)
            .Write("/mod.js", "export a,b", "accept-exports a,b");
        site.Execute("/main.js", "/parent.js", "/mod.js");
        var update = site.Edit("/mod.js", "export a,b", "accept-exports a,b", "// v2").Update();
        CollectionAssert.AreEqual(new[] { "/mod.js<-/mod.js" }, update.Pairs());
        AssertNotReimported(update, "/parent.js");
    }

    /// <summary>The version the page runs decides: if it left an export out, the reload stays even when the edit
    /// accepts everything; the next edit (of the version that accepts everything) is hot.</summary>
    [TestMethod]
    public void TheRunningVersionsExportsDecide()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", "import ./mod.js *")
            .Write("/mod.js", "export a,b,c", "accept-exports a,b");
        site.Execute("/main.js", "/parent.js", "/mod.js");
        site.Edit("/mod.js", "export a,b", "accept-exports a,b").Reload();
        site.Execute("/main.js", "/parent.js", "/mod.js");
        CollectionAssert.AreEqual(new[] { "/mod.js<-/mod.js" }, site.Edit("/mod.js", "export a,b", "accept-exports a,b", "// v3").Update().Pairs());
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
