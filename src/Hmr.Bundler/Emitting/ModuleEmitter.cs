using System.Text;
using Hmr.Bundler.Analysis;
using Hmr.Bundler.Chunking;
using Hmr.Bundler.Linking;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Emitting;

/// <summary>Step 5 for one module: its original text with edits. An ES module loses its import/export
/// statements and its references point at the chunk's names (scope hoisting); a CommonJS module is wrapped in a
/// lazy initialiser (step 6) with its <c>require('x')</c> calls pointing at the required module.</summary>
internal sealed class ModuleEmitter(BundleRequest request, Linker linker, ChunkPlan plan, ChunkNamer namer)
{
    public void WriteEsModule(ModuleRecord module, StringBuilder output)
    {
        var edits = CommonEdits(module);
        var shape = module.Es;
        foreach (var (start, end) in shape.RemovedStatements)
        {
            // The line break after a removed statement goes with it, so no blank lines pile up.
            edits.Remove(start, end < module.Source.Length && module.Source[end] == '\n' ? end + 1 : end);
        }
        foreach (var (start, end) in shape.ExportKeywords)
        {
            edits.Remove(start, end);
        }
        var bindings = linker.Bindings[module];
        if (shape.Default is { } exported)
        {
            var name = namer.Name(bindings[exported.Local].Symbol);
            switch (exported.Form)
            {
                case DefaultExportForm.NamedDeclaration:
                    edits.Remove(exported.KeywordsStart, exported.KeywordsEnd);
                    break;
                case DefaultExportForm.AnonymousFunction or DefaultExportForm.AnonymousClass:
                    edits.Remove(exported.KeywordsStart, exported.KeywordsEnd);
                    edits.Insert(exported.NameAt, " " + name + (exported.Form == DefaultExportForm.AnonymousClass ? " " : ""));
                    break;
                default:
                    edits.Replace(exported.KeywordsStart, exported.KeywordsEnd, $"const {name} =");
                    if (module.Source[exported.StatementEnd - 1] != ';')
                    {
                        edits.Insert(exported.StatementEnd, ";");
                    }
                    break;
            }
        }
        foreach (var (name, occurrences) in module.Scope.TopLevel)
        {
            if (bindings.TryGetValue(name, out var target))
            {
                foreach (var occurrence in occurrences)
                {
                    RewriteOccurrence(edits, module.Source, occurrence, target);
                }
            }
        }
        WriteModule(module, edits, output);
    }

    /// <summary><c>var require_x = __hmr_commonJS(function (exports, module, require) { … });</c></summary>
    public void WriteCommonJsModule(ModuleRecord module, StringBuilder output)
    {
        var edits = CommonEdits(module);
        foreach (var call in module.Scope.Calls.Where(c => c.IsRequire))
        {
            if (module.CallRequests.TryGetValue(call.CallStart, out var required) && required.Target is { } target)
            {
                edits.Replace(call.CallStart, call.CallEnd, target.Format == ModuleFormat.CommonJs
                    ? namer.Name(linker.RequireOf(target)) + "()"
                    : $"{RuntimeHelpers.ToCommonJs}({namer.Name(linker.NamespaceOf(target))})");
            }
        }
        output.Append("var ").Append(namer.Name(linker.RequireOf(module))).Append(" = ").Append(RuntimeHelpers.CommonJs)
            .Append("(function (exports, module, require) {\n");
        WriteModule(module, edits, output);
        output.Append("});\n");
    }

    /// <summary>Edits both formats need: a hashbang line removed, <c>process.env.NODE_ENV</c> replaced by the mode,
    /// <c>import('x')</c> pointed at the lazy chunk of x.</summary>
    private SourceEdits CommonEdits(ModuleRecord module)
    {
        var edits = new SourceEdits(module.Source);
        if (module.Source.StartsWith("#!", StringComparison.Ordinal))
        {
            var end = module.Source.IndexOf('\n');
            edits.Remove(0, end < 0 ? module.Source.Length : end);
        }
        foreach (var span in module.Scope.NodeEnvReads)
        {
            edits.Replace(span.Start, span.End, JsString.Quote(request.Mode));
        }
        foreach (var call in module.Scope.Calls.Where(c => !c.IsRequire))
        {
            if (module.CallRequests.TryGetValue(call.CallStart, out var imported) && imported.Target is { } target)
            {
                edits.Replace(call.SpecifierStart, call.SpecifierEnd, JsString.Quote("./" + plan.LazyChunkOf[target].FileName));
            }
        }
        return edits;
    }

    private void RewriteOccurrence(SourceEdits edits, string source, Occurrence occurrence, BindingTarget target)
    {
        var original = source[occurrence.Start..occurrence.End];
        var text = TargetText(target);
        if (text == original)
        {
            return;
        }
        if (target.Member is not null && occurrence.Flags.HasFlag(OccurrenceFlags.Callee))
        {
            // `(0, import_x.f)()` calls f with `this` undefined, as the imported binding would be.
            text = $"(0, {text})";
        }
        if (occurrence.Flags.HasFlag(OccurrenceFlags.Shorthand))
        {
            text = $"{original}: {text}";
        }
        edits.Replace(occurrence.Start, occurrence.End, text);
    }

    public string TargetText(BindingTarget target)
    {
        var name = namer.Name(target.Symbol);
        return target.Member switch
        {
            null => name,
            var member when Identifiers.IsPlain(member) => name + "." + member,
            var member => name + "[" + JsString.Quote(member) + "]",
        };
    }

    private static void WriteModule(ModuleRecord module, SourceEdits edits, StringBuilder output)
    {
        output.Append("// ").Append(DisplayPath(module.Path)).Append('\n');
        // Added last: an insertion at a comment's start (a `;` after `export default x`) sorts before the removal.
        foreach (var comment in module.DroppedComments)
        {
            edits.Replace(comment.Start, comment.End, comment.Replacement);
        }
        edits.WriteTo(output);
        output.Append('\n');
    }

    /// <summary>The path from <c>node_modules</c> on (or the file name): enough to recognise the module, without the
    /// machine's folders.</summary>
    private static string DisplayPath(string path)
    {
        var normalized = path.Replace('\\', '/');
        var at = normalized.LastIndexOf("/node_modules/", StringComparison.Ordinal);
        return at >= 0 ? normalized[(at + 1)..] : Path.GetFileName(normalized);
    }
}
