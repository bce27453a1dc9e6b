using Hmr.Bundler.Analysis;

namespace Hmr.Bundler.Loading;

/// <summary>Every module the entries reach (through imports, re-exports, followed <c>require</c> calls and literal
/// <c>import()</c> calls), loaded and analysed, each once.</summary>
internal sealed class ModuleGraph
{
    private static readonly string[] ModuleExtensions = [".js", ".mjs", ".cjs", ".json"];

    private readonly Dictionary<string, ModuleRecord?> _byPath = new(StringComparer.Ordinal);
    private readonly BundleRequest _request;
    private readonly List<BundleDiagnostic> _diagnostics;
    private readonly ModuleLoader _loader;

    private ModuleGraph(BundleRequest request, List<BundleDiagnostic> diagnostics)
    {
        _request = request;
        _diagnostics = diagnostics;
        _loader = new ModuleLoader(request, diagnostics);
    }

    public List<ModuleRecord> Modules { get; } = [];

    /// <summary>Each entry's module, or null when its file could not be loaded.</summary>
    public Dictionary<BundleEntry, ModuleRecord?> Entries { get; } = [];

    public static ModuleGraph Load(BundleRequest request, List<BundleDiagnostic> diagnostics)
    {
        var graph = new ModuleGraph(request, diagnostics);
        foreach (var entry in request.Entries)
        {
            graph.Entries[entry] = graph.GetOrLoad(Path.GetFullPath(entry.FilePath));
        }
        // Modules grows while it is walked: each loaded module's requests load their targets.
        for (var i = 0; i < graph.Modules.Count; i++)
        {
            graph.Link(graph.Modules[i]);
        }
        return graph;
    }

    private ModuleRecord? GetOrLoad(string path)
    {
        if (_byPath.TryGetValue(path, out var known))
        {
            return known;
        }
        var module = _loader.Load(path, Modules.Count);
        _byPath[path] = module;
        if (module is not null)
        {
            Modules.Add(module);
            Analyze(module);
        }
        return module;
    }

    private static void Analyze(ModuleRecord module)
    {
        if (module.Format == ModuleFormat.EsModule)
        {
            module.Es = EsModuleAnalyzer.Analyze(module);
        }
        foreach (var call in module.Scope.Calls)
        {
            if (call.InDeadBranch || (call.IsRequire && module.Format != ModuleFormat.CommonJs))
            {
                continue;
            }
            var span = new SourceSpan(call.SpecifierStart, call.SpecifierEnd, call.Line, call.Column);
            var request = new ModuleRequest(call.Specifier, call.IsRequire ? ImportKind.Require : ImportKind.Dynamic, span);
            (call.IsRequire ? module.StaticRequests : module.DynamicRequests).Add(request);
            module.CallRequests[call.CallStart] = request;
        }
        if (module.Format == ModuleFormat.CommonJs)
        {
            module.CommonJs = CommonJsExportScanner.Scan(module);
        }
    }

    private void Link(ModuleRecord module)
    {
        foreach (var request in module.StaticRequests.Concat(module.DynamicRequests))
        {
            var resolution = _request.Resolver.Resolve(request.Specifier, module.Path, request.Kind);
            if (!resolution.Succeeded)
            {
                Fail(module, request, BundleCodes.Unresolved, $"Cannot resolve '{request.Specifier}': {resolution.Failure}");
                continue;
            }
            var path = Path.GetFullPath(resolution.FilePath!);
            if (!ModuleExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                Fail(module, request, BundleCodes.UnsupportedAsset,
                    $"'{request.Specifier}' resolves to '{path}', which is not a JavaScript or JSON module; dependencies cannot import other assets.");
                continue;
            }
            request.Target = GetOrLoad(path);
            if (request.Target is null)
            {
                // The target's own diagnostic (syntax error, unreadable) says why; the importer cannot bundle either.
                module.Failed = true;
            }
        }
        foreach (var span in module.Scope.NonLiteralImports)
        {
            _diagnostics.Add(new BundleDiagnostic(BundleCodes.DynamicImportNotLiteral,
                "import() with a computed specifier is left as written: the browser resolves it at run time.", module.Path, span.Line, span.Column));
        }
        if (module.Format == ModuleFormat.CommonJs)
        {
            foreach (var span in module.Scope.NonLiteralRequires)
            {
                _diagnostics.Add(new BundleDiagnostic(BundleCodes.RequireNotLiteral,
                    "require() with a computed argument cannot be bundled; it throws if it runs.", module.Path, span.Line, span.Column));
            }
        }
    }

    private void Fail(ModuleRecord module, ModuleRequest request, string code, string message)
    {
        module.Failed = true;
        _diagnostics.Add(new BundleDiagnostic(code, message, module.Path, request.Span.Line, request.Span.Column));
    }
}
