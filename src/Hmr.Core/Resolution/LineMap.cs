using Hmr.Core.Analysis;

namespace Hmr.Core.Resolution;

/// <summary>Turns offsets in a text into 1-based lines and columns (columns in UTF-16 code units, as the lexer counts).</summary>
public sealed class LineMap
{
    private readonly List<int> lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                lineStarts.Add(i + 1);
        }
    }

    public SourcePosition At(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return new SourcePosition(offset, index + 1, offset - lineStarts[index] + 1);
    }

    /// <summary>Maps a position inside an embedded text (an inline script) that starts at <paramref name="origin"/>
    /// to the position in the enclosing text.</summary>
    public static SourcePosition Shift(SourcePosition inner, SourcePosition origin) =>
        new(origin.Offset + inner.Offset,
            origin.Line + inner.Line - 1,
            inner.Line == 1 ? origin.Column + inner.Column - 1 : inner.Column);
}
