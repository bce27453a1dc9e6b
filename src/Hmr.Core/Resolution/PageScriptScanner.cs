using Hmr.Core.Analysis;

namespace Hmr.Core.Resolution;

/// <summary>One <c>&lt;script&gt;</c> element of a page.</summary>
/// <param name="Type">The <c>type</c> attribute, trimmed and lowercased, or null when absent.</param>
/// <param name="Src">The <c>src</c> attribute, or null when absent.</param>
/// <param name="SrcPosition">Where the <c>src</c> value starts (or the tag, when there is no <c>src</c>).</param>
/// <param name="Content">The inline text between the tags (raw: scripts are not entity-decoded).</param>
/// <param name="ContentPosition">Where the inline text starts.</param>
public sealed record PageScript(string? Type, string? Src, SourcePosition SrcPosition, string Content, SourcePosition ContentPosition)
{
    public bool IsModule => Type == "module";
    public bool IsImportMap => Type == "importmap";
}

/// <summary>A small, tolerant scanner that finds the script elements of an HTML page. It skips comments and
/// the raw text of <c>style</c> and <c>textarea</c>, accepts any attribute quoting, and never throws on
/// malformed markup: a page the scanner cannot make sense of just yields fewer scripts.</summary>
public static class PageScriptScanner
{
    public static IReadOnlyList<PageScript> FindScripts(string html)
    {
        var scripts = new List<PageScript>();
        var lines = new LineMap(html);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) break;
            if (At(html, open, "<!--"))
            {
                var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
            }
            else if (IsTag(html, open, "script"))
                i = ReadScript(html, open, lines, scripts);
            else if (IsTag(html, open, "style"))
                i = SkipRawText(html, open, "</style");
            else if (IsTag(html, open, "textarea"))
                i = SkipRawText(html, open, "</textarea");
            else
                i = open + 1;
        }
        return scripts;
    }

    private static int ReadScript(string html, int open, LineMap lines, List<PageScript> scripts)
    {
        var i = open + "<script".Length;
        string? type = null, src = null;
        var srcOffset = open;
        while (i < html.Length && html[i] != '>')
        {
            if (char.IsWhiteSpace(html[i]) || html[i] == '/') { i++; continue; }
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '>' && !(html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>'))
                i++;
            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            string? value = null;
            var valueStart = i;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
                valueStart = i;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    valueStart = i + 1;
                    var close = html.IndexOf(quote, valueStart);
                    if (close < 0) close = html.Length;
                    value = html[valueStart..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html[valueStart..i];
                }
            }
            if (name == "type" && type is null) type = (value ?? "").Trim().ToLowerInvariant();
            if (name == "src" && src is null) { src = DecodeAttribute((value ?? "").Trim()); srcOffset = valueStart; }
        }
        var contentStart = Math.Min(i + 1, html.Length);
        var contentEnd = IndexOfIgnoreCase(html, "</script", contentStart);
        if (contentEnd < 0) contentEnd = html.Length;
        scripts.Add(new PageScript(type, src, lines.At(srcOffset), html[contentStart..contentEnd], lines.At(contentStart)));
        var tagEnd = html.IndexOf('>', contentEnd);
        return tagEnd < 0 ? html.Length : tagEnd + 1;
    }

    // Attribute values may carry character references; the few that appear in URLs are enough here.
    private static string DecodeAttribute(string value) =>
        value.Contains('&') ? value.Replace("&amp;", "&").Replace("&quot;", "\"").Replace("&#39;", "'").Replace("&apos;", "'") : value;

    private static int SkipRawText(string html, int open, string closeTag)
    {
        var close = IndexOfIgnoreCase(html, closeTag, open + 1);
        return close < 0 ? html.Length : close + closeTag.Length;
    }

    private static bool IsTag(string html, int open, string name)
    {
        var end = open + 1 + name.Length;
        if (end > html.Length || string.Compare(html, open + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        return end == html.Length || char.IsWhiteSpace(html[end]) || html[end] is '>' or '/';
    }

    private static bool At(string html, int index, string text) => string.CompareOrdinal(html, index, text, 0, text.Length) == 0;

    private static int IndexOfIgnoreCase(string html, string text, int start) =>
        start >= html.Length ? -1 : html.IndexOf(text, start, StringComparison.OrdinalIgnoreCase);
}
