using Hmr.Bundler.Analysis;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Linking;

/// <summary>Step 3, linking: resolves every imported name to the symbol that defines it, through re-export chains
/// and <c>export *</c> (a name two stars provide differently is ambiguous and left out, as the spec says), and
/// creates the symbols the output needs: each ES module's top-level bindings, namespace objects, CommonJS
/// initialisers and interop objects.</summary>
internal sealed partial class Linker(List<BundleDiagnostic> diagnostics)
{
    private readonly Dictionary<(ModuleRecord, string), BundleSymbol> _declared = [];
    private readonly Dictionary<ModuleRecord, BundleSymbol> _namespaces = [];
    private readonly Dictionary<ModuleRecord, BundleSymbol> _requires = [];
    private readonly Dictionary<ModuleRecord, BundleSymbol> _interops = [];
    private readonly Dictionary<ModuleRecord, List<string>> _exportNames = [];
    private readonly Queue<ModuleRecord> _pendingNamespaces = new();

    /// <summary>For each ES module, what each of its top-level names (imports included) refers to.</summary>
    public Dictionary<ModuleRecord, Dictionary<string, BindingTarget>> Bindings { get; } = [];

    /// <summary>The members of each namespace object: export name → target.</summary>
    public Dictionary<BundleSymbol, List<(string Name, BindingTarget Target)>> NamespaceMembers { get; } = [];

    public BundleSymbol Declared(ModuleRecord module, string name) =>
        GetOrAdd(_declared, (module, name), () => new BundleSymbol(module, name, SymbolKind.Declared));

    public BundleSymbol RequireOf(ModuleRecord module) =>
        GetOrAdd(_requires, module, () => new BundleSymbol(module, "require_" + module.Stem, SymbolKind.CommonJsRequire));

    public BundleSymbol InteropOf(ModuleRecord module) =>
        GetOrAdd(_interops, module, () => new BundleSymbol(module, "import_" + module.Stem, SymbolKind.CommonJsInterop));

    public bool HasInterop(ModuleRecord module) => _interops.ContainsKey(module);

    /// <summary>The namespace object of a module; a CommonJS module's is its interop object.</summary>
    public BundleSymbol NamespaceOf(ModuleRecord module)
    {
        if (module.Format == ModuleFormat.CommonJs)
        {
            return InteropOf(module);
        }
        return GetOrAdd(_namespaces, module, () =>
        {
            _pendingNamespaces.Enqueue(module);
            return new BundleSymbol(module, "ns_" + module.Stem, SymbolKind.Namespace);
        });
    }

    public BundleSymbol? ExistingNamespace(ModuleRecord module) => _namespaces.GetValueOrDefault(module);

    private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, Func<TValue> create) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var value))
        {
            map[key] = value = create();
        }
        return value;
    }

    /// <summary>Binds every ES module's top-level names; an import of a name the target does not export (or
    /// exports ambiguously) is a diagnostic and fails the importing module.</summary>
    public void LinkModules(IEnumerable<ModuleRecord> modules)
    {
        foreach (var module in modules)
        {
            if (module.Format == ModuleFormat.CommonJs)
            {
                RequireOf(module);
                foreach (var request in module.StaticRequests.Where(r => r.Target is { Format: ModuleFormat.EsModule }))
                {
                    NamespaceOf(request.Target!);
                }
                continue;
            }
            var bindings = new Dictionary<string, BindingTarget>(StringComparer.Ordinal);
            foreach (var name in module.Scope.TopLevel.Keys)
            {
                if (!module.Es.Imports.TryGetValue(name, out var import))
                {
                    bindings[name] = new BindingTarget(Declared(module, name), null);
                }
                else if (import.Request.Target is { } target)
                {
                    var resolution = ResolveImport(import);
                    if (resolution.Status == ResolutionStatus.Found)
                    {
                        bindings[name] = resolution.Target;
                    }
                    else
                    {
                        ReportImport(module, import, target, resolution.Status);
                    }
                }
            }
            Bindings[module] = bindings;
        }
        ResolvePendingNamespaces();
    }

    /// <summary>Resolves the members of namespace objects created so far (which may create more namespaces).</summary>
    public void ResolvePendingNamespaces()
    {
        while (_pendingNamespaces.TryDequeue(out var module))
        {
            var members = new List<(string, BindingTarget)>();
            foreach (var name in ExportNames(module))
            {
                var resolution = ResolveExport(module, name, [], fromStar: false);
                if (resolution.Status == ResolutionStatus.Found)
                {
                    members.Add((name, resolution.Target));
                }
            }
            NamespaceMembers[_namespaces[module]] = members;
        }
    }

    private void ReportImport(ModuleRecord module, ImportBinding import, ModuleRecord target, ResolutionStatus status)
    {
        module.Failed = true;
        var (code, message) = status == ResolutionStatus.Ambiguous
            ? (BundleCodes.AmbiguousExport, $"'{import.Imported}' is exported by more than one 'export *' of '{import.Request.Specifier}' ({target.Path}).")
            : (BundleCodes.MissingExport, $"'{import.Request.Specifier}' ({target.Path}) does not provide an export named '{import.Imported}'.");
        diagnostics.Add(new BundleDiagnostic(code, message, module.Path, import.Request.Span.Line, import.Request.Span.Column));
    }

    public ExportResolution ResolveImport(ImportBinding import)
    {
        var target = import.Request.Target!;
        return import.Imported == "*"
            ? ExportResolution.Found(NamespaceOf(target))
            : ResolveExport(target, import.Imported, [], fromStar: false);
    }
}
