using Hmr.Bundler.Chunking;
using Hmr.Bundler.Emitting;
using Hmr.Bundler.Linking;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler;

/// <summary>Bundles dependencies into ES module chunks, in Rollup's steps: load (parse every reached file), analyse
/// (scopes, imports, exports), link (bind imports to definitions, execution order), chunk (entry, shared and lazy
/// chunks), emit (scope-hoisted ES code, CommonJS wrapped). docs/bundling.md describes the contract.</summary>
public static class Bundler
{
    /// <summary>Deep syntax trees are walked recursively; a large stack keeps that safe on any input.</summary>
    private const int StackBytes = 64 * 1024 * 1024;

    public static BundleResult Bundle(BundleRequest request)
    {
        BundleResult? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = BundleOnThisThread(request);
            }
            catch (Exception error)
            {
                failure = error;
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            var diagnostic = new BundleDiagnostic(BundleCodes.InternalError, $"The bundler failed unexpectedly (a bug): {failure}", "", 0, 0);
            return new BundleResult([], [.. request.Entries.Select(e => e.Name)], [diagnostic]);
        }
        return result!;
    }

    private static BundleResult BundleOnThisThread(BundleRequest request)
    {
        var diagnostics = new List<BundleDiagnostic>();
        var graph = ModuleGraph.Load(request, diagnostics);
        var linker = new Linker(diagnostics);
        linker.LinkModules(graph.Modules);
        var plan = ChunkPlanner.Plan(graph, diagnostics);
        var publicExports = plan.Chunks.Where(c => c.Root is not null).ToDictionary(c => c, c => linker.PublicExports(c.Root!));
        var links = ChunkLinks.Build(plan, linker, publicExports);
        var emitter = new ChunkEmitter(request, linker, plan, links);
        var chunks = plan.Chunks.Select(emitter.Emit).ToList();
        return new BundleResult(chunks, plan.FailedEntries, diagnostics);
    }
}
