using Hmr.Core.Graph;
using Hmr.Core.Resolution;
using Hmr.Runtime.Hosting;

namespace Hmr.Runtime.Serving;

/// <summary>Resolves bare specifiers (<c>import 'lib'</c>) through the import maps of the web root's pages, as the
/// engine does when it builds the graph, so the transformer can stamp them once their module was updated. Rebuilt
/// lazily after a page changes (the watcher calls <see cref="Invalidate"/>).</summary>
internal sealed class ImportMapSpecifiers(HmrWebRoot webRoot)
{
    private ModuleResolver? _resolver;

    public void Invalidate() => Volatile.Write(ref _resolver, null);

    /// <summary>The module URL a bare specifier maps to, or null (unmapped, external, blocked, or no file there).</summary>
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
            // Pages that cannot be read leave bare specifiers as written: the browser's import map still applies.
            resolver = new ModuleResolver(ImportMap.Empty, _ => false);
        }
        Volatile.Write(ref _resolver, resolver);
        return resolver;
    }

    public static bool IsBare(string specifier) =>
        !(specifier.StartsWith('/') || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
        && !Uri.TryCreate(specifier, UriKind.Absolute, out _);
}
