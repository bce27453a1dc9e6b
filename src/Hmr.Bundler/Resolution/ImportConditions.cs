namespace Hmr.Bundler.DependencyResolution;

/// <summary>The <c>exports</c>/<c>imports</c> conditions a browser bundler matches (Vite's client conditions in
/// development, plus <c>import</c> or <c>require</c>). Which one wins is decided by the package's key order, not by
/// the order here; <c>default</c> always matches.</summary>
internal static class ImportConditions
{
    private static readonly IReadOnlySet<string> ForImport = new HashSet<string>(StringComparer.Ordinal)
    {
        "browser", "development", "import", "module", "default",
    };

    private static readonly IReadOnlySet<string> ForRequire = new HashSet<string>(StringComparer.Ordinal)
    {
        "browser", "development", "require", "default",
    };

    public static IReadOnlySet<string> For(ImportKind kind) => kind == ImportKind.Require ? ForRequire : ForImport;
}
