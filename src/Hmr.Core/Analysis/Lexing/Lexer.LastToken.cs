using System.Runtime.CompilerServices;

namespace Hmr.Core.Analysis.Lexing;

/// <summary>What the last <c>.</c> of a run of dots is, as lexing token by token would read it.</summary>
internal enum DotToken : byte
{
    /// <summary><c>.</c> or <c>?.</c>: member access.</summary>
    Dot,
    Spread,
    /// <summary>The <c>.</c> of a number such as <c>1.</c>.</summary>
    NumberDot,
    /// <summary>Not decidable looking backwards (<c>....</c>, <c>1...</c>, <c>1e+5.</c>).</summary>
    Unknown,
}

// Rebuilding the last token of a quiet run backwards from where it stops. A quiet run holds names, numbers,
// blanks and operators other than `+`/`-`; its last token is almost always told from its last characters.
// Numbers run into names in malformed code (`1yield`, `1.e`, `1n5`) and dot runs (`....`) depend on how they
// start: those are re-read forward from their start, or, where even the start is unclear, handed to the main
// loop to lex token by token (the callers pause quiet runs over the run).
internal ref partial struct Lexer
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(char c) => c <= ' ' && ((1UL << c) & BlankBits) != 0;

    private const ulong BlankBits = (1UL << ' ') | (1UL << '\t') | (1UL << '\n') | (1UL << '\r') | (1UL << '\v') | (1UL << '\f');

    /// <summary>
    /// Sets the last-token state to the last token of the quiet run [<paramref name="start"/>, <paramref name="stop"/>),
    /// as lexing it token by token would have. Returns where that state holds: <paramref name="stop"/>, or beyond it
    /// when a number runs on through the character at stop (the sign of <c>1e+5</c>); or -1 when the run's tokens
    /// cannot be told apart backwards, and the state is left unchanged.
    /// </summary>
    private int RebuildLastToken(int start, int stop)
    {
        var src = _src;
        var q = stop - 1;
        while (q >= start && IsBlank(src[q])) q--;
        if (q < start)
        {
            return stop; // only blanks: the token before the run is still the last one
        }
        var c = src[q];
        if (IsAsciiIdentifierPart(c))
        {
            var w = q;
            while (w > start && IsAsciiIdentifierPart(src[w - 1])) w--;
            return char.IsAsciiDigit(src[w]) ? RebuildNumber(start, w, q, stop) : RebuildName(start, w, q, stop);
        }
        switch (c)
        {
            case ';':
                _lastKind = TokenKind.None;
                _lastPunctuator = ';';
                return stop;
            case '.':
                switch (DotTokenAt(start, q))
                {
                    case DotToken.Dot:
                        _lastKind = TokenKind.Dot;
                        return stop;
                    case DotToken.Spread:
                        _lastKind = TokenKind.Punctuator;
                        _lastPunctuator = '.';
                        return stop;
                    case DotToken.NumberDot:
                        _lastKind = TokenKind.Literal;
                        return stop;
                    default:
                        return -1;
                }
            case '>' when q - 1 >= start && src[q - 1] == '=':
                _lastKind = TokenKind.Arrow;
                return stop;
            default:
                _lastKind = TokenKind.Punctuator;
                _lastPunctuator = c;
                return stop;
        }
    }

    /// <summary>The last token is the name [w, q] unless it is the tail of a number (<c>1.e5</c>).</summary>
    private int RebuildName(int start, int w, int q, int stop)
    {
        var src = _src;
        if (w - 1 >= start && src[w - 1] == '.' && ((src[w] | 0x20) == 'e' || src[w] is 'n' or '_'))
        {
            // After an integer's `.` a number goes on with an exponent, a BigInt `n` or a separator.
            switch (DotTokenAt(start, w - 1))
            {
                case DotToken.NumberDot:
                    return RebuildFromNumber(w, afterDot: true, q, stop);
                case DotToken.Unknown:
                    return -1;
            }
        }
        var afterDot = FollowsDotToken(start, w);
        if (afterDot is null)
        {
            return -1;
        }
        _lastMayBeKeyword = afterDot == false;
        _lastKind = TokenKind.Identifier;
        _lastStart = w;
        _lastEnd = q + 1;
        return stop;
    }

    /// <summary>The word [w, q] starts with a digit: a number, possibly followed by names and numbers (<c>1yield</c>, <c>1n5</c>).</summary>
    private int RebuildNumber(int start, int w, int q, int stop)
    {
        var src = _src;
        var before = w - 1 >= start ? src[w - 1] : ' '; // the run starts at a token boundary
        if (before == '.')
        {
            // Fraction digits (`1.5`, `.5`, `a?.5`), unless the dot ends a spread or a longer run of dots.
            return w - 2 >= start && src[w - 2] == '.' && w - 3 >= start && src[w - 3] == '.'
                ? -1
                : RebuildFromNumber(w, afterDot: true, q, stop);
        }
        if (before is '+' or '-' && w - 2 >= start && (src[w - 2] | 0x20) == 'e')
        {
            // An exponent's digits (`1e-7`) or a sum (`be+5`): the same token either way if it is all digits.
            for (var p = w; p <= q; p++)
            {
                if (!(char.IsAsciiDigit(src[p]) || src[p] == '_'))
                {
                    return -1;
                }
            }
            _lastKind = TokenKind.Literal;
            return stop;
        }
        return RebuildFromNumber(w, afterDot: false, q, stop);
    }

    /// <summary>
    /// Re-reads forward, as the main loop would, the tokens from the number at <paramref name="p"/> to the end of the
    /// word at <paramref name="q"/>: numbers and, after a number, a name (malformed code such as <c>1yield</c>).
    /// </summary>
    private int RebuildFromNumber(int p, bool afterDot, int q, int stop)
    {
        var src = _src;
        var end = NumberEnd(p, afterDot);
        _lastKind = TokenKind.Literal;
        while (end <= q)
        {
            if (char.IsAsciiDigit(src[end]))
            {
                end = NumberEnd(end, afterDot: false);
                _lastKind = TokenKind.Literal;
            }
            else
            {
                _lastKind = TokenKind.Identifier; // a name after a number: may be a keyword
                _lastMayBeKeyword = true;
                _lastStart = end;
                _lastEnd = q + 1;
                end = q + 1;
            }
        }
        return end > stop ? end : stop;
    }

    /// <summary>True when the token before the name at <paramref name="nameStart"/> is <c>.</c> or <c>?.</c> (a property name, never a keyword); null when undecidable.</summary>
    private readonly bool? FollowsDotToken(int start, int nameStart)
    {
        var src = _src;
        var r = nameStart - 1;
        while (r >= start && IsBlank(src[r])) r--;
        if (r < start)
        {
            return _lastKind == TokenKind.Dot; // the token before the run
        }
        if (src[r] != '.')
        {
            return false;
        }
        return DotTokenAt(start, r) switch
        {
            DotToken.Dot => true,
            DotToken.Unknown => null,
            _ => false,
        };
    }

    /// <summary>What the <c>.</c> at <paramref name="dot"/>, the last of a run of dots not followed by a digit, is.</summary>
    private readonly DotToken DotTokenAt(int start, int dot)
    {
        var src = _src;
        var first = dot;
        while (first > start && src[first - 1] == '.') first--;
        var before = first > start ? src[first - 1] : ' '; // the run starts at a token boundary
        switch (dot - first + 1)
        {
            case 1:
                if (before == '?')
                {
                    return DotToken.Dot;
                }
                return IsNumberDot(start, dot) switch
                {
                    true => DotToken.NumberDot,
                    false => DotToken.Dot,
                    null => DotToken.Unknown,
                };
            case 2:
                return DotToken.Dot; // `a..b` does not parse; the second dot is a `.` whatever the first is
            case 3:
                // A spread, unless the first dot belongs to `?.` or to a number (`1...`: `1.` and two dots).
                return before == '?' || char.IsAsciiDigit(before) || before == '_' ? DotToken.Unknown : DotToken.Spread;
            default:
                return DotToken.Unknown;
        }
    }

    /// <summary>
    /// True when the <c>.</c> at <paramref name="dot"/> belongs to a number (<c>1.</c>, <c>1_000.</c>): right after an
    /// integer's digits. Null when the digits may be an exponent's (<c>1e+5.</c>) or follow a spread.
    /// </summary>
    private readonly bool? IsNumberDot(int start, int dot)
    {
        var src = _src;
        var s = dot;
        while (s > start && (char.IsAsciiDigit(src[s - 1]) || src[s - 1] == '_')) s--;
        if (s == dot || !char.IsAsciiDigit(src[s]))
        {
            return false;
        }
        if (s == start)
        {
            return true;
        }
        // `a1.` is a name and `1.5.`, `.5.` end in a fraction: only a whole integer takes the dot.
        var before = src[s - 1];
        if (IsAsciiIdentifierPart(before))
        {
            return false;
        }
        if (before == '.')
        {
            return s - 2 >= start && src[s - 2] == '.' ? null : false; // `...1.` is a spread and `1.`
        }
        if (before is '+' or '-' && s - 2 >= start && (src[s - 2] | 0x20) == 'e')
        {
            return null; // `1e+5.` (the exponent ends the number) or `be+5.` (`5.` is one)
        }
        return true;
    }
}
