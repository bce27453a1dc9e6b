using Hmr.Core.Engine;

namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class ConcurrencyTests
{
    [TestMethod]
    public void ReadersNeverSeeAHalfAppliedUpdate()
    {
        // Every update stamps the whole chain with one timestamp; a reader that saw two different stamps on the
        // chain within one snapshot would have seen half an update.
        const int depth = 50;
        using var site = new TestSite().Write("/m0.js", "import ./m1.js", "accept");
        for (var i = 1; i < depth; i++) site.Write($"/m{i}.js", i + 1 < depth ? $"import ./m{i + 1}.js" : "");
        var urls = Enumerable.Range(0, depth).Select(i => $"/m{i}.js").ToArray();
        site.Execute(urls);
        var engine = site.Engine;
        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var reads = 0L;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            long lastSeen = 0;
            while (!stop.IsCancellationRequested)
            {
                // The engine's snapshot is per call; read the chain's ends back to back many times.
                var top = engine.GetModule("/m0.js");
                var leaf = engine.GetModule($"/m{depth - 1}.js");
                if (top is null || leaf is null) { lock (failures) failures.Add("module vanished"); return; }
                if (top.LastUpdateTimestamp < lastSeen) { lock (failures) failures.Add("timestamp went back"); return; }
                lastSeen = top.LastUpdateTimestamp;
                engine.MarkExecuted(urls[Random.Shared.Next(depth)]);
                Interlocked.Increment(ref reads);
            }
        })).ToArray();
        var stamps = new List<long>();
        for (var i = 0; i < 200; i++)
            stamps.Add(site.Edit($"/m{depth - 1}.js", $"// {i}").Update().Updates[0].Timestamp);
        stop.Cancel();
        Task.WaitAll(readers);
        Assert.IsEmpty(failures, string.Join(", ", failures));
        Assert.IsGreaterThan(0L, Interlocked.Read(ref reads));
        for (var i = 1; i < stamps.Count; i++) Assert.IsGreaterThan(stamps[i - 1], stamps[i]);
        foreach (var url in urls) Assert.AreEqual(stamps[^1], engine.GetModule(url)!.LastUpdateTimestamp, url);
    }

    [TestMethod]
    public void SnapshotSwapsWhole()
    {
        // Internal view: a snapshot taken mid-stream holds one timestamp for the whole chain.
        const int depth = 200;
        using var site = new TestSite().Write("/m0.js", "import ./m1.js", "accept");
        for (var i = 1; i < depth; i++) site.Write($"/m{i}.js", i + 1 < depth ? $"import ./m{i + 1}.js" : "");
        site.Execute([.. Enumerable.Range(0, depth).Select(i => $"/m{i}.js")]);
        var engine = site.Engine;
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var snapshots = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = engine.Snapshot;
                var distinct = snapshot.Values.Where(m => m.Url.StartsWith("/m")).Select(m => m.LastUpdateTimestamp).Distinct().Count();
                if (distinct > 1) Interlocked.Increment(ref torn);
                Interlocked.Increment(ref snapshots);
            }
        });
        for (var i = 0; i < 100; i++) site.Edit($"/m{depth - 1}.js", $"// {i}").Update();
        stop.Cancel();
        reader.Wait();
        Assert.AreEqual(0, torn);
        Assert.IsGreaterThan(0, snapshots);
    }
}
