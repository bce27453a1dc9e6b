namespace Hmr.Core.Analysis.Lexing;

// The tokens the main loop does not handle inline: strings, templates, brackets, comments and regexes (by
// way of their own files), numbers, and the punctuators whose meaning depends on what follows them.
internal ref partial struct Lexer
{
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
                OnPlusOrMinus(c);
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

    private void OnPlusOrMinus(char c)
    {
        if (_pos + 1 < _src.Length && _src[_pos + 1] == c)
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
}
