using Hmr.Bundler.Chunking;
using Hmr.Bundler.Linking;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Emitting;

/// <summary>What one chunk declares, imports from other chunks and exports, and the names it gives them.</summary>
internal sealed class ChunkLinks(Chunk chunk)
{
    public Chunk Chunk { get; } = chunk;

    public ChunkNamer Namer { get; } = new(chunk.Modules);

    /// <summary>Chunks that must evaluate first, in the order their modules evaluate.</summary>
    public List<Chunk> Dependencies { get; } = [];

    /// <summary>Symbols imported from each dependency chunk.</summary>
    public Dictionary<Chunk, List<BundleSymbol>> Imports { get; } = [];

    /// <summary>Symbols declared here that other chunks import (exported under their name here).</summary>
    public List<BundleSymbol> SharedExports { get; } = [];

    /// <summary>For an entry or lazy chunk: its root module's exports, by public name.</summary>
    public List<(string Name, BindingTarget Target)> PublicExports { get; set; } = [];

    /// <summary>Builds every chunk's links, then names every chunk's symbols (declared ones first).</summary>
    public static Dictionary<Chunk, ChunkLinks> Build(ChunkPlan plan, Linker linker, Dictionary<Chunk, List<(string, BindingTarget)>> publicExports)
    {
        var all = plan.Chunks.ToDictionary(c => c, c => new ChunkLinks(c));
        var declared = plan.Chunks.ToDictionary(c => c, c => DeclaredSymbols(c, linker));
        var position = plan.ExecutionOrder.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        foreach (var links in all.Values)
        {
            links.PublicExports = publicExports.GetValueOrDefault(links.Chunk) ?? [];
            links.CollectReferences(plan, linker, declared[links.Chunk], all);
            links.CollectDependencies(plan);
            links.Dependencies.Sort((a, b) => position[a.Modules[0]].CompareTo(position[b.Modules[0]]));
        }
        foreach (var links in all.Values)
        {
            foreach (var symbol in declared[links.Chunk])
            {
                links.Namer.Name(symbol);
            }
            foreach (var symbol in links.Imports.Values.SelectMany(s => s))
            {
                links.Namer.Name(symbol);
            }
        }
        return all;
    }

    private static List<BundleSymbol> DeclaredSymbols(Chunk chunk, Linker linker)
    {
        var symbols = new List<BundleSymbol>();
        foreach (var module in chunk.Modules)
        {
            if (module.Format == ModuleFormat.CommonJs)
            {
                symbols.Add(linker.RequireOf(module));
                if (linker.HasInterop(module))
                {
                    symbols.Add(linker.InteropOf(module));
                }
                continue;
            }
            symbols.AddRange(module.Scope.TopLevel.Keys.Where(n => !module.Es.Imports.ContainsKey(n)).Select(n => linker.Declared(module, n)));
        }
        symbols.AddRange(chunk.Modules.Select(linker.ExistingNamespace).OfType<BundleSymbol>());
        return symbols;
    }

    private void CollectReferences(ChunkPlan plan, Linker linker, List<BundleSymbol> declared, Dictionary<Chunk, ChunkLinks> all)
    {
        foreach (var module in Chunk.Modules)
        {
            if (module.Format == ModuleFormat.EsModule)
            {
                var bindings = linker.Bindings[module];
                foreach (var (name, occurrences) in module.Scope.TopLevel)
                {
                    if (bindings.TryGetValue(name, out var target))
                    {
                        Namer.AddOccurrences(target.Symbol, module, occurrences);
                        if (occurrences.Count > 0)
                        {
                            Reference(target.Symbol, plan, all);
                        }
                    }
                }
                continue;
            }
            foreach (var request in module.StaticRequests.Where(r => r.Kind == ImportKind.Require && r.Target is not null))
            {
                var symbol = request.Target!.Format == ModuleFormat.CommonJs ? linker.RequireOf(request.Target) : linker.NamespaceOf(request.Target);
                Namer.AddCommonJsReference(symbol, module);
                Reference(symbol, plan, all);
            }
        }
        foreach (var symbol in declared.Where(s => s.Kind == SymbolKind.Namespace))
        {
            foreach (var (_, target) in linker.NamespaceMembers[symbol])
            {
                Reference(target.Symbol, plan, all);
            }
        }
        foreach (var (_, target) in PublicExports)
        {
            Reference(target.Symbol, plan, all);
        }
    }

    private void Reference(BundleSymbol symbol, ChunkPlan plan, Dictionary<Chunk, ChunkLinks> all)
    {
        var home = plan.ChunkOf[symbol.Owner];
        if (home == Chunk)
        {
            return;
        }
        if (!Imports.TryGetValue(home, out var symbols))
        {
            Imports[home] = symbols = [];
        }
        if (!symbols.Contains(symbol))
        {
            symbols.Add(symbol);
            var exports = all[home].SharedExports;
            if (!exports.Contains(symbol))
            {
                exports.Add(symbol);
            }
        }
    }

    private void CollectDependencies(ChunkPlan plan)
    {
        void Add(Chunk other)
        {
            if (other != Chunk && !Dependencies.Contains(other))
            {
                Dependencies.Add(other);
            }
        }
        foreach (var request in Chunk.Modules.SelectMany(m => m.StaticRequests))
        {
            if (request.Target is { } target)
            {
                Add(plan.ChunkOf[target]);
            }
        }
        if (Chunk.Root is { } root)
        {
            Add(plan.ChunkOf[root]);
        }
        foreach (var other in Imports.Keys)
        {
            Add(other);
        }
    }
}
