namespace Hmr.Core.Analysis.Lexing;

// The tokens of the characters that do not always stop a quiet run: those runs are made of (names, numbers, blanks,
// operators), lexed where a run's last token is needed (Lexer.QuietRuns.cs), and the rarer ones that stop runs (`#`,
// escapes, control and non-ASCII characters, the words `import`/`export`/`class`, and inside exported declarations
// `,`, `;` and line breaks). The characters that always stop a run (brackets, quotes, `/`, `+`, `-`) go from Run to
// their handlers directly.
internal ref partial struct Lexer
{
    private void Dispatch(char c)
    {
        var src = _src;
        switch (c)
        {
            case ' ' or '\t' or '\v' or '\f':
                do _pos++; while (_pos < src.Length && src[_pos] is ' ' or '\t');
                break;
            case '\n' or '\r':
                OnLineBreak();
                break;
            case '.':
                OnDot();
                break;
            case '?':
                OnQuestionMark();
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
                if (!LexPendingRun())
                {
                    break;
                }
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

    private void OnPlusOrMinus(char c)
    {
        var doubled = _pos + 1 < _src.Length && _src[_pos + 1] == c;
        if ((doubled || (_pos > 0 && (_src[_pos - 1] | 0x20) == 'e')) && !LexPendingRun())
        {
            return; // maybe the sign of an exponent (`1e+5`), lexed with its number
        }
        if (doubled)
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
        if (!LexPendingRun())
        {
            return; // maybe a name that runs on through this character (`a\u0062`, `a1import`, `aé`)
        }
        if (IsAsciiIdentifierStart(c) || c == '\\')
        {
            ScanIdentifierToken(mayBeKeyword: true);
        }
        else if (c < 0x80)
        {
            if (c < 0x20 || c == 0x7F)
            {
                Report(LexerDiagnosticCodes.InvalidCharacter, $"Unexpected control character U+{(int)c:X4}.", _pos);
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
        if (!LexPendingRun())
        {
            return; // a line break leaves the last token as it is (and an exported declaration reads it)
        }
        _pos++;
        if (_declarationDepth == _stack.Depth && _declarationDepth >= 0)
        {
            EndDeclarationAtLineBreak();
        }
    }
}
