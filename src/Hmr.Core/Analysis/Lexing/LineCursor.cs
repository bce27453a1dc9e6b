using System.Buffers;

namespace Hmr.Core.Analysis.Lexing;

/// <summary>
/// Turns offsets into 1-based line and column. Offsets asked in increasing order cost one pass over the
/// text in total; an offset behind the cursor restarts from the beginning.
/// Line terminators are those of ECMAScript: \n, \r\n (one line), \r, \u2028 and \u2029.
/// </summary>
internal struct LineCursor
{
    private static readonly SearchValues<char> LineTerminators = SearchValues.Create("\n\r\u2028\u2029");

    private int _scanned;    // every terminator before this offset has been counted
    private int _line;       // 0-based line of _scanned
    private int _lineStart;  // offset where that line starts

    public SourcePosition PositionOf(ReadOnlySpan<char> source, int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        if (offset < _scanned)
        {
            this = default;
        }
        while (_scanned < offset)
        {
            var found = source[_scanned..offset].IndexOfAny(LineTerminators);
            if (found < 0)
            {
                _scanned = offset;
                break;
            }
            var at = _scanned + found;
            var next = source[at] == '\r' && at + 1 < source.Length && source[at + 1] == '\n' ? at + 2 : at + 1;
            if (next > offset)
            {
                // The offset points into the middle of a \r\n pair: it still belongs to the line the \r ends.
                _scanned = offset;
                break;
            }
            _line++;
            _lineStart = next;
            _scanned = next;
        }
        return new SourcePosition(offset, _line + 1, offset - _lineStart + 1);
    }
}
