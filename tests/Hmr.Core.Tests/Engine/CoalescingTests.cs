using System.Collections.Concurrent;
using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

/// <summary>Post(): settling, merging and partial writes, with real files and the real timer. Waits are generous and
/// nothing asserts on durations.</summary>
[TestClass]
public sealed class CoalescingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private sealed class Recorder
    {
        public BlockingCollection<EngineOutcome> Outcomes { get; } = [];
        public void Attach(HmrEngine engine) => engine.OutcomeReady += Outcomes.Add;

        public EngineOutcome NextWithMessages()
        {
            while (Outcomes.TryTake(out var outcome, Generous))
                if (outcome.Messages.Count > 0) return outcome;
            Assert.Fail("no outcome with messages arrived");
            return null!;
        }

        /// <summary>Everything that arrives in the next quiet period (several settle windows).</summary>
        public List<EngineOutcome> Drain(TimeSpan quiet)
        {
            var list = new List<EngineOutcome>();
            while (Outcomes.TryTake(out var outcome, quiet)) list.Add(outcome);
            return list;
        }
    }

    private static (TestSite Site, Recorder Recorder) Site(TimeSpan settle)
    {
        var site = new TestSite(settle)
            .Write("/main.js", "import ./app.js")
            .Write("/app.js", "accept");
        site.Execute("/main.js", "/app.js");
        var recorder = new Recorder();
        recorder.Attach(site.Engine);
        return (site, recorder);
    }

    /// <summary>A save as an editor makes it: the file written, then its event.</summary>
    private static void Save(TestSite site, string path, string content)
    {
        File.WriteAllText(path, content);
        site.Engine.Post(new FileChange(path, FileChangeKind.Changed));
    }

    [TestMethod]
    public void BurstOfEventsForOneFileIsOneBatch()
    {
        var (site, recorder) = Site(TimeSpan.FromMilliseconds(100));
        using var _ = site;
        var path = site.PathOf("/app.js");
        File.WriteAllText(path, "accept\n// 2");
        for (var i = 0; i < 5; i++) site.Engine.Post(new FileChange(path, FileChangeKind.Changed));
        var outcome = recorder.NextWithMessages();
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, outcome.Update().Pairs());
        Assert.IsEmpty(recorder.Drain(TimeSpan.FromMilliseconds(500)).Where(o => o.Messages.Count > 0).ToList());
    }

    [TestMethod]
    public void AtomicSaveThroughPostIsOneUpdate()
    {
        var (site, recorder) = Site(TimeSpan.FromMilliseconds(100));
        using var _ = site;
        var path = site.PathOf("/app.js");
        var temp = path + ".tmp";
        File.WriteAllText(temp, "accept\n// 2");
        site.Engine.Post(new FileChange(temp, FileChangeKind.Created));
        File.Delete(path);
        site.Engine.Post(new FileChange(path, FileChangeKind.Deleted));
        File.Move(temp, path);
        site.Engine.Post(new FileChange(temp, FileChangeKind.Deleted));
        site.Engine.Post(new FileChange(path, FileChangeKind.Created));
        var outcome = recorder.NextWithMessages();
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, outcome.Update().Pairs());
        Assert.IsEmpty(recorder.Drain(TimeSpan.FromMilliseconds(500)).Where(o => o.Messages.Count > 0).ToList());
    }

    [TestMethod]
    public void LoneSaveAfterAQuietSpellDoesNotWaitOutTheSettleWindow()
    {
        // A settle window far longer than the test waits: the save still goes out, after the first look.
        var (site, recorder) = Site(TimeSpan.FromMinutes(10));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "accept\n// 2");
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, recorder.NextWithMessages().Update().Pairs());
    }

    [TestMethod]
    public void FileFoundEmptyAtTheFirstLookIsTakenAtItsNextEventNotAfterTheWindow()
    {
        // A writer that truncates, pauses, then writes: the look between sees an empty file and defers it. The write's
        // event gets a first look of its own (the settle window here is far longer than the test waits).
        var (site, recorder) = Site(TimeSpan.FromMinutes(10));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "");
        Thread.Sleep(200); // the look has happened and deferred the empty file
        Save(site, path, "accept\n// complete");
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, recorder.NextWithMessages().Update().Pairs());
    }

    [TestMethod]
    public void SavesThatKeepComingAfterABatchAreSettledIntoOne()
    {
        var (site, recorder) = Site(TimeSpan.FromSeconds(1));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "accept\n// 2");
        recorder.NextWithMessages();
        // A formatter or a save storm right after: within the window of the last batch, so they wait for quiet.
        for (var i = 3; i <= 6; i++)
        {
            Thread.Sleep(50); // longer than the first look, well within the window
            Save(site, path, $"accept\n// {i}");
        }
        var updates = recorder.Drain(TimeSpan.FromSeconds(3)).SelectMany(o => o.Messages).OfType<UpdateMessage>().ToList();
        Assert.HasCount(1, updates);
    }

    [TestMethod]
    public void SeveralFilesAtTheFirstLookAreAMultiFileChangeSettledIntoOneBatch()
    {
        // The rule under test is what a first look does with several files, not how long it waits: a pause long enough
        // that a loaded machine cannot split the two posts below.
        using var site = new TestSite(TimeSpan.FromSeconds(1), saveGap: TimeSpan.FromMilliseconds(100), firstLook: TimeSpan.FromMilliseconds(100))
            .Write("/main.js", "import ./a.js", "import ./b.js", "import ./c.js")
            .Write("/a.js", "accept").Write("/b.js", "accept").Write("/c.js", "accept");
        site.Execute("/main.js", "/a.js", "/b.js", "/c.js");
        var recorder = new Recorder();
        recorder.Attach(site.Engine);
        // A checkout writes files back to back and the watcher hands over their events as one burst.
        foreach (var url in new[] { "/a.js", "/b.js" }) File.WriteAllText(site.PathOf(url), "accept\n// 2");
        foreach (var url in new[] { "/a.js", "/b.js" }) site.Engine.Post(new FileChange(site.PathOf(url), FileChangeKind.Changed));
        Thread.Sleep(300); // past the first look: a lone save would have gone out by now
        Save(site, site.PathOf("/c.js"), "accept\n// 2");
        // An editor's temporary file does not count as a file of the change.
        site.Engine.Post(new FileChange(site.PathOf("/c.js") + ".tmp", FileChangeKind.Created));
        var updates = recorder.Drain(TimeSpan.FromSeconds(3)).SelectMany(o => o.Messages).OfType<UpdateMessage>().ToList();
        Assert.HasCount(1, updates);
        Assert.HasCount(3, updates[0].Updates);
    }

    [TestMethod]
    public void SaveThatDeletesThenWritesAnewIsOneUpdateNotADeletion()
    {
        var (site, recorder) = Site(TimeSpan.FromSeconds(1));
        using var _ = site;
        var path = site.PathOf("/app.js");
        File.Delete(path);
        site.Engine.Post(new FileChange(path, FileChangeKind.Deleted));
        Thread.Sleep(300); // the first look sees the file missing
        File.WriteAllText(path, "accept\n// 2");
        site.Engine.Post(new FileChange(path, FileChangeKind.Created));
        var all = recorder.Drain(TimeSpan.FromSeconds(3)).SelectMany(o => o.Messages).ToList();
        Assert.HasCount(1, all.OfType<UpdateMessage>().ToList(), string.Join(" ", all.Select(HmrMessageJson.Serialize)));
        Assert.IsFalse(all.OfType<FullReloadMessage>().Any());
    }

    [TestMethod]
    public void EmptyFileThatBecomesCompleteYieldsOneUpdateAndNoSpuriousOne()
    {
        var (site, recorder) = Site(TimeSpan.FromSeconds(1));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "");
        // The first look sees the empty file and gives it one settle window to complete; it does, half-way through.
        Thread.Sleep(500);
        Save(site, path, "accept\n// complete");
        var all = recorder.Drain(TimeSpan.FromSeconds(4)).SelectMany(o => o.Messages).ToList();
        Assert.HasCount(1, all.OfType<UpdateMessage>().ToList(), string.Join(" ", all.Select(HmrMessageJson.Serialize)));
        Assert.IsFalse(all.OfType<FullReloadMessage>().Any());
        Assert.IsFalse(all.OfType<ErrorMessage>().Any());
    }

    [TestMethod]
    public void TruncatedFileThatDoesNotParseYetGetsOneMoreWindow()
    {
        var (site, recorder) = Site(TimeSpan.FromSeconds(1));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "accept\nsyntax-error 2 1");
        Thread.Sleep(500); // within the one window a file that does not parse gets to complete
        Save(site, path, "accept\n// complete");
        var all = recorder.Drain(TimeSpan.FromSeconds(4)).SelectMany(o => o.Messages).ToList();
        Assert.HasCount(1, all.OfType<UpdateMessage>().ToList());
        Assert.IsFalse(all.OfType<ErrorMessage>().Any(), "the partial write must not show an overlay");
    }

    [TestMethod]
    public void SyntaxErrorThatStaysIsReportedAfterTheExtraWindow()
    {
        var (site, recorder) = Site(TimeSpan.FromMilliseconds(50));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "accept\nsyntax-error 2 1");
        var outcome = recorder.NextWithMessages();
        Assert.AreEqual("/app.js", outcome.Messages.OfType<ErrorMessage>().Single().Err.Id);
    }

    [TestMethod]
    public void FileDeletedForGoodIsADeletion()
    {
        var (site, recorder) = Site(TimeSpan.FromMilliseconds(50));
        using var _ = site;
        site.Write("/app.js", "accept").Write("/main.js", "import ./app.js");
        File.Delete(site.PathOf("/app.js"));
        site.Engine.Post(new FileChange(site.PathOf("/app.js"), FileChangeKind.Deleted));
        // As in Vite, the deletion is an update of the module itself (it accepts itself); it stays known, as deleted.
        var outcome = recorder.NextWithMessages();
        CollectionAssert.AreEqual(new[] { "/app.js<-/app.js" }, outcome.Update().Pairs());
        Assert.IsTrue(site.Engine.GetModule("/app.js")!.Deleted);
    }

    [TestMethod]
    public void DisposedEngineIgnoresPostsAndRaisesNothing()
    {
        var (site, recorder) = Site(TimeSpan.FromSeconds(1));
        using var _ = site;
        var path = site.PathOf("/app.js");
        Save(site, path, "accept\n// 2");
        recorder.NextWithMessages();
        // A change still waiting for its window when the engine goes away is dropped with it.
        Save(site, path, "accept\n// 3");
        site.Engine.Dispose();
        Save(site, path, "accept\n// 4");
        Assert.IsEmpty(recorder.Drain(TimeSpan.FromSeconds(2)));
    }
}
