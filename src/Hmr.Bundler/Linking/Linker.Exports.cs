using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Linking;

/// <summary>The spec's ResolveExport and GetExportedNames over the bundle's modules.</summary>
internal sealed partial class Linker
{
    /// <param name="module">The module asked.</param>
    /// <param name="name">The export name.</param>
    /// <param name="visiting">(module, name) pairs on the current chain, so re-export cycles end.</param>
    /// <param name="fromStar">Asked through <c>export *</c>: a CommonJS module then only provides the names found
    /// statically in it (anything else would make every name ambiguous).</param>
    public ExportResolution ResolveExport(ModuleRecord module, string name, HashSet<(ModuleRecord, string)> visiting, bool fromStar)
    {
        if (!visiting.Add((module, name)))
        {
            return ExportResolution.NotFound;
        }
        if (module.Format == ModuleFormat.CommonJs)
        {
            return fromStar && (name == "default" || !CommonJsNames(module).Contains(name))
                ? ExportResolution.NotFound
                : ExportResolution.Found(InteropOf(module), name);
        }
        var shape = module.Es;
        if (shape.LocalExports.TryGetValue(name, out var local))
        {
            if (shape.Imports.TryGetValue(local, out var import))
            {
                return import.Request.Target is null ? ExportResolution.NotFound : ResolveImport(import);
            }
            return ExportResolution.Found(Declared(module, local));
        }
        if (shape.ReExports.TryGetValue(name, out var reExport))
        {
            if (reExport.Request.Target is not { } target)
            {
                return ExportResolution.NotFound;
            }
            return reExport.Imported == "*"
                ? ExportResolution.Found(NamespaceOf(target))
                : ResolveExport(target, reExport.Imported, visiting, fromStar: false);
        }
        if (name == "default")
        {
            return ExportResolution.NotFound;
        }
        ExportResolution? found = null;
        foreach (var star in shape.Stars)
        {
            if (star.Target is null)
            {
                continue;
            }
            var resolution = ResolveExport(star.Target, name, visiting, fromStar: true);
            if (resolution.Status == ResolutionStatus.Ambiguous)
            {
                return resolution;
            }
            if (resolution.Status == ResolutionStatus.Found)
            {
                if (found is { } previous && previous.Target != resolution.Target)
                {
                    return ExportResolution.Ambiguous;
                }
                found = resolution;
            }
        }
        return found ?? ExportResolution.NotFound;
    }

    /// <summary>Every name the module exports (ambiguous star names included; resolving them says which are),
    /// sorted as a namespace object's keys are.</summary>
    public IReadOnlyList<string> ExportNames(ModuleRecord module) => ExportNames(module, []);

    private List<string> ExportNames(ModuleRecord module, HashSet<ModuleRecord> visiting)
    {
        if (_exportNames.TryGetValue(module, out var cached))
        {
            return cached;
        }
        if (!visiting.Add(module))
        {
            return [];
        }
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (module.Format == ModuleFormat.CommonJs)
        {
            names.UnionWith(CommonJsNames(module));
            names.Add("default");
        }
        else
        {
            names.UnionWith(module.Es.LocalExports.Keys);
            names.UnionWith(module.Es.ReExports.Keys);
            foreach (var star in module.Es.Stars.Where(s => s.Target is not null))
            {
                names.UnionWith(ExportNames(star.Target!, visiting).Where(n => n != "default"));
            }
        }
        visiting.Remove(module);
        return _exportNames[module] = [.. names];
    }

    /// <summary>A CommonJS module's statically found names, its re-exported modules' included; no
    /// <c>default</c> and no <c>__esModule</c> (they are interop, not named exports).</summary>
    public IReadOnlyCollection<string> CommonJsNames(ModuleRecord module)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<ModuleRecord>();
        var pending = new Stack<ModuleRecord>([module]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }
            if (current.Format == ModuleFormat.EsModule)
            {
                names.UnionWith(ExportNames(current));
                continue;
            }
            names.UnionWith(current.CommonJs!.Names);
            foreach (var request in current.CommonJs.ReExports.Where(r => r.Target is not null))
            {
                pending.Push(request.Target!);
            }
        }
        names.Remove("default");
        names.Remove("__esModule");
        return names;
    }

    /// <summary>What a chunk serving <paramref name="module"/> exports, by public name.</summary>
    public List<(string Name, BindingTarget Target)> PublicExports(ModuleRecord module)
    {
        var exports = new List<(string, BindingTarget)>();
        if (module.Format == ModuleFormat.CommonJs)
        {
            var interop = InteropOf(module);
            exports.Add(("default", new BindingTarget(interop, "default")));
            exports.AddRange(CommonJsNames(module).Select(n => (n, new BindingTarget(interop, n))));
            return exports;
        }
        foreach (var name in ExportNames(module))
        {
            var resolution = ResolveExport(module, name, [], fromStar: false);
            if (resolution.Status == ResolutionStatus.Found)
            {
                exports.Add((name, resolution.Target));
            }
        }
        ResolvePendingNamespaces();
        return exports;
    }
}
