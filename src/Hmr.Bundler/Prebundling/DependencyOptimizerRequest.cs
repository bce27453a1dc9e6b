using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Prebundling;

/// <summary>One import of a dependency by the app: the bare specifier as written, and where (the importing file as the
/// caller names it, usually relative to the project; 1-based line and column of the specifier). Failures are reported
/// there.</summary>
public sealed record DependencyUse(string Specifier, string ImporterFile, int Line, int Column);

/// <summary>What <see cref="DependencyOptimizer"/> bundles, from where, and where the bundles go. Plain inputs: the
/// MSBuild task and the development runtime map their own models (the module graph, the pages' import maps) onto it.</summary>
public sealed class DependencyOptimizerRequest
{
    /// <summary>The project folder: packages are looked up from it, lock files in it or above, and paths in the
    /// manifest and in messages are relative to it.</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>The folder the bundles and <c>deps-manifest.json</c> are written to (<c>obj/&lt;cfg&gt;/&lt;tfm&gt;/hmr/deps/</c>).
    /// It belongs to the optimizer: <c>.js</c> files of earlier runs that are no longer needed are deleted.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The URL folder the bundles are served from (ends with <c>/</c>).</summary>
    public string UrlBase { get; init; } = "/_deps/";

    /// <summary>The bare specifiers the app's modules import, with where.</summary>
    public IReadOnlyList<DependencyUse> Uses { get; init; } = [];

    /// <summary>Specifiers to bundle although no module imports them (<c>HmrOptimizeDeps</c> items).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>Package names left unbundled (<c>HmrOptimizeDeps</c> items with <c>Exclude="true"</c>): every specifier
    /// of such a package is left to the page's own import map.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>The pages' import-map entries that map to files or folders of the project.</summary>
    public IReadOnlyList<LocalImportMapEntry> LocalImportMap { get; init; } = [];

    /// <summary>The pages' import-map keys that map to remote URLs: not bundled, kept as imports.</summary>
    public IReadOnlyList<string> RemoteImportMapKeys { get; init; } = [];

    /// <summary>The value of <c>process.env.NODE_ENV</c> in the bundles.</summary>
    public string Mode { get; init; } = "development";

    /// <summary>The name of the manifest in <see cref="OutputDirectory"/>.</summary>
    public const string ManifestFileName = "deps-manifest.json";

    /// <summary>Beside the manifest: the package files the bundles were made from, one full path per line (the build's
    /// bundling target reads them back as inputs, so a local patch of one runs it again).</summary>
    public const string SourcesFileName = "deps-sources.txt";
}
