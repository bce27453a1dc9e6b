using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

/// <summary>Random sequences of edits, deletions and creations: after every batch the graph must be consistent with
/// itself, with the files and with the snapshot, and every pruned module must really be unreachable.</summary>
[TestClass]
public sealed class GraphInvariantTests
{
    [TestMethod]
    public void GraphStaysConsistentThroughRandomEditsDeletionsAndCreations()
    {
        var operations = 0;
        var prunes = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            using var site = new TestSite();
            var count = random.Next(4, 16);
            var urls = Enumerable.Range(0, count).Select(i => $"/m{i:D2}.js").ToArray();
            string[] RandomContent(int self) =>
            [
                .. urls.Where((u, j) => j != self && random.NextDouble() < (j > self ? 0.3 : 0.05))
                    .Select(u => random.Next(4) == 0 ? $"dynamic {u}" : $"import! {u}"),
                random.NextDouble() < 0.3 ? "accept" : "",
                $"// {random.Next()}",
            ];
            for (var i = 0; i < count; i++) site.Write(urls[i], RandomContent(i));
            site.Execute(urls);
            Check(site, [], $"seed {seed} start");
            for (var step = 0; step < 25; step++)
            {
                var i = random.Next(count);
                var url = urls[i];
                var exists = File.Exists(site.PathOf(url));
                EngineOutcome outcome;
                string what;
                if (exists && random.NextDouble() < 0.2) { outcome = site.Delete(url); what = "delete"; }
                else { outcome = site.Edit(url, RandomContent(i)); what = exists ? "edit" : "create"; }
                var pruned = outcome.Messages.OfType<PruneMessage>().SelectMany(p => p.Paths).ToList();
                prunes += pruned.Count;
                Check(site, pruned, $"seed {seed} step {step}: {what} {url}\n{Outcomes.Describe(outcome)}");
                if (random.NextDouble() < 0.5) site.Execute(urls.Where(u => File.Exists(site.PathOf(u))).ToArray());
                operations++;
            }
        }
        Assert.AreEqual(60 * 25, operations);
        Assert.IsGreaterThan(20, prunes, "the generator must make prunes happen");
    }

    // The engine's private graph, read from the test without a hook in the product.
    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = "_graph")]
    private static extern ref ModuleGraph EngineGraph(HmrEngine engine);

    private static void Check(TestSite site, List<string> pruned, string context)
    {
        var graph = EngineGraph(site.Engine);
        var nodes = graph.Nodes.ToList();
        foreach (var node in nodes)
        {
            Assert.AreSame(node, graph.Find(node.Url), context);
            foreach (var target in node.Imports)
            {
                Assert.IsTrue(target.Importers.Contains(node), $"{node.Url} -> {target.Url} not mirrored\n{context}");
                Assert.AreSame(target, graph.Find(target.Url), $"{node.Url} imports a node that left the graph: {target.Url}\n{context}");
            }
            foreach (var importer in node.Importers.ToArray())
            {
                Assert.Contains(node, importer.Imports, $"{importer.Url} listed as importer of {node.Url}\n{context}");
                Assert.IsTrue(importer.Exists, $"importer {importer.Url} has no file\n{context}");
            }
            if (node.Exists)
            {
                Assert.IsTrue(File.Exists(site.PathOf(node.Url)), $"{node.Url} in the graph without a file\n{context}");
                var expected = node.Record!.Imports.Where(i => i.Url is not null).Select(i => i.Url!).Distinct().Order(StringComparer.Ordinal);
                CollectionAssert.AreEqual(expected.ToList(), node.Imports.Select(t => t.Url).Order(StringComparer.Ordinal).ToList(), context);
            }
            else
            {
                Assert.IsTrue(node.Importers.Count > 0 || node.ErrorHash is not null || node.IsDeletedButRunning, $"{node.Url}: dangling with nobody importing it\n{context}");
            }
        }
        CollectionAssert.AreEquivalent(nodes.Where(n => n.Exists || n.IsDeletedButRunning).Select(n => n.Url).ToList(), site.Engine.Snapshot.Keys.ToList(), "snapshot\n" + context);

        // Reachability from the entries (roots, and modules nothing imports).
        var reachable = new HashSet<string>();
        var work = new Stack<ModuleNode>(nodes.Where(n => n.Exists && (graph.Roots.Contains(n.Url) || n.Importers.Count == 0)));
        while (work.Count > 0)
        {
            var node = work.Pop();
            if (!reachable.Add(node.Url)) continue;
            foreach (var target in node.Imports) if (target.Exists) work.Push(target);
        }
        foreach (var url in pruned)
        {
            Assert.IsNull(graph.Find(url), $"pruned {url} still in the graph\n{context}");
            Assert.DoesNotContain(url, reachable, $"pruned {url} is reachable\n{context}");
        }
        // Everything a root reaches through files on disk is in the graph.
        foreach (var url in reachable)
        {
            var node = graph.Find(url)!;
            foreach (var import in node.Record!.Imports)
                if (import.Url is not null && File.Exists(site.PathOf(import.Url)))
                    Assert.IsTrue(graph.Find(import.Url) is { Exists: true }, $"{url} imports {import.Url}, which has a file but no module\n{context}");
        }
    }
}
