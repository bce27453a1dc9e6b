using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Engine;

/// <summary>Random graphs and random edits: the engine must decide exactly what the reference decides.</summary>
[TestClass]
public sealed class PropagationPropertyTests
{
    private static readonly string[] Bindings = ["a", "b", "c"];

    [TestMethod]
    public void EngineAgreesWithTheReferenceOnRandomGraphsAndEdits()
    {
        var checkedEdits = 0;
        var reloads = 0;
        var updates = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var graph = RandomGraph(random);
            using var site = new TestSite(frozenClock: true);
            foreach (var module in graph.Values) site.Write(module.Url, Lines(module, 0));
            site.Execute([.. graph.Values.Where(m => m.Executed).Select(m => m.Url)]);
            for (var edit = 1; edit <= 3; edit++)
            {
                var changed = graph.Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
                // Some edits also change what the module accepts: the decision must still use the running facts.
                var next = graph.ToDictionary(p => p.Key, p => p.Value with { });
                foreach (var url in changed)
                {
                    var copy = Copy(graph[url]);
                    if (random.NextDouble() < 0.3) copy.Self = !copy.Self;
                    next[url] = copy;
                    site.Write(url, Lines(copy, edit));
                }
                var expected = ReferencePropagation.Run(graph, changed);
                var outcome = site.Touch([.. changed]);
                var context = $"seed {seed} edit {edit}: changed [{string.Join(",", changed)}]\n{Describe(graph)}\n{Outcomes.Describe(outcome)}";
                Compare(expected, outcome, site, context);
                checkedEdits++;
                if (expected.Reload) reloads++; else if (expected.Boundaries.Count > 0) updates++;
                // The page re-runs what it runs (re-import or reload): new facts take effect.
                foreach (var url in changed) graph[url] = next[url];
                site.Execute([.. graph.Values.Where(m => m.Executed).Select(m => m.Url)]);
            }
        }
        Assert.AreEqual(900, checkedEdits);
        // The generator must exercise both outcomes substantially, or the comparison proves little.
        Assert.IsGreaterThan(100, reloads, $"reloads {reloads}");
        Assert.IsGreaterThan(100, updates, $"updates {updates}");
    }

    private static void Compare(ReferencePropagation.Result expected, EngineOutcome outcome, TestSite site, string context)
    {
        var update = outcome.Messages.OfType<UpdateMessage>().SingleOrDefault();
        var reload = outcome.Messages.OfType<FullReloadMessage>().SingleOrDefault();
        if (expected.Reload)
        {
            Assert.IsNotNull(reload, "expected a reload\n" + context);
            Assert.IsNull(update, context);
            Assert.AreEqual(expected.TriggeredBy, reload.TriggeredBy, context);
            return;
        }
        Assert.IsNull(reload, "unexpected reload\n" + context);
        if (expected.Boundaries.Count == 0)
        {
            Assert.IsNull(update, "unexpected update\n" + context);
            return;
        }
        Assert.IsNotNull(update, "expected an update\n" + context);
        CollectionAssert.AreEqual(
            expected.Boundaries.Select(b => $"{b.Boundary}<-{b.Via}{(b.Circular ? " (cycle)" : "")}").ToList(),
            update.Updates.Select(u => $"{u.Path}<-{u.AcceptedPath}{(u.IsWithinCircularImport ? " (cycle)" : "")}").ToList(), context);
        var t = update.Updates[0].Timestamp;
        var stamped = Directory.EnumerateFiles(site.WebRoot, "*.js")
            .Select(p => "/" + Path.GetFileName(p))
            .Where(u => site.Engine.GetModule(u)?.LastUpdateTimestamp == t).ToHashSet();
        CollectionAssert.AreEquivalent(expected.Invalidated.ToList(), stamped.ToList(), "invalidated\n" + context);
    }

    private static RefModule Copy(RefModule m) =>
        new(m.Url, m.Imports) { Self = m.Self, Deps = m.Deps, Exports = m.Exports, Declared = m.Declared, Executed = m.Executed };

    private static Dictionary<string, RefModule> RandomGraph(Random random)
    {
        var count = random.Next(3, 25);
        var urls = Enumerable.Range(0, count).Select(i => $"/m{i:D2}.js").ToArray();
        var graph = new Dictionary<string, RefModule>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var imports = new List<RefImport>();
            for (var j = 0; j < count; j++)
            {
                if (j == i) continue;
                var p = j > i ? 0.2 : 0.04; // mostly downward, a few back edges make cycles
                if (random.NextDouble() >= p) continue;
                var kind = random.Next(6);
                imports.Add(kind switch
                {
                    0 => new RefImport(urls[j], null, Dynamic: true),
                    1 => new RefImport(urls[j], null, false),
                    2 => new RefImport(urls[j], [], false),
                    _ => new RefImport(urls[j], [.. Bindings.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty("a")], false),
                });
            }
            var module = new RefModule(urls[i], imports) { Executed = random.NextDouble() < 0.85 };
            var hot = random.NextDouble();
            if (hot < 0.2) module.Self = true;
            else if (hot < 0.35)
            {
                // Sometimes every export accepted (self-acceptance), mostly some of them.
                module.Declared = Bindings;
                module.Exports = [.. Bindings.Take(random.Next(1, 4))];
            }
            if (imports.Count > 0 && random.NextDouble() < 0.25) module.Deps = [imports[random.Next(imports.Count)].Url];
            graph[module.Url] = module;
        }
        return graph;
    }

    private static string[] Lines(RefModule m, int edit)
    {
        var lines = new List<string>();
        foreach (var i in m.Imports)
            lines.Add(i.Dynamic ? $"dynamic {i.Url}" : $"import {i.Url} {(i.Names is null ? "*" : i.Names.Length == 0 ? "-" : string.Join(',', i.Names))}");
        if (m.Self) lines.Add("accept");
        if (m.Declared.Length > 0) lines.Add($"export {string.Join(',', m.Declared)}");
        if (m.Exports is not null) lines.Add($"accept-exports {string.Join(',', m.Exports)}");
        foreach (var dep in m.Deps) lines.Add($"accept-dep {dep}");
        lines.Add($"// edit {edit}");
        return [.. lines];
    }

    private static string Describe(Dictionary<string, RefModule> graph) => string.Join("\n", graph.Values.Select(m =>
        $"{m.Url}{(m.Executed ? "" : " (never ran)")}{(m.Self ? " self" : "")}{(m.Exports is null ? "" : " exports " + string.Join(',', m.Exports))}" +
        $"{(m.Deps.Count == 0 ? "" : " deps " + string.Join(',', m.Deps))}: " +
        string.Join(", ", m.Imports.Select(i => i.Url + (i.Dynamic ? " dyn" : i.Names is null ? " *" : $" [{string.Join(',', i.Names)}]")))));
}
