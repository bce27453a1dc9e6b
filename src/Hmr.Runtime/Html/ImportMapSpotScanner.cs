using System.Text;

namespace Hmr.Runtime.Html;

/// <summary>Where the dependencies' import map entries go in a document: into the first
/// <c>&lt;script type="importmap"&gt;</c> (<see cref="MergeInto"/>), or as a new map before the first thing that could
/// load a module or end the head (<see cref="InsertAt"/>).</summary>
internal enum ImportMapSpotKind { NeedMore, InsertAt, MergeInto }

/// <param name="Kind">The decision, or <see cref="ImportMapSpotKind.NeedMore"/>.</param>
/// <param name="Start">Insert here; or, to merge, where the map's JSON starts; or, for NeedMore, where to resume scanning.</param>
/// <param name="End">To merge: where the map's JSON ends (the <c>&lt;/script</c>).</param>
internal readonly record struct ImportMapSpot(ImportMapSpotKind Kind, int Start, int End = 0);

/// <summary>A small scan of the markup after the head starts, over bytes (tag syntax is ASCII in every encoding a browser
/// accepts for HTML). It steps over comments and the raw text of elements whose content is not markup, and stops at
/// the first element that decides: an import map, a module or classic script (a classic one may <c>import()</c>), a
/// <c>modulepreload</c> link, <c>&lt;/head&gt;</c> or <c>&lt;body&gt;</c>. When the bytes end before that, it says where
/// to resume once more arrive.</summary>
internal static class ImportMapSpotScanner
{
    private static readonly string[] RawTextElements = ["style", "title", "textarea", "noscript", "template", "xmp", "iframe", "noembed", "noframes"];

    public static ImportMapSpot Find(ReadOnlySpan<byte> html, int from)
    {
        var i = from;
        while (true)
        {
            var offset = html[i..].IndexOf((byte)'<');
            if (offset < 0) return new(ImportMapSpotKind.NeedMore, html.Length);
            var open = i + offset;
            var rest = html[open..];
            if (rest.Length < 2) return new(ImportMapSpotKind.NeedMore, open);
            if (rest.StartsWith("<!--"u8))
            {
                var close = rest.IndexOf("-->"u8);
                if (close < 0) return new(ImportMapSpotKind.NeedMore, open);
                i = open + close + 3;
                continue;
            }
            if (rest[1] is (byte)'!' or (byte)'?' or (byte)'/' || IsLetter(rest[1]))
            {
                if (ReadTag(rest) is not { } tag) return new(ImportMapSpotKind.NeedMore, open);
                var after = open + tag.Length;
                if (tag.IsEnd)
                {
                    if (tag.Name == "head") return new(ImportMapSpotKind.InsertAt, open);
                    i = after;
                    continue;
                }
                switch (tag.Name)
                {
                    case "body":
                        return new(ImportMapSpotKind.InsertAt, open);
                    case "link" when HasToken(tag.Rel, "modulepreload"):
                        return new(ImportMapSpotKind.InsertAt, open);
                    case "script":
                        var type = (tag.Type ?? "").Trim().ToLowerInvariant();
                        var closeScript = IndexOfIgnoreCase(html, "</script"u8, after);
                        if (type == "importmap")
                            return closeScript < 0 ? new(ImportMapSpotKind.NeedMore, open) : new(ImportMapSpotKind.MergeInto, after, closeScript);
                        if (IsScript(type)) return new(ImportMapSpotKind.InsertAt, open);
                        if (closeScript < 0) return new(ImportMapSpotKind.NeedMore, open); // JSON, templates: text, not markup
                        i = closeScript + 2;
                        continue;
                }
                if (Array.IndexOf(RawTextElements, tag.Name) >= 0)
                {
                    var closeRaw = IndexOfIgnoreCase(html, Encoding.ASCII.GetBytes("</" + tag.Name), after);
                    if (closeRaw < 0) return new(ImportMapSpotKind.NeedMore, open);
                    i = closeRaw + 2;
                    continue;
                }
                i = after;
                continue;
            }
            i = open + 1;
        }
    }

    /// <summary>A classic or module script: no type, <c>module</c>, or a JavaScript MIME type.</summary>
    private static bool IsScript(string type) =>
        type.Length == 0 || type == "module" || type.Contains("javascript", StringComparison.Ordinal) || type.Contains("ecmascript", StringComparison.Ordinal)
        || type.Contains("jscript", StringComparison.Ordinal) || type.Contains("livescript", StringComparison.Ordinal);

    private static bool HasToken(string? value, string token) =>
        value is not null && value.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));

    private sealed record Tag(string Name, bool IsEnd, int Length, string? Type, string? Rel);

    /// <summary>The tag starting at <paramref name="text"/>[0], or null when it does not end within the bytes.</summary>
    private static Tag? ReadTag(ReadOnlySpan<byte> text)
    {
        var isEnd = text[1] == (byte)'/';
        var i = isEnd ? 2 : 1;
        var nameStart = i;
        while (i < text.Length && !IsSpace(text[i]) && text[i] is not (byte)'>' and not (byte)'/') i++;
        if (i >= text.Length) return null;
        var name = Encoding.Latin1.GetString(text[nameStart..i]).ToLowerInvariant();
        string? type = null, rel = null;
        while (i < text.Length && text[i] != (byte)'>')
        {
            if (IsSpace(text[i]) || text[i] == (byte)'/') { i++; continue; }
            var attributeStart = i;
            while (i < text.Length && !IsSpace(text[i]) && text[i] is not (byte)'=' and not (byte)'>') i++;
            var attribute = Encoding.Latin1.GetString(text[attributeStart..i]).ToLowerInvariant();
            while (i < text.Length && IsSpace(text[i])) i++;
            string? value = null;
            if (i < text.Length && text[i] == (byte)'=')
            {
                i++;
                while (i < text.Length && IsSpace(text[i])) i++;
                if (i < text.Length && text[i] is (byte)'"' or (byte)'\'')
                {
                    var quote = text[i];
                    var close = text[(i + 1)..].IndexOf(quote);
                    if (close < 0) return null;
                    value = Encoding.Latin1.GetString(text.Slice(i + 1, close));
                    i += close + 2;
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && !IsSpace(text[i]) && text[i] != (byte)'>') i++;
                    value = Encoding.Latin1.GetString(text[valueStart..i]);
                }
            }
            if (attribute == "type") type ??= value ?? "";
            if (attribute == "rel") rel ??= value ?? "";
        }
        return i >= text.Length ? null : new Tag(name, isEnd, i + 1, type, rel);
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> html, ReadOnlySpan<byte> lowerText, int start)
    {
        for (var i = start; i + lowerText.Length <= html.Length; i++)
        {
            var j = 0;
            while (j < lowerText.Length && (html[i + j] | 0x20) == (lowerText[j] | 0x20)) j++;
            if (j == lowerText.Length) return i;
        }
        return -1;
    }

    private static bool IsLetter(byte b) => (b | 0x20) is >= (byte)'a' and <= (byte)'z';

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';
}
