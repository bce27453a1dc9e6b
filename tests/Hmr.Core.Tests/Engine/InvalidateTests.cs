using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class InvalidateTests
{
    private static TestSite Site()
    {
        var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", "import ./hot.js", "accept")
            .Write("/hot.js", "accept");
        site.Execute("/main.js", "/parent.js", "/hot.js");
        return site;
    }

    [TestMethod]
    public void InvalidatePropagatesFromTheImportersWithFirstInvalidatedBy()
    {
        using var site = Site();
        var first = site.Edit("/hot.js", "accept", "// v2").Update().Updates[0];
        var outcome = site.Engine.Invalidate("/hot.js", null, "cannot apply");
        var entry = outcome.Update().Updates.Single();
        Assert.AreEqual("/parent.js", entry.Path);
        Assert.AreEqual("/parent.js", entry.AcceptedPath);
        Assert.AreEqual("/hot.js", entry.FirstInvalidatedBy);
        Assert.IsGreaterThan(first.Timestamp, entry.Timestamp);
        // The page already runs hot.js's new version (imported with the first stamp): the importer reuses it.
        Assert.AreEqual(first.Timestamp, site.Engine.GetModule("/hot.js")!.LastUpdateTimestamp);
        Assert.AreEqual(entry.Timestamp, site.Engine.GetModule("/parent.js")!.LastUpdateTimestamp);
        CollectionAssert.AreEqual(new[] { $"/parent.js?t={entry.Timestamp}" }, entry.Preload.ToList());
        Assert.IsTrue(outcome.Trace.Detail.Any(d => d.Contains("cannot apply")));
    }

    [TestMethod]
    public void SameInvalidationFromSeveralTabsIsHandledOnce()
    {
        using var site = Site();
        site.Edit("/hot.js", "accept", "// v2").Update();
        site.Engine.Invalidate("/hot.js", "/hot.js", null).Update();
        Assert.IsEmpty(site.Engine.Invalidate("/hot.js", "/hot.js", null).Messages);
        Assert.IsEmpty(site.Engine.Invalidate("/hot.js?t=5", null, null).Messages);
        // A later update is a new occasion to invalidate.
        site.Edit("/hot.js", "accept", "// v3").Update();
        site.Engine.Invalidate("/hot.js", null, null).Update();
    }

    [TestMethod]
    public void InvalidationCaughtByAnImporterThatAcceptsTheInvalidatorAsADep()
    {
        // hot.js gives up in its own accept callback; parent accepts hot.js as a dep, so the update stops there:
        // hot.js is re-imported for parent's callback and its own callback does not run again (no loop).
        using var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", "import ./hot.js", "accept-dep ./hot.js")
            .Write("/hot.js", "accept");
        site.Execute("/main.js", "/parent.js", "/hot.js");
        site.Edit("/hot.js", "accept", "// v2").Update();
        var entry = site.Engine.Invalidate("/hot.js", "/hot.js", null).Update().Updates.Single();
        Assert.AreEqual(("/parent.js", "/hot.js", "/hot.js"), (entry.Path, entry.AcceptedPath, entry.FirstInvalidatedBy));
    }

    [TestMethod]
    public void ChainedInvalidationCarriesTheFirstInvalidator()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./top.js")
            .Write("/top.js", "import ./parent.js", "accept")
            .Write("/parent.js", "import ./hot.js", "accept")
            .Write("/hot.js", "accept");
        site.Execute("/main.js", "/top.js", "/parent.js", "/hot.js");
        site.Edit("/hot.js", "accept", "// v2").Update();
        site.Engine.Invalidate("/hot.js", null, null).Update();
        // parent's accept callback gives up too; the client passes on the first invalidator.
        var entry = site.Engine.Invalidate("/parent.js", "/hot.js", null).Update().Updates.Single();
        Assert.AreEqual("/top.js", entry.Path);
        Assert.AreEqual("/hot.js", entry.FirstInvalidatedBy);
    }

    [TestMethod]
    public void ChainedInvalidationReachingTheFirstInvalidatorReloads()
    {
        // hot.js and parent.js import each other; parent accepts itself.
        using var site = new TestSite()
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", "import ./hot.js", "accept")
            .Write("/hot.js", "import ./parent.js", "accept");
        site.Execute("/main.js", "/parent.js", "/hot.js");
        site.Edit("/hot.js", "import ./parent.js", "accept", "// v2").Update();
        site.Engine.Invalidate("/hot.js", null, null).Update();
        // parent gives up; its importers include hot.js, which accepts itself and first invalidated: a loop.
        Assert.AreEqual("/parent.js", site.Engine.Invalidate("/parent.js", "/hot.js", null).Reload().TriggeredBy);
    }

    [TestMethod]
    public void InvalidateFromADepAcceptCallbackOfANonSelfAcceptingModuleWorks()
    {
        using var site = new TestSite()
            .Write("/main.js", "import ./top.js")
            .Write("/top.js", "import ./parent.js", "accept")
            .Write("/parent.js", "import ./leaf.js", "accept-dep ./leaf.js")
            .Write("/leaf.js", "");
        site.Execute("/main.js", "/top.js", "/parent.js", "/leaf.js");
        var first = site.Edit("/leaf.js", "// v2").Update().Updates.Single();
        Assert.AreEqual("/parent.js", first.Path);
        var entry = site.Engine.Invalidate("/parent.js", null, "dep accept gave up").Update().Updates.Single();
        Assert.AreEqual("/top.js", entry.Path);
        Assert.AreEqual("/parent.js", entry.FirstInvalidatedBy);
        // parent.js never re-ran: it must be fetched anew under the new stamp, with top.js.
        Assert.AreEqual(entry.Timestamp, site.Engine.GetModule("/parent.js")!.LastUpdateTimestamp);
        CollectionAssert.AreEquivalent(new[] { $"/top.js?t={entry.Timestamp}", $"/parent.js?t={entry.Timestamp}" }, entry.Preload.ToList());
        Assert.IsEmpty(site.Engine.Invalidate("/parent.js", null, null).Messages, "second tab");
    }

    [TestMethod]
    public void InvalidatingAModuleNothingImportsReloads()
    {
        using var site = new TestSite().Write("/root.js", "accept");
        site.Execute("/root.js");
        site.Edit("/root.js", "accept", "// v2").Update();
        Assert.AreEqual("/root.js", site.Engine.Invalidate("/root.js", null, null).Reload().TriggeredBy);
    }

    [TestMethod]
    public void InvalidatingAnUnknownOrNeverExecutedModuleDoesNothing()
    {
        using var site = new TestSite().Write("/a.js", "accept");
        Assert.IsEmpty(site.Engine.Invalidate("/nope.js", null, null).Messages);
        Assert.IsEmpty(site.Engine.Invalidate("/a.js", null, null).Messages);
    }

    [TestMethod]
    public void TimestampsOfInvalidationsKeepIncreasing()
    {
        using var site = new TestSite(frozenClock: true)
            .Write("/main.js", "import ./parent.js")
            .Write("/parent.js", "import ./hot.js", "accept")
            .Write("/hot.js", "accept");
        site.Execute("/main.js", "/parent.js", "/hot.js");
        var stamps = new List<long>
        {
            site.Edit("/hot.js", "accept", "// 2").Update().Updates[0].Timestamp,
            site.Engine.Invalidate("/hot.js", null, null).Update().Updates[0].Timestamp,
            site.Edit("/hot.js", "accept", "// 3").Update().Updates[0].Timestamp,
        };
        CollectionAssert.AreEqual(new long[] { 1000, 1001, 1002 }, stamps, "the clock is frozen at 1000: then +1 each time");
        Assert.IsInstanceOfType<UpdateMessage>(site.Engine.Invalidate("/hot.js", null, null).Messages[0]);
    }
}
