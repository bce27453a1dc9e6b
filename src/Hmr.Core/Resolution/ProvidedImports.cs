namespace Hmr.Core.Resolution;

/// <summary>Import map entries for modules that something other than the web root serves (the pre-bundled npm
/// dependencies, docs/dependencies.md): merged after the pages' own maps, so an entry a page wrote wins, and every URL
/// under one of <see cref="UrlPrefixes"/> (e.g. <c>/_deps/</c>) resolves as <see cref="ResolutionOutcome.External"/>:
/// a leaf the graph does not follow, although no file of the web root is there.</summary>
/// <param name="Map">The entries (bare specifier to URL).</param>
/// <param name="UrlPrefixes">URL folders (ending in <c>/</c>) served from elsewhere.</param>
public sealed record ProvidedImports(ImportMap Map, IReadOnlyList<string> UrlPrefixes)
{
    /// <summary>Nothing provided.</summary>
    public static ProvidedImports None { get; } = new(ImportMap.Empty, []);
}
