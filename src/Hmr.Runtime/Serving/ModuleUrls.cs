using System.Text.RegularExpressions;

namespace Hmr.Runtime.Serving;

/// <summary>Undoing MapStaticAssets fingerprints in module URLs.</summary>
internal static partial class ModuleUrls
{
    /// <summary><c>/js/app.1x2ckht6dr.js</c> → <c>/js/app.js</c>; null when the name carries no fingerprint.</summary>
    public static string? StripFingerprint(string url)
    {
        var match = Fingerprinted().Match(url);
        return match.Success ? match.Groups["stem"].Value + match.Groups["ext"].Value : null;
    }

    [GeneratedRegex(@"^(?<stem>/.+)\.[a-z0-9]{10}(?<ext>\.m?js)$", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprinted();
}
