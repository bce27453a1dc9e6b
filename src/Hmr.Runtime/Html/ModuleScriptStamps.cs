using System.Text;
using Hmr.Core.Engine;

namespace Hmr.Runtime.Html;

/// <summary>Rewrites the <c>src</c> of a page's <c>&lt;script type="module"&gt;</c> tags to carry the update timestamp of
/// their module (<c>/js/main.js?t=N</c>) once an update has stamped it, as Vite does for the HTML it serves. Without it
/// a page loaded after such an update would run the entry under its plain URL while the modules served since import
/// it under the stamped one: two instances of the entry, and, inside an import cycle, the entry running before the
/// module it reads (docs/engine.md, "Stamping").</summary>
internal static partial class ModuleScriptStamps
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The tag with its <c>src</c> stamped, or null when it is not a module script with a stamped module.</summary>
    /// <param name="tag">One start tag, from <c>&lt;script</c> to its <c>&gt;</c>.</param>
    /// <param name="pagePath">The page's request path, against which a relative <c>src</c> is resolved.</param>
    /// <param name="lookup">The engine's module for a URL path.</param>
    public static string? Stamp(string tag, string pagePath, Func<string, ModuleInfo?> lookup)
    {
        if (ModuleSource(tag, pagePath) is not var (src, path) || TimestampQuery().IsMatch(src.Value)) return null;
        if (lookup(path) is not { LastUpdateTimestamp: > 0 } module) return null;
        var stamped = src.Value + (src.Value.Contains('?') ? "&" : "?") + "t=" + module.LastUpdateTimestamp;
        return string.Concat(tag.AsSpan(0, src.Start), stamped, tag.AsSpan(src.Start + src.Length));
    }

    /// <summary>The URL path of the module a <c>&lt;script type="module" src&gt;</c> tag of this server loads (resolved
    /// against the page, without its query); null for any other tag.</summary>
    public static string? ModulePath(string tag, string pagePath) => ModuleSource(tag, pagePath)?.Path;

    private static ((string Value, int Start, int Length) Src, string Path)? ModuleSource(string tag, string pagePath)
    {
        if (Attribute(tag, "type") is not { } type || !type.Value.Trim().Equals("module", StringComparison.OrdinalIgnoreCase)) return null;
        if (Attribute(tag, "src") is not { } src) return null;
        if (!Uri.TryCreate(new Uri("http://page" + pagePath), src.Value, out var resolved)
            || resolved.Host != "page" || resolved.Fragment.Length > 0)
            return null;
        return (src, resolved.AbsolutePath);
    }

    /// <summary>A tag's attribute value and where it sits (quoted or not); attribute names are matched whole and
    /// case-insensitively.</summary>
    private static (string Value, int Start, int Length)? Attribute(string tag, string name)
    {
        var i = tag.IndexOfAny([' ', '\t', '\n', '\r', '\f', '/']);
        while (i > 0 && i < tag.Length)
        {
            while (i < tag.Length && (char.IsWhiteSpace(tag[i]) || tag[i] == '/')) i++;
            var nameStart = i;
            while (i < tag.Length && !char.IsWhiteSpace(tag[i]) && tag[i] is not ('=' or '>' or '/')) i++;
            var attributeName = tag.AsSpan(nameStart, i - nameStart);
            while (i < tag.Length && char.IsWhiteSpace(tag[i])) i++;
            if (i >= tag.Length || tag[i] != '=')
            {
                if (i == nameStart) i++;
                continue;
            }
            i++;
            while (i < tag.Length && char.IsWhiteSpace(tag[i])) i++;
            int valueStart, valueEnd;
            if (i < tag.Length && tag[i] is '"' or '\'')
            {
                var quote = tag[i];
                valueStart = i + 1;
                valueEnd = tag.IndexOf(quote, valueStart);
                if (valueEnd < 0) return null;
                i = valueEnd + 1;
            }
            else
            {
                valueStart = i;
                while (i < tag.Length && !char.IsWhiteSpace(tag[i]) && tag[i] != '>') i++;
                valueEnd = i;
            }
            if (attributeName.Equals(name, StringComparison.OrdinalIgnoreCase))
                return (tag[valueStart..valueEnd], valueStart, valueEnd - valueStart);
        }
        return null;
    }

    public static byte[] Encode(string text) => Utf8.GetBytes(text);

    public static string Decode(ReadOnlySpan<byte> bytes) => Utf8.GetString(bytes);

    [System.Text.RegularExpressions.GeneratedRegex(@"[?&]t=")]
    private static partial System.Text.RegularExpressions.Regex TimestampQuery();
}
