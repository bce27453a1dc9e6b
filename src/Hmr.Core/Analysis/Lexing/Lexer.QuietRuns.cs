using System.Buffers;

namespace Hmr.Core.Analysis.Lexing;

// Quiet runs: stretches of names, numbers, blanks and simple operators in which nothing happens but the
// "last significant token" moving on. They are jumped over with one vectorised search instead of one
// dispatch per token (most tokens of real code are such), and the only state they leave behind, the last
// token, is rebuilt by looking backwards from where the run stops. Everything with an effect stops a run:
// brackets, quotes, backticks, `/`, `+`/`-` (prefix or postfix), `#`, escapes, control and non-ASCII
// characters, and the words `import`, `export` and `class`; the main loop then lexes that token as before.
internal ref partial struct Lexer
{
    /// <summary>Characters a quiet run may contain. Anything else (including every non-ASCII character) ends it.</summary>
    private static readonly SearchValues<char> QuietCharacters = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$ \t\n\r\v\f!%&*,.:;<=>?@^|~");

    /// <summary>The words whose token has an effect of its own; a run stops in front of them.</summary>
    private static readonly SearchValues<string> EffectWords = SearchValues.Create(["import", "export", "class"], StringComparison.Ordinal);

    /// <summary>True when a quiet run may start here: only outside exported declarations and pending class heads, whose readers watch every token.</summary>
    private readonly bool QuietRunsAllowed => _declarationDepth < 0 && _classDepth < 0;

    /// <summary>
    /// Skips the quiet run starting at <paramref name="start"/> (a token boundary) and returns where it stops: at
    /// a token boundary whose token the main loop must lex. Sets the last-token state as the skipped tokens would.
    /// </summary>
    private int SkipQuietRun(int start)
    {
        var src = _src;
        var found = src[start..].IndexOfAnyExcept(QuietCharacters);
        var stop = found < 0 ? src.Length : start + found;
        if (stop < src.Length && (src[stop] == '\\' || src[stop] >= 0x80) && stop > start && IsAsciiIdentifierPart(src[stop - 1]))
        {
            // An escape or non-ASCII letter inside a name: the name is one token, so stop before it.
            stop = LastSafeBoundary(start, stop);
        }
        stop = StopBeforeEffectWord(start, stop);
        if (stop > start)
        {
            RebuildLastToken(start, stop);
        }
        return stop;
    }

    /// <summary>Moves <paramref name="stop"/> back to the first <c>import</c>, <c>export</c> or <c>class</c> token in [start, stop).</summary>
    private int StopBeforeEffectWord(int start, int stop)
    {
        var src = _src;
        while (true)
        {
            if (_nextEffectWord < start)
            {
                // Positions only move forward, so an occurrence found earlier and not yet passed is still the next one.
                FindNextEffectWord(start);
            }
            var at = _nextEffectWord;
            if (at >= stop)
            {
                return stop;
            }
            var before = at > start ? src[at - 1] : ' '; // the run starts at a token boundary
            if (char.IsAsciiLetter(before) || before is '_' or '$')
            {
                FindNextEffectWord(at + 1); // inside a longer name (`reimport`, `subclass`)
                continue;
            }
            if (char.IsAsciiDigit(before))
            {
                // `a1import` is one name but `1import` a number and a word: leave it to the main loop.
                return LastSafeBoundary(start, at);
            }
            var wordEnd = at + (src[at] == 'c' ? 5 : 6);
            if (wordEnd < src.Length && IsAsciiIdentifierPart(src[wordEnd]))
            {
                FindNextEffectWord(at + 1); // a longer name (`imports`, `className`)
                continue;
            }
            return at;
        }
    }

    private void FindNextEffectWord(int from)
    {
        var found = from < _src.Length ? _src[from..].IndexOfAny(EffectWords) : -1;
        _nextEffectWord = found < 0 ? _src.Length : from + found;
    }

    /// <summary>The last offset in (start, end] right after a blank, <c>,</c> or <c>;</c> (always a token boundary), or start.</summary>
    private readonly int LastSafeBoundary(int start, int end)
    {
        for (var p = end - 1; p >= start; p--)
        {
            if (_src[p] is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or ',' or ';')
            {
                return p + 1;
            }
        }
        return start;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    /// <summary>
    /// Sets the last-token state to the last significant token in the quiet run [start, stop), as lexing it
    /// token by token would have. Only names, numbers, and operators that are not <c>+</c>/<c>-</c> can be there.
    /// </summary>
    private void RebuildLastToken(int start, int stop)
    {
        var src = _src;
        var q = stop - 1;
        while (q >= start && IsBlank(src[q])) q--;
        if (q < start)
        {
            return; // only blanks: the token before the run is still the last one
        }
        var c = src[q];
        if (IsAsciiIdentifierPart(c))
        {
            var w = q;
            while (w > start && IsAsciiIdentifierPart(src[w - 1])) w--;
            if (char.IsAsciiDigit(src[w]))
            {
                _lastKind = TokenKind.Literal; // a number (`1e5`, `0x1F`; `1.5` ends in its fraction digits)
                return;
            }
            _lastMayBeKeyword = !FollowsDotToken(start, w);
            _lastKind = TokenKind.Identifier;
            _lastStart = w;
            _lastEnd = q + 1;
            return;
        }
        switch (c)
        {
            case ';':
                _lastKind = TokenKind.None;
                _lastPunctuator = ';';
                return;
            case '.':
                if (q - 2 >= start && src[q - 1] == '.' && src[q - 2] == '.')
                {
                    _lastKind = TokenKind.Punctuator; // spread
                    _lastPunctuator = '.';
                }
                else
                {
                    _lastKind = q - 1 >= start && src[q - 1] == '?' ? TokenKind.Dot : IsNumberDot(start, q) ? TokenKind.Literal : TokenKind.Dot;
                }
                return;
            case '>' when q - 1 >= start && src[q - 1] == '=':
                _lastKind = TokenKind.Arrow;
                return;
            default:
                _lastKind = TokenKind.Punctuator;
                _lastPunctuator = c;
                return;
        }
    }

    /// <summary>True when the token before the name at <paramref name="nameStart"/> is <c>.</c> or <c>?.</c> (a property name, never a keyword).</summary>
    private readonly bool FollowsDotToken(int start, int nameStart)
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
        if (r - 1 >= start && src[r - 1] == '?')
        {
            return true;
        }
        if (r - 2 >= start && src[r - 1] == '.' && src[r - 2] == '.')
        {
            return false; // spread
        }
        return !IsNumberDot(start, r);
    }

    /// <summary>True when the <c>.</c> at <paramref name="dot"/> belongs to a number (<c>1.</c>, <c>1_000.</c>): right after an integer's digits.</summary>
    private readonly bool IsNumberDot(int start, int dot)
    {
        var src = _src;
        var s = dot;
        while (s > start && (char.IsAsciiDigit(src[s - 1]) || src[s - 1] == '_')) s--;
        if (s == dot || !char.IsAsciiDigit(src[s]))
        {
            return false;
        }
        // `a1.` is a name and `1.5.`, `.5.` end in a fraction: only a whole integer takes the dot.
        return s == start || !(IsAsciiIdentifierPart(src[s - 1]) || src[s - 1] == '.');
    }
}
