using System.Text.RegularExpressions;

namespace Hmr.Runtime.Serving;

/// <summary>Module URL arithmetic of the server: telling module requests and undoing MapStaticAssets fingerprints.
/// (Specifiers resolve through <see cref="ServedModuleResolver"/>, as in the graph.)</summary>
internal static partial class ModuleUrls
{
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
