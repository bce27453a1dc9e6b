using Hmr.Core.Graph;
using Hmr.Core.Resolution;
using Hmr.Runtime.Hosting;

namespace Hmr.Runtime.Serving;

/// <summary>Resolves the specifiers of a served module exactly as the graph does (Hmr.Core's <see cref="ModuleResolver"/>:
/// relative, root-relative and bare specifiers, through the import maps of the web root's pages), so the transformer
/// rewrites and stamps the same modules the engine propagates through. Rebuilt lazily after a page changes (the
/// watcher calls <see cref="Invalidate"/>).</summary>
internal sealed class ServedModuleResolver(HmrWebRoot webRoot)
{
    private ModuleResolver? _resolver;

    public void Invalidate() => Volatile.Write(ref _resolver, null);

    /// <summary>The module URL a specifier of the module at <paramref name="importerUrl"/> names, or null (bare and
    /// unmapped, external, blocked, or no file there).</summary>
    public string? Resolve(string specifier, string importerUrl)
    {
        var resolver = Volatile.Read(ref _resolver) ?? Build();
        var result = resolver.Resolve(specifier, importerUrl);
        return result.Outcome == ResolutionOutcome.Resolved ? result.Url : null;
    }

    private ModuleResolver Build()
    {
        ModuleResolver resolver;
        try
        {
            resolver = ModuleAnalyzer.ForWebRoot(webRoot.FullPath).Resolver;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pages that cannot be read: no import map (bare specifiers stay as written; the browser's map still applies).
            resolver = new ModuleResolver(ImportMap.Empty, new WebRootPaths(webRoot.FullPath).FileExists);
        }
        Volatile.Write(ref _resolver, resolver);
        return resolver;
    }
}
