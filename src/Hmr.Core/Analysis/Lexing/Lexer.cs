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

    public void Run()
    {
        SkipBomAndHashbang();
        var src = _src;
        while (_pos < src.Length)
        {
            var c = src[_pos];
            switch (c)
            {
                case ' ' or '\t' or '\v' or '\f':
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
                case '(':
                    OnOpenParen();
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
                        _lastKind = TokenKind.IncDec;
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
                    _pos++;
                    ScanIdentifierToken(mayBeKeyword: false);
                    break;
                default:
                    OnOtherCharacter(c);
                    break;
            }
        }
        ReportUnclosedBrackets();
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
