using Hmr.Core.Analysis;
using Hmr.Core.Graph;

namespace Hmr.Core.Engine;

/// <summary>The engine's own analyzer: <see cref="ModuleLexer"/> plus plain URL resolution (relative and root-relative
/// specifiers, resolved against the module's URL; full URLs are external; bare specifiers are left unresolved).
/// A relative import whose file does not exist stays unresolved, so creating the file later re-links it.</summary>
public sealed class LexerModuleAnalyzer(string webRootPath, string webRootName = "wwwroot") : IModuleAnalyzer
{
    private readonly WebRootPaths _paths = new(webRootPath);

    public ModuleRecord Analyze(string url, string fullPath, string content)
    {
        var analysis = ModuleLexer.Analyze(content);
        var imports = new List<ResolvedImport>(analysis.Imports.Count);
        var diagnostics = new List<DiagnosticRecord>(analysis.Diagnostics.Count);
        foreach (var d in analysis.Diagnostics)
            diagnostics.Add(new DiagnosticRecord(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.Position.Line, d.Position.Column));
        foreach (var import in analysis.Imports)
        {
            var kind = import.Kind switch { ImportKind.ReExport => "reexport", ImportKind.Dynamic => "dynamic", _ => "static" };
            var (resolved, external) = Resolve(url, import.Specifier);
            if (resolved is not null && _paths.ToFullPath(resolved) is { } target && !File.Exists(target))
            {
                diagnostics.Add(new DiagnosticRecord("HMR020", "warning", $"cannot resolve '{import.Specifier}': {resolved} does not exist",
                    import.Position.Line, import.Position.Column));
                resolved = null;
            }
            imports.Add(new ResolvedImport(import.Specifier, resolved, kind, import.Position.Line, import.Position.Column,
                import.ImportedNames, external));
        }
        var hot = analysis.Hot;
        var deps = new List<string>(hot.AcceptedDeps.Count);
        foreach (var dep in hot.AcceptedDeps)
            if (Resolve(url, dep.Specifier).Url is { } depUrl) deps.Add(depUrl);
        return new ModuleRecord(url, webRootName.TrimEnd('/') + url, "", content.Length, imports, analysis.Exports,
            new HotRecord(hot.UsesHot, hot.AcceptsSelf, deps, hot.AcceptedExports), diagnostics);
    }

    /// <summary>Resolves a specifier against the importing module's URL: (url, external).</summary>
    internal static (string? Url, bool External) Resolve(string importerUrl, string? specifier)
    {
        if (string.IsNullOrEmpty(specifier)) return (null, false);
        if (specifier.StartsWith("//", StringComparison.Ordinal) || HasScheme(specifier)) return (null, true);
        if (!specifier.StartsWith('/') && !specifier.StartsWith("./", StringComparison.Ordinal) && !specifier.StartsWith("../", StringComparison.Ordinal))
            return (null, false); // bare specifier: needs an import map, not ours to follow
        var resolved = new Uri(new Uri("http://module.invalid" + importerUrl), specifier).AbsolutePath;
        return (Uri.UnescapeDataString(resolved), false);
    }

    private static bool HasScheme(string specifier)
    {
        var colon = specifier.IndexOf(':');
        if (colon <= 0) return false;
        for (var i = 0; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(specifier[i]) && specifier[i] is not ('+' or '-' or '.')) return false;
        return char.IsAsciiLetter(specifier[0]);
    }
}
