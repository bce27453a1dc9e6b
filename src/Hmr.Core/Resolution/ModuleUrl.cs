namespace Hmr.Core.Resolution;

/// <summary>URL arithmetic for modules under a web root. A module URL is an absolute path such as
/// <c>/js/app.js</c>: the web root is <c>/</c>, and (as a browser's URL parser does) <c>..</c> never
/// climbs above it.</summary>
public static class ModuleUrl
{
    /// <summary>True for a specifier or address that carries a scheme (<c>https:</c>, <c>data:</c>, <c>blob:</c>, …)
    /// or is protocol-relative (<c>//host/x.js</c>): not a file of this web root.</summary>
    public static bool IsExternal(string specifier)
    {
        if (specifier.StartsWith("//", StringComparison.Ordinal) || specifier.StartsWith(@"\\", StringComparison.Ordinal))
            return true;
        // A scheme is a letter followed by letters, digits, '+', '-' or '.', then ':' (RFC 3986).
        if (specifier.Length < 2 || !char.IsAsciiLetter(specifier[0]))
            return false;
        for (var i = 1; i < specifier.Length; i++)
        {
            var c = specifier[i];
            if (c == ':')
                return true;
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
                return false;
        }
        return false;
    }

    /// <summary>True when the specifier is a URL relative to its referrer or to the web root
    /// (<c>./</c>, <c>../</c>, <c>/</c>); anything else that is not external is a bare specifier.</summary>
    public static bool IsRelativeOrRootRelative(string specifier) =>
        specifier.StartsWith('/') || specifier.StartsWith("./", StringComparison.Ordinal) ||
        specifier.StartsWith("../", StringComparison.Ordinal) || specifier is "." or "..";

    /// <summary>True for a bare specifier (<c>lit</c>, <c>lib/x.js</c>): neither external nor relative; only an import
    /// map gives it a URL.</summary>
    public static bool IsBare(string specifier) => !IsExternal(specifier) && !IsRelativeOrRootRelative(specifier);

    /// <summary>Removes a <c>?query</c> and a <c>#hash</c>: the browser fetches the same file with them.</summary>
    public static string StripQueryAndHash(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    /// <summary>Resolves <paramref name="relative"/> (<c>./a.js</c>, <c>../a.js</c>, <c>/a.js</c>) against
    /// <paramref name="baseUrl"/> (a module or page URL such as <c>/js/app.js</c>) and normalises the result.</summary>
    /// <param name="baseUrl">The referrer's URL.</param>
    /// <param name="relative">The URL-like specifier.</param>
    /// <param name="clamped">Set when <c>..</c> tried to climb above the web root (the result stays at <c>/</c>).</param>
    public static string Combine(string baseUrl, string relative, out bool clamped)
    {
        relative = relative.Replace('\\', '/');
        string joined;
        if (relative.StartsWith('/'))
            joined = relative;
        else
        {
            var slash = baseUrl.LastIndexOf('/');
            var directory = slash < 0 ? "/" : baseUrl[..(slash + 1)];
            joined = directory + relative;
        }
        return Normalize(joined, out clamped);
    }

    /// <summary>Removes <c>.</c> and <c>..</c> segments from an absolute path, keeping any query or hash as is.</summary>
    public static string Normalize(string url, out bool clamped)
    {
        clamped = false;
        var cut = url.IndexOfAny(['?', '#']);
        var path = cut < 0 ? url : url[..cut];
        var suffix = cut < 0 ? "" : url[cut..];
        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        // segments[0] is the empty string before the leading '/'.
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last) output.Add("");
                continue;
            }
            if (segment == "..")
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                else clamped = true;
                if (last) output.Add("");
                continue;
            }
            output.Add(segment);
        }
        return "/" + string.Join('/', output) + suffix;
    }

    /// <summary>Decodes percent-escapes in a module URL's path (<c>/js/a%20b.js</c> → <c>/js/a b.js</c>): module URLs
    /// name files, and a browser's request for <c>./a%20b.js</c> and for <c>./a b.js</c> reach the same one.</summary>
    public static string DecodePath(string url) => url.Contains('%') ? Uri.UnescapeDataString(url) : url;

    /// <summary>The URL of a file given its path relative to the web root (either slash).</summary>
    public static string FromRelativePath(string relativePath) => "/" + relativePath.Replace('\\', '/').TrimStart('/');
}
