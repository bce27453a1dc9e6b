using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hmr.Core.Analysis.Lexing;

// Quiet runs: stretches of names, numbers, blanks and the operators other than `+`, `-` and `/`, in which nothing
// happens but the last significant token moving on. The main loop (Lexer.Run) jumps from stop to stop: the next
// character outside the quiet set (read from bit masks of 64 characters, QuietCharacters.StopMask), or the next
// `import`/`export`/`class`. Most stops (brackets, strings, templates) set the last token without reading it; the
// handlers that read it lex the run's last token first, forward, with the same handlers as every other token, from the
// last operator of the run (LexPendingRun). See docs/lexer.md, "Quiet runs".
internal ref partial struct Lexer
{
    /// <summary>The words whose token has an effect of its own; a run stops in front of them.</summary>
    private static readonly SearchValues<string> EffectWords = SearchValues.Create(["import", "export", "class"], StringComparison.Ordinal);

    /// <summary>Inside <c>export var/let/const</c>, where the declarators end (Lexer.Exports.cs): they stop runs too.</summary>
    private static readonly SearchValues<char> DeclarationStops = SearchValues.Create(",;\n\r");

    // Bit maps over ASCII ([0] U+0000–U+003F, [1] U+0040–U+007F) of the characters a run's last tokens may be made of:
    // names, numbers, `.` and blanks. The other characters of the quiet set are operators, each a token of its own.
    private const ulong TailLow = IdentifierPartLow | (1UL << '.') | (1UL << ' ') | (0b11111UL << '\t'); // \t \n \v \f \r
    private const ulong TailHigh = IdentifierHigh;

    /// <summary>The next stop at or after <paramref name="from"/> (a token boundary), or the length at the end.</summary>
    private int NextStop(int from)
    {
        var stop = QuietRunEnd(from);
        if (_nextEffectWord < stop)
        {
            stop = StopBeforeEffectWord(from, stop);
        }
        if (_declarationDepth >= 0 && from < stop)
        {
            var found = _src[from..stop].IndexOfAny(DeclarationStops);
            if (found >= 0)
            {
                stop = from + found;
            }
        }
        return stop;
    }

    /// <summary>
    /// Lexes the last token of the quiet run before <see cref="_pos"/> (a stop), unless already done, so that the
    /// last-token state is what lexing every token would have left. Handlers that read that state, or leave it as it
    /// is, start with <c>if (!LexPendingRun()) return;</c>. The run's tail of names, numbers, dots and blanks follows an
    /// operator, whose token starts at its character (<c>;</c>, <c>,</c>, the <c>?</c> of <c>?.</c>) or at the <c>=</c>
    /// of an arrow, or starts the run: lexing starts there, with the same handlers as everywhere else. False when the
    /// run's last token takes the character at the stop (<c>1e+5</c>, <c>a\u0062</c>, <c>a1import</c>): no token starts
    /// there, and <see cref="_pos"/> is after the one that took it.
    /// </summary>
    private bool LexPendingRun()
    {
        var runStart = _runStart;
        if (runStart < 0)
        {
            return true;
        }
        _runStart = -1;
        var src = _src;
        var stop = _pos;
        var end = stop;
        while (end > runStart && src[end - 1] is ' ' or '\t' or '\n' or '\r') end--;
        if (end == runStart)
        {
            return true; // only blanks: the token before the run is still the last one
        }
        var from = end;
        while (from > runStart && IsTailCharacter(src[from - 1])) from--;
        if (from > runStart)
        {
            from--;
            if (src[from] == '>' && from > runStart && src[from - 1] == '=')
            {
                from--;
            }
        }
        _pos = from;
        while (_pos < end)
        {
            Dispatch(src[_pos]);
        }
        if (_pos > stop)
        {
            return false;
        }
        _pos = stop; // blanks after the last token end it
        return true;
    }

    /// <summary>
    /// False when the quiet run pending before a <c>(</c> certainly does not end in <c>if</c>, <c>for</c>, <c>while</c> or
    /// <c>with</c> (its last letters are not those words), so its last token need not be lexed.
    /// </summary>
    private readonly bool PendingRunMayEndInParenKeyword()
    {
        var runStart = _runStart;
        if (runStart < 0)
        {
            return true; // no run: the last token is known
        }
        var src = _src;
        var q = _pos - 1;
        while (q >= runStart && src[q] is ' ' or '\t' or '\n' or '\r') q--;
        if (q < runStart)
        {
            return true; // only blanks: the token before the run is the last one, and it is known
        }
        var run = src[runStart..(q + 1)];
        return src[q] switch
        {
            'f' => run.EndsWith("if"),
            'r' => run.EndsWith("for"),
            'e' => run.EndsWith("while"),
            'h' => run.EndsWith("with"),
            _ => false,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTailCharacter(char c) =>
        c < 64 ? (TailLow & (1UL << c)) != 0 : c < 128 && (TailHigh & (1UL << (c - 64))) != 0;

    /// <summary>
    /// The first character not quiet at or after <paramref name="from"/>, from the stop mask of the 64 characters at
    /// <see cref="_maskStart"/>; a new mask is taken where the current one does not reach (after a string, comment or
    /// template that jumped past it, or when it has no stop left). The end found is remembered: a run that starts
    /// again before it (after a word such as <c>import</c> inside the run) ends there too, so no mask is computed twice.
    /// </summary>
    private int QuietRunEnd(int from)
    {
        if (from <= _quietRunEnd)
        {
            return _quietRunEnd;
        }
        var src = _src;
        while (true)
        {
            var offset = (uint)(from - _maskStart);
            if (offset < 64)
            {
                var stops = _stopMask >> (int)offset;
                if (stops != 0)
                {
                    return _quietRunEnd = from + BitOperations.TrailingZeroCount(stops);
                }
                from = _maskStart + 64;
            }
            if (from >= src.Length)
            {
                return _quietRunEnd = src.Length;
            }
            _maskStart = from;
            if (from + 64 <= src.Length)
            {
                _stopMask = QuietCharacters.StopMask(ref Unsafe.Add(ref MemoryMarshal.GetReference(src), from));
                continue;
            }
            // The last characters, fewer than 64: one at a time, with a stop at the end of the text.
            var count = src.Length - from;
            var mask = 1UL << count;
            for (var i = 0; i < count; i++)
            {
                if (!QuietCharacters.Contains(src[from + i]))
                {
                    mask |= 1UL << i;
                }
            }
            _stopMask = mask;
        }
    }

    /// <summary>
    /// Moves <paramref name="stop"/> back to the first <c>import</c>, <c>export</c> or <c>class</c> in [start, stop) that
    /// is not the head of a longer name. One after a name character (<c>1import</c>, <c>reimport</c>) is a stop too:
    /// lexing the run's last token there tells whether the word is a token of its own.
    /// </summary>
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
}
