using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hmr.Core.Analysis.Lexing;

/// <summary>The kind of the last significant token: all the lexer remembers to tell a regex from a division.</summary>
internal enum TokenKind : byte
{
    /// <summary>Start of input or of a statement (after <c>;</c> or an import declaration).</summary>
    None,
    Identifier,
    /// <summary>Number, string, template or regex: a value, so a following <c>/</c> divides.</summary>
    Literal,
    /// <summary><c>.</c> or <c>?.</c>: the next identifier is a property name, never a keyword.</summary>
    Dot,
    /// <summary>An operator or opening bracket: an expression is expected next.</summary>
    Punctuator,
    Arrow,
    /// <summary><c>++</c> or <c>--</c>, taken as postfix (a following <c>/</c> divides).</summary>
    IncDec,
    CloseParen,
    CloseKeywordParen,
    CloseBracket,
    CloseBlock,
    CloseObject,
}

/// <summary>
/// The scanning state machine. One pass, one character dispatch per token; strings, comments and templates
/// are skipped with vectorised searches. Partial files: Runs (names and blanks), Punctuators (the rest of the
/// dispatch), Scanning (primitives and look-ahead), Brackets (regex or division), Imports, Exports, Patterns
/// and Hot (<c>import.meta.hot</c>).
/// </summary>
internal ref partial struct Lexer
{
    private readonly ReadOnlySpan<char> _src;
    private readonly AnalysisBuilder _results;
    private readonly BracketStack _stack = new();

    /// <summary>Non-literal dynamic imports whose closing <c>)</c> is still ahead: (bracket depth inside it, import index).</summary>
    private readonly List<(int Depth, int Index)> _openDynamicImports = [];

    private int _pos;
    private TokenKind _lastKind;
    private char _lastPunctuator;
    private int _lastStart;
    private int _lastEnd;

    /// <summary>The last identifier could be a keyword: written plainly and not a property name (<c>x.if</c>, <c>#if</c>).</summary>
    private bool _lastMayBeKeyword;

    /// <summary>Bracket depth at which a <c>class</c> keyword waits for its body's <c>{</c>, or -1.</summary>
    private int _classDepth = -1;

    /// <summary>Bracket depth of an <c>export var/let/const</c> whose declarators are still being read, or -1.</summary>
    private int _declarationDepth = -1;

    /// <summary>Offset of a <c>,</c> a line-break look-ahead found continuing that declaration, or -1.</summary>
    private int _declarationCommaAt = -1;

    /// <summary>Offset of the next <c>import</c>/<c>export</c>/<c>class</c> not yet passed (the length when none, -1 before the first search); see Lexer.QuietRuns.cs.</summary>
    private int _nextEffectWord = -1;

    /// <summary>Where the quiet run found by the last search ends (-1 before the first); see Lexer.QuietRuns.cs.</summary>
    private int _quietRunEnd = -1;

    /// <summary>Quiet runs end by <see cref="QuietCharacters.StopMask"/> (else by a search per run); see Lexer.QuietRuns.cs.</summary>
    private bool _stopsFromMasks = QuietCharacters.StopMasksSupported;

    /// <summary>Where the 64 characters of <see cref="_stopMask"/> start (far below 0 before the first).</summary>
    private int _maskStart = int.MinValue / 2;

    /// <summary>Bit i set when the character at <see cref="_maskStart"/> + i ends a quiet run.</summary>
    private ulong _stopMask;

    /// <summary>Quiet runs are not taken before this offset (a name the run would have to cut; see Lexer.QuietRuns.cs).</summary>
    private int _quietRunsPausedUntil;

    public Lexer(ReadOnlySpan<char> source, AnalysisBuilder results)
    {
        _src = source;
        _results = results;
    }

    // ASCII character classes for the main loop: one table load and one jump decide the common tokens, which
    // are handled inline; everything else goes through Dispatch.
    private const byte OtherClass = 0, NameStartClass = 1, DigitClass = 2, BlankClass = 3, LineBreakClass = 4,
        OperatorClass = 5, DotClass = 6, CommaClass = 7, SemicolonClass = 8, OpenParenClass = 9, EqualsClass = 10;

    private static ReadOnlySpan<byte> AsciiClasses =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 0, 0, 4, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 5, 0, 0, 1, 5, 5, 0, 9, 0, 5, 0, 7, 0, 6, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 8, 5, 10, 5, 0,
        5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 5, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 5, 0, 5, 0,
    ];

    /// <summary>
    /// True when a name starts at <paramref name="pos"/>. Handlers check it to jump straight to the name case (a
    /// direct, mostly predicted branch) instead of going round the loop to the switch's indirect jump.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NameStartsAt(ref char first, int pos, int length) =>
        pos < length && Unsafe.Add(ref first, pos) is var c && c < 128 && AsciiClasses[c] == NameStartClass;

    // Straight to optimised code: a fresh build process analyses thousands of files once, and tier-0 code
    // for this loop is several times slower (measured in the build task, docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run()
    {
        SkipBomAndHashbang();
        var src = _src;
        var classes = AsciiClasses;
        // The position lives in a local for the common tokens and is written back to _pos only around the
        // helpers, so the JIT keeps it in a register.
        var pos = _pos;
        var length = src.Length;
        ref var first = ref MemoryMarshal.GetReference(src);
        while (pos < length)
        {
            if (QuietRunsAllowed && pos >= _quietRunsPausedUntil)
            {
                // Quiet runs, and the brackets, strings and templates between them, are lexed without coming back
                // here (Lexer.QuietRuns.cs); what is left is a token with an effect of its own.
                pos = SkipQuietRuns(pos);
                if (pos >= length)
                {
                    break;
                }
            }
            var c = Unsafe.Add(ref first, pos);
            switch (c < 128 ? classes[c] : OtherClass)
            {
                case NameStartClass:
                {
                    // A name, and the names of a member chain after it (`a.b.c`): the dots and the names before
                    // the last one need no bookkeeping, since a property name is never a keyword.
                    while (true)
                    {
                        var start = pos;
                        pos = NameRunEnd(ref first, pos + 1, length);
                        if (pos < length && (Unsafe.Add(ref first, pos) >= 0x80 || Unsafe.Add(ref first, pos) == '\\'))
                        {
                            _pos = start;
                            ScanIdentifierToken(mayBeKeyword: true);
                            pos = _pos;
                            break;
                        }
                        var nameLength = pos - start;
                        var initial = Unsafe.Add(ref first, start);
                        if (((nameLength == 6 && initial is 'i' or 'e') || (nameLength == 5 && initial == 'c')) && _lastKind != TokenKind.Dot)
                        {
                            _pos = start;
                            EndIdentifierToken(start, pos, escaped: false, mayBeKeyword: true);
                            pos = _pos;
                            break;
                        }
                        if (pos + 1 < length && Unsafe.Add(ref first, pos) == '.' && Unsafe.Add(ref first, pos + 1) is var n && n < 128 && classes[n] == NameStartClass)
                        {
                            _lastKind = TokenKind.Dot;
                            pos++;
                            continue;
                        }
                        _lastMayBeKeyword = _lastKind != TokenKind.Dot;
                        _lastKind = TokenKind.Identifier;
                        _lastStart = start;
                        _lastEnd = pos;
                        // A single space after a name is the commonest token pair: skip it here rather than
                        // through another dispatch.
                        if (pos + 1 < length && Unsafe.Add(ref first, pos) == ' ' && Unsafe.Add(ref first, pos + 1) != ' ')
                        {
                            pos++;
                            if (NameStartsAt(ref first, pos, length)) continue; // `const x`, `return a`: the next name
                        }
                        else if (pos < length && Unsafe.Add(ref first, pos) == '(')
                        {
                            // `f(`: the call's bracket, without another dispatch
                            PushParen(pos);
                            pos++;
                        }
                        break;
                    }
                    continue;
                }
                case BlankClass:
                    pos = BlankRunEnd(ref first, pos + 1, length, lineBreaks: false);
                    if (NameStartsAt(ref first, pos, length)) goto case NameStartClass;
                    continue;
                case LineBreakClass when _declarationDepth < 0:
                    // Outside an exported declaration a line break means nothing: skip the blank lines and indentation.
                    pos = BlankRunEnd(ref first, pos + 1, length, lineBreaks: true);
                    if (NameStartsAt(ref first, pos, length)) goto case NameStartClass;
                    continue;
                case OperatorClass:
                case EqualsClass when !(pos + 1 < length && Unsafe.Add(ref first, pos + 1) == '>'):
                case CommaClass when _declarationDepth < 0:
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = c;
                    pos++;
                    if (pos + 1 < length && Unsafe.Add(ref first, pos) == ' ' && Unsafe.Add(ref first, pos + 1) != ' ')
                    {
                        pos++; // `a = b`, `f(a, b)`: the space after an operator, without another dispatch
                    }
                    if (NameStartsAt(ref first, pos, length)) goto case NameStartClass;
                    continue;
                case SemicolonClass when _declarationDepth < 0:
                    _lastKind = TokenKind.None;
                    _lastPunctuator = c;
                    pos++;
                    continue;
                case DotClass when pos + 1 < length && Unsafe.Add(ref first, pos + 1) is var d && d < 128 && classes[d] == NameStartClass:
                    _lastKind = TokenKind.Dot;
                    pos++;
                    goto case NameStartClass; // checked above: a name follows
                case OpenParenClass:
                    PushParen(pos);
                    pos++;
                    if (NameStartsAt(ref first, pos, length)) goto case NameStartClass;
                    continue;
            }
            _pos = pos;
            Dispatch(c);
            pos = _pos;
        }
        _pos = pos;
        ReportUnclosedBrackets();
    }

    private void Report(string code, string message, int offset, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _results.Report(code, severity, message, offset);
}
