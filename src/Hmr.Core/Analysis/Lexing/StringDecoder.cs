using System.Globalization;
using System.Text;

namespace Hmr.Core.Analysis.Lexing;

/// <summary>Decodes the escapes of a JavaScript string literal's content (or of a template without substitutions).</summary>
internal static class StringDecoder
{
    /// <summary>Returns the string value, or null when an escape is invalid (<paramref name="errorOffset"/> says where, relative to the content).</summary>
    public static string? Decode(ReadOnlySpan<char> content, out int errorOffset)
    {
        errorOffset = -1;
        var slash = content.IndexOf('\\');
        if (slash < 0)
        {
            return new string(content);
        }
        var sb = new StringBuilder(content.Length);
        sb.Append(content[..slash]);
        var i = slash;
        while (i < content.Length)
        {
            var c = content[i];
            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= content.Length)
            {
                errorOffset = i;
                return null;
            }
            var e = content[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case '0' when i >= content.Length || !char.IsAsciiDigit(content[i]): sb.Append('\0'); break;
                case '\r':
                    // Line continuation: \ followed by \r\n (or \r) adds nothing.
                    if (i < content.Length && content[i] == '\n') i++;
                    break;
                case '\n' or '\u2028' or '\u2029': break;
                case 'x':
                    if (!TryHex(content, i, 2, out var x)) { errorOffset = i - 2; return null; }
                    sb.Append((char)x);
                    i += 2;
                    break;
                case 'u':
                    if (i < content.Length && content[i] == '{')
                    {
                        var close = content[i..].IndexOf('}');
                        if (close < 2 || !TryHex(content, i + 1, close - 1, out var cp) || cp > 0x10FFFF)
                        {
                            errorOffset = i - 2;
                            return null;
                        }
                        if (cp <= 0xFFFF) sb.Append((char)cp); else sb.Append(char.ConvertFromUtf32(cp));
                        i += close + 1;
                    }
                    else
                    {
                        if (!TryHex(content, i, 4, out var u)) { errorOffset = i - 2; return null; }
                        sb.Append((char)u);
                        i += 4;
                    }
                    break;
                default:
                    // Legacy octal escapes (\1..\7) are not allowed in modules (strict mode); other characters stand for themselves.
                    if (e is >= '1' and <= '9') { errorOffset = i - 2; return null; }
                    sb.Append(e);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        if (length <= 0 || length > 6 || start + length > s.Length)
        {
            return false;
        }
        return int.TryParse(s.Slice(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
