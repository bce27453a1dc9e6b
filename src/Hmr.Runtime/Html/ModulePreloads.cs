using System.Text;
using Hmr.Core.Engine;
using Hmr.Runtime.Dependencies;
using Hmr.Runtime.Serving;

namespace Hmr.Runtime.Html;

/// <summary>For one page: right before each of its module scripts, a <c>&lt;link rel="modulepreload"&gt;</c> for every
/// dependency bundle that module loads, found through the graph, shared chunks included; each bundle once per page.
/// Without them the browser learns of a bundle only once the module importing it has arrived (on a reload, once it has
/// been revalidated) and been parsed, and of a shared chunk (React's, under react-dom) only once the bundle importing it
/// has; with them every bundle is fetched, or taken from the cache, and compiled alongside the page's own modules. They
/// go before the script, hence after the import map, which a browser ignores once a module load has begun.</summary>
internal sealed class ModulePreloads(IHmrEngine engine, ServedDependencies dependencies, Func<string?> pageNonce)
{
    private readonly HashSet<string> _linked = new(StringComparer.Ordinal);
    private string? _nonceAttribute;

    /// <summary>The links to write before the script that loads <paramref name="modulePath"/>; null when none.</summary>
    public string? LinksFor(string modulePath)
    {
        StringBuilder? links = null;
        var reached = engine.StaticImportsReachedFrom(modulePath);
        if (reached.Count == 0 && ModuleUrls.StripFingerprint(modulePath) is { } plain)
            reached = engine.StaticImportsReachedFrom(plain); // MapStaticAssets' fingerprinted URL of the module
        foreach (var url in reached)
        {
            foreach (var bundle in dependencies.Bundles.LoadedWith(url))
            {
                if (!_linked.Add(bundle)) continue;
                // The nonce, if the page's policy asks for one: a modulepreload fetch is checked as a script.
                _nonceAttribute ??= pageNonce() is { } nonce ? $" nonce=\"{nonce}\"" : "";
                links ??= new StringBuilder();
                links.Append("<link rel=\"modulepreload\" href=\"").Append(bundle).Append('"').Append(_nonceAttribute).Append('>');
            }
        }
        return links?.ToString();
    }
}
