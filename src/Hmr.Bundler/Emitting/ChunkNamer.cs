using Hmr.Bundler.Analysis;
using Hmr.Bundler.Linking;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Emitting;

/// <summary>Gives each symbol declared in or imported into one chunk its name there: the original name unless it
/// collides, else <c>name$1</c>, <c>name$2</c>… (deterministic: modules in execution order, names in declaration
/// order). A name is refused when another symbol of the chunk has it, when some module of the chunk reads a global
/// by it, or when a scope around one of the symbol's references declares it (the reference would be captured).</summary>
internal sealed class ChunkNamer
{
    private static readonly string[] CommonJsParameters = ["exports", "module", "require"];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<BundleSymbol, List<(ModuleRecord Module, Occurrence Occurrence)>> _occurrences = [];
    private readonly Dictionary<BundleSymbol, List<ModuleRecord>> _commonJsReferences = [];

    public ChunkNamer(IEnumerable<ModuleRecord> modules)
    {
        _used.UnionWith(RuntimeHelpers.All);
        _used.Add(RuntimeHelpers.ToCommonJs + "$cache");
        foreach (var module in modules)
        {
            _used.UnionWith(module.Scope.Free.Keys);
        }
    }

    public Dictionary<BundleSymbol, string> Names { get; } = [];

    public void AddOccurrences(BundleSymbol symbol, ModuleRecord module, List<Occurrence> occurrences)
    {
        if (!_occurrences.TryGetValue(symbol, out var list))
        {
            _occurrences[symbol] = list = [];
        }
        list.AddRange(occurrences.Select(o => (module, o)));
    }

    public void AddCommonJsReference(BundleSymbol symbol, ModuleRecord module)
    {
        if (!_commonJsReferences.TryGetValue(symbol, out var list))
        {
            _commonJsReferences[symbol] = list = [];
        }
        list.Add(module);
    }

    public string Name(BundleSymbol symbol)
    {
        if (!Names.TryGetValue(symbol, out var name))
        {
            Names[symbol] = name = Pick(symbol.Name, candidate => IsCaptured(symbol, candidate));
        }
        return name;
    }

    /// <summary>A name for a variable the emitter adds (an export snapshot), used nowhere else in the chunk.</summary>
    public string Fresh(string preferred) => Pick(Identifiers.Sanitize(preferred), static _ => false);

    private string Pick(string preferred, Func<string, bool> refused)
    {
        var candidate = preferred;
        for (var n = 1; _used.Contains(candidate) || refused(candidate); n++)
        {
            candidate = $"{preferred}${n}";
        }
        _used.Add(candidate);
        return candidate;
    }

    private bool IsCaptured(BundleSymbol symbol, string candidate)
    {
        if (_occurrences.TryGetValue(symbol, out var occurrences)
            && occurrences.Any(o => o.Occurrence.Scope.ShadowsBelow(o.Module.Scope.Top, candidate)))
        {
            return true;
        }
        return _commonJsReferences.TryGetValue(symbol, out var modules)
            && (CommonJsParameters.Contains(candidate) || modules.Any(m => m.Scope.AllNames.Contains(candidate)));
    }
}
