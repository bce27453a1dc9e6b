using System.Text;

namespace Hmr.Bundler.Emitting;

/// <summary>Writes a JavaScript string literal (double-quoted), for URLs, specifiers and property names put into the
/// output. Written by hand: reflection-based JSON serialization is unavailable in trimmed hosts.</summary>
internal static class JsString
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\u2028': builder.Append("\\u2028"); break;
                case '\u2029': builder.Append("\\u2029"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4")); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }
}
