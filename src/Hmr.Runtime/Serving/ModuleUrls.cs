using System.Text.RegularExpressions;

namespace Hmr.Runtime.Serving;

/// <summary>Module URL arithmetic: resolving relative specifiers and undoing MapStaticAssets fingerprints.</summary>
internal static partial class ModuleUrls
{
    private static readonly Uri Base = new("http://module.invalid/");

    /// <summary>The module URL (path only, no query) a specifier in <paramref name="importerUrl"/> refers to, or
    /// null for bare specifiers (import maps), full URLs and anything else not under the web root.</summary>
    public static string? Resolve(string importerUrl, string specifier)
    {
        if (!(specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal)
              || (specifier.StartsWith('/') && !specifier.StartsWith("//", StringComparison.Ordinal))))
            return null;
        if (!Uri.TryCreate(new Uri(Base, importerUrl), specifier, out var resolved) || resolved.Host != Base.Host) return null;
        return Uri.UnescapeDataString(resolved.AbsolutePath);
    }

    /// <summary><c>/js/app.1x2ckht6dr.js</c> → <c>/js/app.js</c>; null when the name carries no fingerprint.</summary>
    public static string? StripFingerprint(string url)
    {
        var match = Fingerprinted().Match(url);
        return match.Success ? match.Groups["stem"].Value + match.Groups["ext"].Value : null;
    }

    public static bool IsModulePath(string path) =>
        path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<stem>/.+)\.[a-z0-9]{10}(?<ext>\.m?js)$", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprinted();
}
