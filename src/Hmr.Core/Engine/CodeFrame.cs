using System.Text;

namespace Hmr.Core.Engine;

/// <summary>A few source lines around an error with a caret under the column, as the client's overlay shows it.</summary>
internal static class CodeFrame
{
    public static string Build(string source, int line, int column, int context = 2)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        line = Math.Clamp(line, 1, lines.Length);
        var first = Math.Max(1, line - context);
        var last = Math.Min(lines.Length, line + 1);
        var width = last.ToString().Length;
        var frame = new StringBuilder();
        for (var n = first; n <= last; n++)
        {
            var text = lines[n - 1];
            if (text.Length > 200) text = text[..200];
            frame.Append(n == line ? "> " : "  ").Append(n.ToString().PadLeft(width)).Append(" | ").Append(text).Append('\n');
            if (n == line)
            {
                var caret = Math.Clamp(column, 1, Math.Max(1, text.Length + 1));
                frame.Append("  ").Append(' ', width).Append(" | ").Append(' ', caret - 1).Append("^\n");
            }
        }
        return frame.ToString().TrimEnd('\n');
    }
}
