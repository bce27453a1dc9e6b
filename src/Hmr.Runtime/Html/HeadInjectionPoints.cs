using System.Text;

namespace Hmr.Runtime.Html;

/// <summary>Finds where a script tag can go in the start of an HTML document (ASCII-case-insensitive byte search;
/// every encoding a browser accepts for HTML is ASCII-compatible there).</summary>
internal static class HeadInjectionPoints
{
    /// <summary>No answer yet: more bytes are needed.</summary>
    public const int NeedMore = int.MinValue;

    /// <summary>The offset just past <c>&lt;head …&gt;</c>, or <see cref="NeedMore"/>.</summary>
    public static int AfterHeadStartTag(ReadOnlySpan<byte> html)
    {
        var start = FindTag(html, "<head"u8);
        if (start < 0) return NeedMore;
        var end = html[start..].IndexOf((byte)'>');
        return end < 0 ? NeedMore : start + end + 1;
    }

    /// <summary>True when the document has gone past where a head tag could be.</summary>
    public static bool HasImplicitHead(ReadOnlySpan<byte> html) =>
        FindTag(html, "<body"u8) >= 0 || FindTag(html, "<script"u8) >= 0 || FindTag(html, "<link"u8) >= 0 || FindTag(html, "<meta"u8) >= 0;

    /// <summary>After <c>&lt;html …&gt;</c>, else after the doctype, else at the start of something that looks like
    /// markup; -1 when the text does not look like HTML at all.</summary>
    public static int Fallback(ReadOnlySpan<byte> html)
    {
        var head = AfterHeadStartTag(html);
        if (head != NeedMore) return head;
        foreach (var tag in new[] { "<html"u8.ToArray(), "<!doctype"u8.ToArray() })
        {
            var start = FindTag(html, tag);
            if (start < 0) continue;
            var end = html[start..].IndexOf((byte)'>');
            if (end >= 0) return start + end + 1;
        }
        var trimmed = html.TrimStart(" \t\r\n\uFEFF"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'<') return html.Length - trimmed.Length;
        return -1;
    }

    /// <summary>Offset of <paramref name="name"/> (e.g. <c>&lt;head</c>) followed by whitespace, <c>&gt;</c> or <c>/</c>.</summary>
    private static int FindTag(ReadOnlySpan<byte> html, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i + name.Length <= html.Length; i++)
        {
            if (!StartsWithIgnoreCase(html[i..], name)) continue;
            if (i + name.Length == html.Length) return -1; // the next byte decides; wait for it
            var next = html[i + name.Length];
            if (next is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'/') return i;
        }
        return -1;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        if (text.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if ((text[i] | 0x20) != (prefix[i] | 0x20) && text[i] != prefix[i]) return false;
        return true;
    }
}
