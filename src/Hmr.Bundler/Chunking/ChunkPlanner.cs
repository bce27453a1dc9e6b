using Hmr.Bundler.Analysis;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Chunking;

/// <summary>Step 4, chunking. Roots are the entries, then every module a bundled module loads with <c>import()</c>.
/// Modules are grouped by the set of roots that reach them statically (Rollup's rule): a set of one root is that
/// root's chunk; a larger set is a shared chunk, so a module two entries need is instantiated once per page, and a
/// module only an <c>import()</c> reaches stays out of the entry chunks until it is imported.</summary>
internal static class ChunkPlanner
{
    public static ChunkPlan Plan(ModuleGraph graph, List<BundleDiagnostic> diagnostics)
    {
        var plan = new ChunkPlan();
        var roots = new List<(ModuleRecord Module, BundleEntry? Entry)>();
        foreach (var (entry, module) in graph.Entries)
        {
            if (module is not null && Reach(module, dynamic: true).All(m => !m.Failed))
            {
                roots.Add((module, entry));
                continue;
            }
            plan.FailedEntries.Add(entry.Name);
            diagnostics.Add(new BundleDiagnostic(BundleCodes.EntryFailed,
                $"'{entry.Name}' is not bundled: a module it needs has errors (reported above).", entry.FilePath, 0, 0));
        }
        var rootSets = new Dictionary<ModuleRecord, SortedSet<int>>();
        var dynamicRoots = new HashSet<ModuleRecord>();
        for (var i = 0; i < roots.Count; i++)
        {
            foreach (var module in Reach(roots[i].Module, dynamic: false))
            {
                if (!rootSets.TryGetValue(module, out var set))
                {
                    rootSets[module] = set = [];
                }
                set.Add(i);
                foreach (var request in module.DynamicRequests)
                {
                    if (request.Target is { } target && dynamicRoots.Add(target))
                    {
                        roots.Add((target, null));
                    }
                }
            }
        }
        plan.ExecutionOrder = Linking.ExecutionOrder.Compute(roots.Select(r => r.Module));
        var fileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var chunkBySet = new Dictionary<string, Chunk>(StringComparer.Ordinal);
        for (var i = 0; i < roots.Count; i++)
        {
            var (module, entry) = roots[i];
            var chunk = entry is null
                ? new Chunk(UniqueFileName(fileNames, "lazy-" + module.Stem), ChunkKind.Lazy, null, module)
                : new Chunk(UniqueFileName(fileNames, EntryFileStem(entry.Name)), ChunkKind.Entry, entry, module);
            chunkBySet[i.ToString()] = chunk;
            plan.Chunks.Add(chunk);
            if (entry is null)
            {
                plan.LazyChunkOf[module] = chunk;
            }
        }
        foreach (var module in plan.ExecutionOrder)
        {
            var key = string.Join(",", rootSets[module]);
            if (!chunkBySet.TryGetValue(key, out var chunk))
            {
                chunkBySet[key] = chunk = new Chunk(UniqueFileName(fileNames, "shared-" + module.Stem), ChunkKind.Shared, null, null);
                plan.Chunks.Add(chunk);
            }
            chunk.Modules.Add(module);
            plan.ChunkOf[module] = chunk;
        }
        return plan;
    }

    /// <summary>The modules reached from <paramref name="root"/> through static edges (and <c>import()</c> too when
    /// <paramref name="dynamic"/>): a failure anywhere there fails the entry.</summary>
    private static HashSet<ModuleRecord> Reach(ModuleRecord root, bool dynamic)
    {
        var seen = new HashSet<ModuleRecord>();
        var pending = new Stack<ModuleRecord>([root]);
        while (pending.TryPop(out var module))
        {
            if (!seen.Add(module))
            {
                continue;
            }
            var requests = dynamic ? module.StaticRequests.Concat(module.DynamicRequests) : module.StaticRequests;
            foreach (var request in requests)
            {
                if (request.Target is { } target)
                {
                    pending.Push(target);
                }
            }
        }
        return seen;
    }

    /// <summary><c>@scope/pkg/sub</c> → <c>scope__pkg__sub</c>: readable, and distinct from a package named
    /// <c>scope-pkg-sub</c>.</summary>
    private static string EntryFileStem(string entryName) =>
        Identifiers.Sanitize(entryName.TrimStart('@').Replace("/", "__", StringComparison.Ordinal).Replace('-', '_'));

    private static string UniqueFileName(HashSet<string> used, string stem)
    {
        var name = stem + ".js";
        for (var n = 2; !used.Add(name); n++)
        {
            name = $"{stem}{n}.js";
        }
        return name;
    }
}
