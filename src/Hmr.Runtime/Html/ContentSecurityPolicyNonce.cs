using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hmr.Runtime.Html;

/// <summary>The nonce a page's Content-Security-Policy lets scripts run with, so the tags HMR adds to the page (the
/// preamble, the dependencies' import map) carry it like the app's own scripts do (docs/runtime.md, "Content Security
/// Policy").</summary>
internal static class ContentSecurityPolicyNonce
{
    // The directives that govern a <script> element, most specific first: a browser uses the first one present.
    private static readonly string[] ScriptDirectives = ["script-src-elem", "script-src", "default-src"];

    /// <summary>The first <c>'nonce-…'</c> source of the directive that governs script elements, over every enforced
    /// policy of the response; null when no policy asks for one. Report-only policies block nothing, so they are not
    /// read: a nonce from one would only be a guess.</summary>
    public static string? Find(IHeaderDictionary headers)
    {
        foreach (var header in headers[HeaderNames.ContentSecurityPolicy])
        {
            if (header is null) continue;
            // A header may carry several policies separated by commas; each is checked on its own.
            foreach (var policy in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (FromPolicy(policy) is { } nonce) return nonce;
            }
        }
        return null;
    }

    private static string? FromPolicy(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in ScriptDirectives)
        {
            var directive = directives.FirstOrDefault(d => d.Split(' ', 2)[0].Equals(name, StringComparison.OrdinalIgnoreCase));
            if (directive is null) continue;
            foreach (var source in directive.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                if (source.Length > 8 && source.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) && source.EndsWith('\'')
                    && IsBase64Value(source.AsSpan(7, source.Length - 8)))
                    return source[7..^1];
            }
            return null; // the governing directive has no nonce: the less specific ones do not apply
        }
        return null;
    }

    /// <summary>CSP's base64-value grammar; anything else cannot match a nonce attribute and must not reach the page's
    /// markup unescaped.</summary>
    private static bool IsBase64Value(ReadOnlySpan<char> value)
    {
        var padding = 0;
        foreach (var c in value)
        {
            if (c == '=') { padding++; continue; }
            if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_')) return false;
        }
        return padding <= 2 && value.Length > padding;
    }

    /// <summary>HMR's own markup with the nonce on each script tag.</summary>
    public static string Apply(string markup, string? nonce) =>
        nonce is null ? markup : markup.Replace("<script", $"<script nonce=\"{nonce}\"", StringComparison.Ordinal);
}
