using System.Text;
using Hmr.Bundler.Analysis;
using Hmr.Bundler.Chunking;
using Hmr.Bundler.Linking;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Emitting;

/// <summary>Step 5, emitting one chunk, in this order: imports of the chunks it depends on (their order is the order
/// they evaluate in), the runtime helpers it uses, its namespace objects and CommonJS initialisers (definitions
/// only: nothing runs yet), its modules' code in execution order (a CommonJS module imported by ES code is
/// initialised at its place in that order), then its exports.</summary>
internal sealed class ChunkEmitter(BundleRequest request, Linker linker, ChunkPlan plan, Dictionary<Chunk, ChunkLinks> allLinks)
{
    public BundleChunk Emit(Chunk chunk)
    {
        var links = allLinks[chunk];
        var modules = new ModuleEmitter(request, linker, plan, links.Namer);
        var body = new StringBuilder();
        var helpers = new HashSet<string>();
        WriteNamespaces(chunk, modules, body, helpers);
        foreach (var module in chunk.Modules.Where(m => m.Format == ModuleFormat.CommonJs))
        {
            helpers.Add(RuntimeHelpers.CommonJs);
            if (module.StaticRequests.Any(r => r.Kind == ImportKind.Require && r.Target is { Format: ModuleFormat.EsModule }))
            {
                helpers.Add(RuntimeHelpers.ToCommonJs);
            }
            modules.WriteCommonJsModule(module, body);
        }
        foreach (var module in chunk.Modules)
        {
            if (module.Format == ModuleFormat.EsModule)
            {
                modules.WriteEsModule(module, body);
            }
            else if (linker.HasInterop(module))
            {
                helpers.Add(RuntimeHelpers.ToEsm);
                body.Append($"var {links.Namer.Name(linker.InteropOf(module))} = {RuntimeHelpers.ToEsm}({links.Namer.Name(linker.RequireOf(module))}());\n");
            }
        }
        var exportNames = WriteExports(links, modules, body);
        var output = new StringBuilder();
        WriteImports(links, output);
        RuntimeHelpers.Write(output, helpers);
        output.Append(body);
        return new BundleChunk(chunk.FileName, output.ToString(), chunk.Kind, chunk.Entry?.Name, exportNames);
    }

    private void WriteImports(ChunkLinks links, StringBuilder output)
    {
        foreach (var dependency in links.Dependencies)
        {
            var from = JsString.Quote("./" + dependency.FileName);
            if (!links.Imports.TryGetValue(dependency, out var symbols))
            {
                output.Append($"import {from};\n");
                continue;
            }
            var home = allLinks[dependency].Namer;
            var specifiers = symbols.Select(s => (Exported: home.Name(s), Local: links.Namer.Name(s)))
                .Select(p => p.Exported == p.Local ? p.Local : $"{p.Exported} as {p.Local}");
            output.Append($"import {{ {string.Join(", ", specifiers)} }} from {from};\n");
        }
    }

    private void WriteNamespaces(Chunk chunk, ModuleEmitter modules, StringBuilder body, HashSet<string> helpers)
    {
        foreach (var symbol in chunk.Modules.Select(linker.ExistingNamespace).OfType<BundleSymbol>())
        {
            helpers.Add(RuntimeHelpers.Namespace);
            var getters = linker.NamespaceMembers[symbol].Select(m => $"{PropertyKey(m.Name)}: () => {modules.TargetText(m.Target)}");
            body.Append($"const {allLinks[chunk].Namer.Name(symbol)} = {RuntimeHelpers.Namespace}({{ {string.Join(", ", getters)} }});\n");
        }
    }

    /// <summary>A shared chunk exports the symbols other chunks import, under its names for them; an entry or lazy
    /// chunk exports its root module's exports under their public names. A CommonJS export is a property read: it is
    /// exported as a snapshot taken once the chunk's modules ran (what esbuild and Vite do too).</summary>
    private static List<string> WriteExports(ChunkLinks links, ModuleEmitter modules, StringBuilder body)
    {
        var specifiers = new List<string>();
        var names = new List<string>();
        foreach (var symbol in links.SharedExports)
        {
            var name = links.Namer.Name(symbol);
            specifiers.Add(name);
            names.Add(name);
        }
        foreach (var (publicName, target) in links.PublicExports)
        {
            var local = modules.TargetText(target);
            if (target.Member is not null)
            {
                var snapshot = links.Namer.Fresh("export_" + publicName);
                body.Append($"const {snapshot} = {local};\n");
                local = snapshot;
            }
            var exported = Identifiers.IsPlain(publicName) ? publicName : JsString.Quote(publicName);
            specifiers.Add(local == exported ? local : $"{local} as {exported}");
            names.Add(publicName);
        }
        if (specifiers.Count > 0)
        {
            body.Append($"export {{ {string.Join(", ", specifiers)} }};\n");
        }
        return names;
    }

    private static string PropertyKey(string name) =>
        name == "__proto__" ? "[\"__proto__\"]" : Identifiers.IsPlain(name) ? name : JsString.Quote(name);
}
