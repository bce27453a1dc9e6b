using System.Runtime.CompilerServices;

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
/// The scanning state machine: one forward pass. Quiet runs (names, numbers, blanks and most operators) are jumped
/// over from stop to stop (Lexer.QuietRuns.cs), and each token kind is lexed by one handler: the characters that always
/// stop a run go to theirs from <see cref="Run"/>, every other one through <see cref="Dispatch"/> (Lexer.Punctuators.cs).
/// Partial files: QuietRuns, Punctuators, Scanning (primitives and look-ahead), Brackets (regex or division), Imports,
/// Exports, Patterns and Hot (<c>import.meta.hot</c>).
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

    /// <summary>Start of the quiet run before <see cref="_pos"/> whose last token is not lexed yet, or -1; see Lexer.QuietRuns.cs.</summary>
    private int _runStart = -1;

    /// <summary>Offset of the next <c>import</c>/<c>export</c>/<c>class</c> not yet passed (the length when none, -1 before the first search); see Lexer.QuietRuns.cs.</summary>
    private int _nextEffectWord = -1;

    /// <summary>Where the quiet run found by the last mask search ends (-1 before the first); see Lexer.QuietRuns.cs.</summary>
    private int _quietRunEnd = -1;

    /// <summary>Where the 64 characters of <see cref="_stopMask"/> start (far below 0 before the first).</summary>
    private int _maskStart = int.MinValue / 2;

    /// <summary>Bit i set when the character at <see cref="_maskStart"/> + i ends a quiet run.</summary>
    private ulong _stopMask;

    public Lexer(ReadOnlySpan<char> source, AnalysisBuilder results)
    {
        _src = source;
        _results = results;
    }

    // Straight to optimised code: a fresh build process analyses thousands of files once, and tier-0 code
    // for this loop is several times slower (measured in the build task, docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run()
    {
        SkipBomAndHashbang();
        var length = _src.Length;
        while (true)
        {
            // Everything before _pos is lexed. The quiet run from here to the next stop is jumped over; the handler of
            // the token at the stop lexes the run's last token only if it needs it (LexPendingRun, Lexer.QuietRuns.cs).
            _runStart = _pos;
            var stop = NextStop(_pos);
            if (stop >= length)
            {
                break;
            }
            _pos = stop;
            var c = _src[stop];
            switch (c)
            {
                case '(':
                    OnOpenParen();
                    break;
                case ')':
                    OnCloseParen();
                    break;
                case '[':
                    OnOpenBracket();
                    break;
                case ']':
                    OnCloseBracket();
                    break;
                case '{':
                    OnOpenBrace();
                    break;
                case '}':
                    OnCloseBrace();
                    break;
                case '\'' or '"':
                    ScanString(c);
                    break;
                case '`':
                    OnBacktick();
                    break;
                case '/':
                    OnSlash();
                    break;
                case '+' or '-':
                    OnPlusOrMinus(c);
                    break;
                default:
                    Dispatch(c);
                    break;
            }
        }
        _runStart = -1;
        _pos = length;
        ReportUnclosedBrackets();
    }

    private void Report(string code, string message, int offset, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _results.Report(code, severity, message, offset);
}
