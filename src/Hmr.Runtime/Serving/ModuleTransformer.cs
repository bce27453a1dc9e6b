using System.Text;
using System.Text.Json;
using Hmr.Core.Analysis;
using Hmr.Core.Engine;
using Hmr.Core.Resolution;

namespace Hmr.Runtime.Serving;

/// <summary>What the browser gets for one module: the source with its hot context injected (only when it uses
/// <c>import.meta.hot</c>), resolved import specifiers rewritten to module URLs stamped with <c>?t=</c> once updated,
/// and accepted-dep literals rewritten to the module URLs the client matches updates against. Bare specifiers that an
/// import map maps to a module stay bare until that module is updated (the page's import map applies to them), then
/// become its stamped URL: the browser caches a module by URL, so a re-run importer would otherwise get the old one.</summary>
internal static class ModuleTransformer
{
    public const string ClientUrl = "/_hmr/client.js";

    /// <summary>The transformed source, and the import stamps it depends on (part of the cache key). Where each
    /// specifier points comes from the engine's analysis (<paramref name="analysed"/>: the lexer's offsets and the
    /// record's resolved URLs, one per import in the same order).</summary>
    public static (string Code, string Stamps) Transform(string source, AnalysedModule analysed, string moduleUrl, Func<string, ModuleInfo?> lookup)
    {
        var lexed = analysed.Source ?? throw new ArgumentException("the analysis has no lexer output", nameof(analysed));
        var edits = new List<(int Start, int End, string Text)>();
        var stamps = new StringBuilder();
        var resolved = analysed.Record.Imports;
        for (var i = 0; i < lexed.Imports.Count; i++)
        {
            var import = lexed.Imports[i];
            if (import.Specifier is not { } specifier || import.SpecifierEnd <= import.SpecifierStart) continue;
            if (resolved[i] is not { External: false, Url: { } url } || lookup(url) is not { } module) continue;
            var updated = module.LastUpdateTimestamp > 0;
            stamps.Append(specifier).Append("->").Append(url).Append('=').Append(module.LastUpdateTimestamp).Append(';');
            // A bare name stays bare until its module is updated: until then the page's import map applies to it.
            if (updated || !ModuleUrl.IsBare(specifier))
                edits.Add((import.SpecifierStart, import.SpecifierEnd, Escape(updated ? $"{url}?t={module.LastUpdateTimestamp}" : url)));
        }
        for (var i = 0; i < lexed.Hot.AcceptedDeps.Count; i++)
        {
            var dep = lexed.Hot.AcceptedDeps[i];
            if (dep.End <= dep.Start) continue;
            // The client matches updates by module URL, which it cannot work out for a relative or bare name.
            if (analysed.AcceptedDepUrls[i] is not { } url || lookup(url) is null) continue;
            edits.Add((dep.Start, dep.End, Escape(url)));
        }

        var output = new StringBuilder(source.Length + 160);
        var position = 0;
        if (lexed.Hot.UsesHot)
        {
            // Kept on the first line so line numbers in stack traces stay the author's (after a hashbang line if any).
            if (source.StartsWith("#!", StringComparison.Ordinal))
            {
                position = source.IndexOf('\n') is var newline and >= 0 ? newline + 1 : source.Length;
                output.Append(source, 0, position);
            }
            output.Append("import { createHotContext as __hmr_createHotContext } from \"").Append(ClientUrl).Append("\";")
                  .Append("import.meta.hot = __hmr_createHotContext(").Append(JsonSerializer.Serialize(moduleUrl)).Append(");");
        }
        foreach (var (start, end, text) in edits.OrderBy(e => e.Start))
        {
            if (start < position || end > source.Length) continue;
            output.Append(source, position, start - position).Append(text);
            position = end;
        }
        output.Append(source, position, source.Length - position);
        return (output.ToString(), stamps.ToString());
    }

    private static string Escape(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is '\'' or '"' or '`' or '\\') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
