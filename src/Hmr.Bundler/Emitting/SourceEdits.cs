using System.Text;

namespace Hmr.Bundler.Emitting;

/// <summary>Edits to one source text by range (MagicString's idea): replacements of disjoint ranges and insertions
/// at offsets, applied in one pass. The code between edits is copied as written, comments and formatting included.</summary>
internal sealed class SourceEdits(string source)
{
    private readonly List<(int Start, int End, string Text, int Order)> _edits = [];

    public void Replace(int start, int end, string text) => _edits.Add((start, end, text, _edits.Count));

    public void Insert(int at, string text) => Replace(at, at, text);

    public void Remove(int start, int end) => Replace(start, end, "");

    public void WriteTo(StringBuilder output)
    {
        _edits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        var position = 0;
        foreach (var (start, end, text, _) in _edits)
        {
            if (start < position)
            {
                // Contained in an earlier, larger edit (a removed statement): that edit wins.
                continue;
            }
            output.Append(source, position, start - position);
            output.Append(text);
            position = end;
        }
        output.Append(source, position, source.Length - position);
    }
}
