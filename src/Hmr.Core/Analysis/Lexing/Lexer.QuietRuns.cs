using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hmr.Core.Analysis.Lexing;

// Quiet runs: stretches of names, numbers, blanks and simple operators in which nothing happens but the
// "last significant token" moving on. They are jumped over instead of lexed token by token (most tokens of
// real code are such), and the only state they leave behind, the last token, is rebuilt by looking backwards
// from where the run stops (Lexer.LastToken.cs). Where runs end is read from bit masks of 64 characters at a
// time (QuietCharacters.StopMask; a vectorised search per run where that is not supported).
//
// Most runs stop at a bracket or a string, and most of those need nothing from the run: a `)`, `]` or `}`
// pops the bracket stack and becomes the last token itself, a `[` or a string likewise. So they are lexed
// right here and the search goes on after them, without going back to the main loop and without rebuilding
// the run's last token; `(` only asks whether that token is `if`/`for`/`while`/`with`, and `{`, `/`, `+`, `-`
// rebuild it first. Only tokens with an effect of their own (the words `import`, `export`, `class`), the rare
// characters (`#`, escapes, control and non-ASCII characters) and brackets that do not match go back to the
// main loop, which lexes them as before.
internal ref partial struct Lexer
{
    /// <summary>The words whose token has an effect of its own; a run stops in front of them.</summary>
    private static readonly SearchValues<string> EffectWords = SearchValues.Create(["import", "export", "class"], StringComparison.Ordinal);

    /// <summary>
    /// Analyses <paramref name="source"/> with quiet runs never taken, every token lexed by the main loop: the
    /// reference the tests hold quiet runs to (both must give the same analysis for any input).
    /// </summary>
    internal static ModuleAnalysis AnalyzeTokenByToken(ReadOnlySpan<char> source)
    {
        var results = new AnalysisBuilder();
        var lexer = new Lexer(source, results) { _quietRunsPausedUntil = int.MaxValue };
        lexer.Run();
        return results.Build(source);
    }

    /// <summary>
    /// Analyses <paramref name="source"/> with quiet runs ended by vectorised searches, as on machines without
    /// <see cref="QuietCharacters.StopMasksSupported"/>: lets the tests hold that path to the same analysis.
    /// </summary>
    internal static ModuleAnalysis AnalyzeWithSearches(ReadOnlySpan<char> source)
    {
        var results = new AnalysisBuilder();
        var lexer = new Lexer(source, results) { _stopsFromMasks = false };
        lexer.Run();
        return results.Build(source);
    }

    /// <summary>True when a quiet run may start here: only outside exported declarations and pending class heads, whose readers watch every token.</summary>
    private readonly bool QuietRunsAllowed => _declarationDepth < 0 && _classDepth < 0;

    /// <summary>
    /// Lexes from <paramref name="start"/> (a token boundary) as long as it can do so without the main loop: quiet
    /// runs, and the brackets, strings, templates, regexes and operators that end them. Returns the token boundary
    /// where the main loop must go on, with the last-token state set as lexing token by token would have left it.
    /// </summary>
    private int SkipQuietRuns(int start)
    {
        var src = _src;
        var segment = start; // a token boundary; the last-token state describes everything before it
        while (true)
        {
            var stop = QuietRunEnd(segment);
            if (stop < src.Length && (src[stop] == '\\' || src[stop] >= 0x80) && stop > segment && IsAsciiIdentifierPart(src[stop - 1]))
            {
                // An escape or non-ASCII letter inside a name: the name is one token, and where it starts is not
                // worth working out backwards. Lex token by token up to it.
                _quietRunsPausedUntil = stop + 1;
                return segment;
            }
            var wordAt = StopBeforeEffectWord(segment, stop);
            if (wordAt < stop || stop == src.Length)
            {
                return RebuildLastToken(segment, wordAt) < 0 ? PauseQuietRuns(segment, wordAt) : wordAt;
            }
            var c = src[stop];
            switch (c)
            {
                case ')' when _stack.Depth > 0 && _stack.Top.Kind is FrameKind.Paren or FrameKind.KeywordParen:
                    if (_openDynamicImports.Count > 0)
                    {
                        _pos = stop;
                        OnCloseParen(); // it may end the argument of an `import(…)`
                        segment = _pos;
                        continue;
                    }
                    _lastKind = _stack.Pop().Kind == FrameKind.KeywordParen ? TokenKind.CloseKeywordParen : TokenKind.CloseParen;
                    segment = stop + 1;
                    continue;
                case ']' when _stack.Depth > 0 && _stack.Top.Kind == FrameKind.Bracket:
                    _stack.Pop();
                    _lastKind = TokenKind.CloseBracket;
                    segment = stop + 1;
                    continue;
                case '}' when _stack.Depth > 0 && _stack.Top.Kind is FrameKind.BlockBrace or FrameKind.ObjectBrace or FrameKind.ClassBrace:
                    _lastKind = _stack.Pop().Kind == FrameKind.ObjectBrace ? TokenKind.CloseObject : TokenKind.CloseBlock;
                    segment = stop + 1;
                    continue;
                case '}' when _stack.Depth > 0 && _stack.Top.Kind == FrameKind.TemplateExpression:
                    _pos = stop + 1;
                    ScanTemplateText(_stack.Pop().TemplateStart);
                    segment = _pos;
                    continue;
                case '[':
                    _stack.Push(stop, FrameKind.Bracket);
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = '[';
                    segment = stop + 1;
                    continue;
                case '(' when !MayFollowParenKeyword(segment, stop):
                    _stack.Push(stop, FrameKind.Paren);
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = '(';
                    segment = stop + 1;
                    continue;
                case '"' or '\'':
                    _pos = stop;
                    ScanString(c);
                    segment = _pos;
                    continue;
                case '`':
                    _pos = stop + 1;
                    ScanTemplateText(stop);
                    segment = _pos;
                    continue;
                case '(' or '{' or '/' or '+' or '-':
                {
                    // These need the run's last token: `if (`, `return {`, `a / b` or `x = /re/`, `a++`.
                    var rebuiltTo = RebuildLastToken(segment, stop);
                    if (rebuiltTo < 0)
                    {
                        return PauseQuietRuns(segment, stop);
                    }
                    if (rebuiltTo > stop)
                    {
                        segment = rebuiltTo; // a number took the sign at the stop (`1e+5`)
                        continue;
                    }
                    _pos = stop;
                    switch (c)
                    {
                        case '(':
                            PushParen(stop);
                            _pos++;
                            break;
                        case '{':
                            OnOpenBrace();
                            break;
                        case '/':
                            OnSlash();
                            break;
                        default:
                            OnPlusOrMinus(c);
                            break;
                    }
                    segment = _pos;
                    continue;
                }
            }
            // Everything else (`#`, escapes, control and non-ASCII characters, brackets that do not match) is the
            // main loop's, which then comes back here.
            var rebuilt = RebuildLastToken(segment, stop);
            if (rebuilt < 0)
            {
                return PauseQuietRuns(segment, stop);
            }
            if (rebuilt == stop)
            {
                return stop;
            }
            segment = rebuilt; // a number took the character at the stop
        }
    }

    /// <summary>
    /// The end of the quiet run starting at <paramref name="from"/>. The end found last time is remembered: a later
    /// run starting before it (after a pause) ends there too, so no character is searched twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int QuietRunEnd(int from)
    {
        if (from <= _quietRunEnd)
        {
            return _quietRunEnd;
        }
        return _quietRunEnd = _stopsFromMasks ? QuietRunEndFromMasks(from) : QuietRunEndBySearch(from);
    }

    /// <summary>
    /// The first character not quiet at or after <paramref name="from"/>, from the stop mask of the 64 characters at
    /// <see cref="_maskStart"/>; a new mask is taken where the current one does not reach (after a string, comment or
    /// template that jumped past it, or when it has no stop left).
    /// </summary>
    private int QuietRunEndFromMasks(int from)
    {
        var src = _src;
        while (true)
        {
            var offset = (uint)(from - _maskStart);
            if (offset < 64)
            {
                var stops = _stopMask >> (int)offset;
                if (stops != 0)
                {
                    return from + BitOperations.TrailingZeroCount(stops);
                }
                from = _maskStart + 64;
            }
            if (from >= src.Length)
            {
                return src.Length;
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

    private readonly int QuietRunEndBySearch(int from)
    {
        var src = _src;
        if (from < src.Length && !QuietCharacters.Contains(src[from]))
        {
            return from; // runs between two brackets (`)(`, `))`, `('`) are often empty: no search for them
        }
        var found = src[from..].IndexOfAnyExcept(QuietCharacters.SearchSet);
        return found < 0 ? src.Length : from + found;
    }

    /// <summary>
    /// Lets the main loop lex [<paramref name="segment"/>, <paramref name="until"/>) token by token, where looking
    /// backwards cannot tell the tokens apart; returns <paramref name="segment"/>, where it goes on.
    /// </summary>
    private int PauseQuietRuns(int segment, int until)
    {
        _quietRunsPausedUntil = until;
        return segment;
    }

    /// <summary>
    /// False when the <c>(</c> at <paramref name="paren"/> certainly does not follow <c>if</c>, <c>for</c>,
    /// <c>while</c> or <c>with</c>: the run before it does not end in one of those words (the word before most calls
    /// ends in an `e`, so the last letter alone is not enough). When the run is empty the last-token state is
    /// already known, so it is asked directly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool MayFollowParenKeyword(int segment, int paren)
    {
        var src = _src;
        var q = paren - 1;
        while (q >= segment && IsBlank(src[q])) q--;
        if (q < segment)
        {
            return _lastKind == TokenKind.Identifier && _lastMayBeKeyword && IsKeywordBeforeParen();
        }
        var keyword = src[q] switch { 'f' => "if", 'r' => "for", 'e' => "while", 'h' => "with", _ => null };
        if (keyword is null)
        {
            return false;
        }
        var w = q + 1 - keyword.Length;
        if (w < segment || !src.Slice(w, keyword.Length).SequenceEqual(keyword))
        {
            return false; // a shorter or another word (the run starts at a token boundary)
        }
        // A longer name (`iff`) is not the keyword, unless a number ends right before it (`1if`).
        return w == segment || !IsAsciiIdentifierPart(src[w - 1]) || char.IsAsciiDigit(src[w - 1]) || src[w - 1] is '_' or 'e' or 'E' or 'n';
    }

    /// <summary>
    /// Moves <paramref name="stop"/> back to the first <c>import</c>, <c>export</c> or <c>class</c> token in [start,
    /// stop). Returns <paramref name="start"/> with quiet runs paused where a number may end right before the word.
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
            var before = at > start ? src[at - 1] : ' '; // the run starts at a token boundary
            if (IsAsciiIdentifierPart(before) || (before == '.' && src[at] == 'e'))
            {
                if (!MayEndNumber(start, at))
                {
                    FindNextEffectWord(at + 1); // inside a longer name (`reimport`, `subclass`)
                    continue;
                }
                // `1import` and `1eimport` are a number and a word, `a1import` and `0x1import` one token, `1.export` the
                // number `1.e` and a name: lex token by token up to it (a pause, not a search backwards, so the pass
                // stays linear).
                _quietRunsPausedUntil = at + 1;
                return start;
            }
            return at;
        }
    }

    /// <summary>
    /// True unless the name characters before <paramref name="at"/> surely belong to a name: a number can end in a
    /// digit, <c>_</c>, an empty exponent <c>e</c>, a BigInt <c>n</c>, or eat the <c>e</c> of <c>export</c> after <c>1.</c>.
    /// </summary>
    private readonly bool MayEndNumber(int start, int at)
    {
        var src = _src;
        var before = src[at - 1];
        if (char.IsAsciiDigit(before) || before == '.')
        {
            return true;
        }
        if (before is not ('e' or 'E' or 'n' or '_'))
        {
            return false;
        }
        // A letter other than e/E (or a `$`) before it makes it a name's: numbers hold no other letters, except hex
        // ones, which take every letter up to the word and the word too.
        var second = at - 2 >= start ? src[at - 2] : ' ';
        return !((char.IsAsciiLetter(second) && second is not ('e' or 'E')) || second == '$');
    }

    private void FindNextEffectWord(int from)
    {
        var found = from < _src.Length ? _src[from..].IndexOfAny(EffectWords) : -1;
        _nextEffectWord = found < 0 ? _src.Length : from + found;
    }
}
