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
/// The scanning state machine. One pass, one character dispatch per token; strings, comments, templates
/// and regexes are skipped with vectorised searches. Partial files: scanning primitives, the regex/division
/// decision, import/export statements, export declarations and <c>import.meta.hot</c>.
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
            var c = Unsafe.Add(ref first, pos);
            switch (c < 128 ? classes[c] : OtherClass)
            {
                case NameStartClass:
                {
                    var start = pos;
                    pos++;
                    pos = NameRunEnd(ref first, pos, length);
                    if (pos < length && (src[pos] >= 0x80 || src[pos] == '\\'))
                    {
                        _pos = start;
                        ScanIdentifierToken(mayBeKeyword: true);
                        pos = _pos;
                        continue;
                    }
                    var nameLength = pos - start;
                    if ((nameLength == 6 || nameLength == 5) && _lastKind != TokenKind.Dot)
                    {
                        _pos = start;
                        EndIdentifierToken(start, pos, escaped: false, mayBeKeyword: true);
                        pos = _pos;
                        continue;
                    }
                    _lastMayBeKeyword = _lastKind != TokenKind.Dot;
                    _lastKind = TokenKind.Identifier;
                    _lastStart = start;
                    _lastEnd = pos;
                    continue;
                }
                case BlankClass:
                    pos = BlankRunEnd(ref first, pos + 1, length, lineBreaks: false);
                    continue;
                case LineBreakClass when _declarationDepth < 0:
                    // Outside an exported declaration a line break means nothing: skip the blank lines and indentation.
                    pos = BlankRunEnd(ref first, pos + 1, length, lineBreaks: true);
                    continue;
                case OperatorClass:
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = c;
                    pos++;
                    continue;
                case EqualsClass when !(pos + 1 < length && Unsafe.Add(ref first, pos + 1) == '>'):
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = c;
                    pos++;
                    continue;
                case CommaClass when _declarationDepth < 0:
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = c;
                    pos++;
                    continue;
                case SemicolonClass when _declarationDepth < 0:
                    _lastKind = TokenKind.None;
                    _lastPunctuator = c;
                    pos++;
                    continue;
                case DotClass when pos + 1 < length && Unsafe.Add(ref first, pos + 1) is var d && d < 128 && classes[d] == NameStartClass:
                    _lastKind = TokenKind.Dot;
                    pos++;
                    continue;
                case OpenParenClass:
                    _stack.Push(pos, _lastKind == TokenKind.Identifier && _lastMayBeKeyword && IsKeywordBeforeParen() ? FrameKind.KeywordParen : FrameKind.Paren);
                    _lastKind = TokenKind.Punctuator;
                    _lastPunctuator = c;
                    pos++;
                    continue;
            }
            _pos = pos;
            Dispatch(c);
            pos = _pos;
        }
        _pos = pos;
        ReportUnclosedBrackets();
    }

    private void Dispatch(char c)
    {
        var src = _src;
        switch (c)
        {
            case '\v' or '\f':
                _pos++;
                break;
            case '\n' or '\r':
                OnLineBreak();
                break;
            case '/':
                OnSlash();
                break;
            case '\'' or '"':
                ScanString(c);
                break;
            case '`':
                _pos++;
                ScanTemplateText(_pos - 1);
                break;
            case ')':
                OnCloseParen();
                break;
            case '[':
                _stack.Push(_pos, FrameKind.Bracket);
                SetPunctuator('[', 1);
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
            case '.':
                OnDot();
                break;
            case '?':
                OnQuestionMark();
                break;
            case '+' or '-':
                if (_pos + 1 < src.Length && src[_pos + 1] == c)
                {
                    // Postfix only right after a value on the same line (`a\n++b` is `a; ++b`); prefix ++ expects an operand.
                    _lastKind = FollowsValueOnSameLine() ? TokenKind.IncDec : TokenKind.Punctuator;
                    _lastPunctuator = c;
                    _pos += 2;
                }
                else
                {
                    SetPunctuator(c, 1);
                }
                break;
            case '=':
                if (_pos + 1 < src.Length && src[_pos + 1] == '>')
                {
                    _lastKind = TokenKind.Arrow;
                    _pos += 2;
                }
                else
                {
                    SetPunctuator('=', 1);
                }
                break;
            case ';':
                OnSemicolon();
                break;
            case ',':
                OnComma();
                break;
            case >= '0' and <= '9':
                ScanNumber();
                break;
            case '#':
                // A private name (#x, #import): never a keyword.
                if (_pos + 1 < src.Length && ScanIdentifierEnd(_pos + 1, out _) > _pos + 1)
                {
                    _pos++;
                    ScanIdentifierToken(mayBeKeyword: false);
                }
                else
                {
                    SetPunctuator('#', 1);
                }
                break;
            default:
                OnOtherCharacter(c);
                break;
        }
    }

    private readonly bool FollowsValueOnSameLine()
    {
        if (_lastKind is TokenKind.None or TokenKind.Punctuator or TokenKind.Arrow or TokenKind.Dot or TokenKind.IncDec)
        {
            return false;
        }
        for (var p = _pos - 1; p >= 0; p--)
        {
            switch (_src[p])
            {
                case ' ' or '\t':
                    continue;
                case '\n' or '\r' or '\u2028' or '\u2029':
                    return false;
                default:
                    return true;
            }
        }
        return true;
    }

    private void OnOtherCharacter(char c)
    {
        if (IsAsciiIdentifierStart(c) || c == '\\')
        {
            ScanIdentifierToken(mayBeKeyword: true);
        }
        else if (c < 0x80)
        {
            if (c < 0x20 || c == 0x7F)
            {
                Report(DiagnosticCodes.InvalidCharacter, $"Unexpected control character U+{(int)c:X4}.", _pos);
                _pos++;
            }
            else
            {
                // Operators the decision does not need to tell apart: ! % & * < > ^ | ~ : @
                SetPunctuator(c, 1);
            }
        }
        else if (c is '\u2028' or '\u2029')
        {
            OnLineBreak();
        }
        else if (IsNonAsciiWhitespace(c))
        {
            _pos++;
        }
        else
        {
            // Any other non-ASCII character is taken as part of an identifier (letters, marks, surrogates).
            ScanIdentifierToken(mayBeKeyword: true);
        }
    }

    private void SetPunctuator(char c, int length)
    {
        _lastKind = TokenKind.Punctuator;
        _lastPunctuator = c;
        _pos += length;
    }

    private void OnSemicolon()
    {
        if (_declarationDepth == _stack.Depth)
        {
            _declarationDepth = -1;
        }
        _lastKind = TokenKind.None;
        _lastPunctuator = ';';
        _pos++;
    }

    private void OnComma()
    {
        SetPunctuator(',', 1);
        if (_declarationDepth == _stack.Depth)
        {
            // The next declarator of `export const a = 1, b = 2`.
            ReadNextDeclarator();
        }
    }

    private void OnDot()
    {
        var src = _src;
        if (_pos + 1 < src.Length && char.IsAsciiDigit(src[_pos + 1]))
        {
            ScanNumber();
        }
        else if (_pos + 2 < src.Length && src[_pos + 1] == '.' && src[_pos + 2] == '.')
        {
            SetPunctuator('.', 3); // spread: an expression follows
        }
        else
        {
            _lastKind = TokenKind.Dot;
            _pos++;
        }
    }

    private void OnQuestionMark()
    {
        var src = _src;
        // `?.` is optional chaining unless a digit follows (`a?.5:1` is a conditional).
        if (_pos + 1 < src.Length && src[_pos + 1] == '.' && !(_pos + 2 < src.Length && char.IsAsciiDigit(src[_pos + 2])))
        {
            _lastKind = TokenKind.Dot;
            _pos += 2;
        }
        else
        {
            SetPunctuator('?', 1);
        }
    }

    private void OnLineBreak()
    {
        _pos++;
        if (_declarationDepth == _stack.Depth && _declarationDepth >= 0)
        {
            EndDeclarationAtLineBreak();
        }
    }

    private void Report(string code, string message, int offset, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _results.Report(code, severity, message, offset);
}
