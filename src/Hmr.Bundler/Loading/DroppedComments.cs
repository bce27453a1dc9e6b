using Acornima;

namespace Hmr.Bundler.Loading;

/// <summary>A comment the emitter leaves out: the range it replaces and what takes its place.</summary>
internal readonly record struct CommentSpan(int Start, int End, string Replacement);

/// <summary>Collects, while a file is parsed, the comments its bundle will not carry: all of them except legal
/// comments (<c>/*!</c>, <c>//!</c>, <c>@license</c>, <c>@preserve</c>), which is what esbuild keeps when it bundles
/// for Vite. Packages' documentation comments are over half of some packages' text (date-fns), and the browser
/// downloads and parses every byte of a bundle on a cold load.</summary>
internal sealed class DroppedComments(string source)
{
    private readonly List<CommentSpan> _spans = [];

    public IReadOnlyList<CommentSpan> Spans => _spans;

    /// <summary><paramref name="options"/> with this collector listening to the parser's comments.</summary>
    public ParserOptions Listening(ParserOptions options) => options with { OnComment = Collect };

    private void Collect(in Comment comment)
    {
        if (comment.Kind is CommentKind.HashBang || IsLegal(comment))
        {
            return;
        }
        if (LineAround(comment.Start, comment.End) is var (lineStart, lineEnd) && lineStart >= 0)
        {
            // Alone on its line(s): the line goes too, so a doc comment leaves no blank lines behind.
            _spans.Add(new CommentSpan(lineStart, lineEnd, ""));
            return;
        }
        // Between code: a comment that spans lines still ends a line for automatic semicolon insertion
        // (`return /*\n*/ x`), so a line break takes its place; a space keeps `a/**/b` two tokens.
        var spansLines = comment.Kind is CommentKind.Block
            && source.AsSpan(comment.Start, comment.End - comment.Start).IndexOfAny('\n', '\r', '\u2028') >= 0;
        _spans.Add(new CommentSpan(comment.Start, comment.End,
            spansLines ? "\n" : comment.Kind is CommentKind.Line ? "" : " "));
    }

    /// <summary>From the start of the comment's first line to after its last line's break, when nothing but spaces
    /// shares those lines with it; otherwise (-1, -1).</summary>
    private (int Start, int End) LineAround(int start, int end)
    {
        var before = start;
        while (before > 0 && source[before - 1] is ' ' or '\t')
        {
            before--;
        }
        if (before > 0 && source[before - 1] != '\n')
        {
            return (-1, -1);
        }
        var after = end;
        while (after < source.Length && source[after] is ' ' or '\t' or '\r')
        {
            after++;
        }
        if (after < source.Length && source[after] != '\n')
        {
            return (-1, -1);
        }
        return (before, Math.Min(after + 1, source.Length));
    }

    private bool IsLegal(in Comment comment)
    {
        var content = comment.GetContent(source);
        return content.StartsWith("!")
            || content.Contains("@license", StringComparison.Ordinal)
            || content.Contains("@preserve", StringComparison.Ordinal);
    }
}
