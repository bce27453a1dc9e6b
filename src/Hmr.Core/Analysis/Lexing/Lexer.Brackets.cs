namespace Hmr.Core.Analysis.Lexing;

// The regex-or-division decision and the bracket bookkeeping it needs. A `/` starts a regex when an
// expression is expected, which is decided from the previous significant token alone; for `)` and `}` the
// answer depends on what opened the bracket, which the stack remembers (es-module-lexer's approach).
internal ref partial struct Lexer
{
    private void OnSlash()
    {
        if (!LexPendingRun())
        {
            return; // a comment leaves the last token as it is; a regex or division reads it
        }
        var src = _src;
        if (_pos + 1 < src.Length && src[_pos + 1] is '/' or '*')
        {
            SkipComment();
        }
        else if (RegexAllowed())
        {
            ScanRegex();
        }
        else
        {
            SetPunctuator('/', 1); // division (a following `=` is lexed as its own punctuator)
        }
    }

    private readonly bool RegexAllowed() => _lastKind switch
    {
        TokenKind.None or TokenKind.Punctuator or TokenKind.Arrow or TokenKind.Dot => true,
        TokenKind.CloseKeywordParen or TokenKind.CloseBlock => true,
        TokenKind.Identifier => _lastMayBeKeyword && KeywordPrecedesExpression(_src[_lastStart.._lastEnd], forBrace: false),
        _ => false, // literals, `)`, `]`, `}` of an object, postfix ++/--
    };

    /// <summary>
    /// Keywords after which an expression starts, so a <c>/</c> begins a regex and a <c>{</c> an object literal.
    /// <c>else</c> and <c>do</c> are followed by a statement: a regex yes, but their <c>{</c> is a block.
    /// </summary>
    private static bool KeywordPrecedesExpression(ReadOnlySpan<char> word, bool forBrace) => word switch
    {
        "return" or "typeof" or "case" or "yield" or "await" or "in" or "of" or "instanceof" or "new" or "delete"
            or "void" or "throw" or "default" or "extends" => true,
        "else" or "do" => !forBrace,
        _ => false,
    };

    private void ScanRegex()
    {
        // A character at a time: regexes are short, shorter than a vectorised search pays for.
        var src = _src;
        var start = _pos;
        var inClass = false;
        for (var p = start + 1; p < src.Length; p++)
        {
            switch (src[p])
            {
                case '\\':
                    if (p + 1 < src.Length && src[p + 1] is not ('\n' or '\r' or '\u2028' or '\u2029'))
                    {
                        p++; // an escaped character; an escaped line break still ends the (unterminated) regex
                    }
                    break;
                case '[':
                    inClass = true;
                    break;
                case ']':
                    inClass = false;
                    break;
                case '/' when !inClass:
                    _pos = ScanIdentifierEnd(p + 1, out _); // flags
                    _lastKind = TokenKind.Literal;
                    return;
                case '\n' or '\r' or '\u2028' or '\u2029':
                    // Resume at the line break, never rescanning the line: the pass stays linear.
                    Report(LexerDiagnosticCodes.UnterminatedRegex, "Unterminated regular expression.", start);
                    _pos = p;
                    _lastKind = TokenKind.Literal;
                    return;
            }
        }
        Report(LexerDiagnosticCodes.UnterminatedRegex, "Unterminated regular expression.", start);
        _pos = src.Length;
        _lastKind = TokenKind.Literal;
    }

    /// <summary>Pushes a <c>(</c>, remembering whether a keyword such as <c>if</c> opened it.</summary>
    private void OnOpenParen()
    {
        var afterKeyword = false;
        if (PendingRunMayEndInParenKeyword())
        {
            if (!LexPendingRun())
            {
                return;
            }
            afterKeyword = _lastKind == TokenKind.Identifier && _lastMayBeKeyword && IsKeywordBeforeParen();
        }
        _stack.Push(_pos, afterKeyword ? FrameKind.KeywordParen : FrameKind.Paren);
        SetPunctuator('(', 1);
    }

    /// <summary>The last identifier is <c>if</c>, <c>while</c>, <c>for</c> or <c>with</c>: its <c>)</c> ends a condition, not a value.</summary>
    private readonly bool IsKeywordBeforeParen()
    {
        var length = _lastEnd - _lastStart;
        return length is >= 2 and <= 5 && _src[_lastStart.._lastEnd] is "if" or "while" or "for" or "with";
    }

    private void OnCloseParen()
    {
        if (!TryCloseFrame(')', out var frame))
        {
            return;
        }
        if (_openDynamicImports.Count > 0 && _openDynamicImports[^1].Depth == _stack.Depth + 1)
        {
            // The argument ends before the `)` and any blanks in front of it.
            var end = _pos;
            while (end > 0 && _src[end - 1] is ' ' or '\t' or '\n' or '\r') end--;
            _results.SetImportEnd(_openDynamicImports[^1].Index, end);
            _openDynamicImports.RemoveAt(_openDynamicImports.Count - 1);
        }
        _lastKind = frame.Kind == FrameKind.KeywordParen ? TokenKind.CloseKeywordParen : TokenKind.CloseParen;
        _pos++;
    }

    private void OnOpenBracket()
    {
        _stack.Push(_pos, FrameKind.Bracket);
        SetPunctuator('[', 1);
    }

    private void OnCloseBracket()
    {
        if (TryCloseFrame(']', out _))
        {
            _lastKind = TokenKind.CloseBracket;
            _pos++;
        }
    }

    private void OnOpenBrace()
    {
        if (!LexPendingRun())
        {
            return;
        }
        FrameKind kind;
        if (_classDepth == _stack.Depth)
        {
            kind = FrameKind.ClassBrace;
            _classDepth = -1;
        }
        else
        {
            kind = _lastKind switch
            {
                TokenKind.Punctuator or TokenKind.Dot or TokenKind.IncDec => FrameKind.ObjectBrace,
                TokenKind.Identifier when _lastMayBeKeyword && KeywordPrecedesExpression(_src[_lastStart.._lastEnd], forBrace: true) => FrameKind.ObjectBrace,
                _ => FrameKind.BlockBrace, // statement start, `)`, `=>`, `else`, `try`, …
            };
        }
        _stack.Push(_pos, kind);
        SetPunctuator('{', 1);
    }

    private void OnCloseBrace()
    {
        if (_stack.Depth > 0 && _stack.Top.Kind == FrameKind.TemplateExpression)
        {
            var frame = _stack.Pop();
            _pos++;
            ScanTemplateText(frame.TemplateStart);
            return;
        }
        if (!TryCloseFrame('}', out var closed))
        {
            return;
        }
        _lastKind = closed.Kind == FrameKind.ObjectBrace ? TokenKind.CloseObject : TokenKind.CloseBlock;
        _pos++;
    }

    /// <summary>
    /// Pops the frame a closing bracket ends. A bracket with no opener, or the wrong one, is reported and
    /// skipped; a mismatched frame is popped (so `(]` recovers) unless it is a template's `${`.
    /// </summary>
    private bool TryCloseFrame(char closing, out Frame frame)
    {
        if (_stack.Depth > 0 && _declarationDepth < 0 && _classDepth < 0 && Closes(closing, _stack.Top.Kind))
        {
            frame = _stack.Pop(); // the common case: a matching bracket, nothing else to update
            return true;
        }
        return TryCloseFrameWithBookkeeping(closing, out frame);
    }

    private static bool Closes(char closing, FrameKind kind) => closing switch
    {
        ')' => kind is FrameKind.Paren or FrameKind.KeywordParen,
        ']' => kind == FrameKind.Bracket,
        _ => kind is FrameKind.BlockBrace or FrameKind.ObjectBrace or FrameKind.ClassBrace,
    };

    private bool TryCloseFrameWithBookkeeping(char closing, out Frame frame)
    {
        frame = default;
        if (!LexPendingRun())
        {
            return false; // a stray bracket is skipped: the token before it stays the last
        }
        if (_stack.Depth == 0)
        {
            var expected = closing switch { ')' => "(", ']' => "[", _ => "{" };
            Report(LexerDiagnosticCodes.UnexpectedClosingBracket, $"Unexpected '{closing}' with no matching '{expected}'.", _pos);
            _pos++;
            return false;
        }
        var top = _stack.Top;
        if (!Closes(closing, top.Kind))
        {
            Report(LexerDiagnosticCodes.UnexpectedClosingBracket, $"Unexpected '{closing}': the innermost open bracket is '{OpenerOf(top.Kind)}'.", _pos);
            if (top.Kind == FrameKind.TemplateExpression)
            {
                _pos++;
                return false;
            }
        }
        frame = _stack.Pop();
        if (_declarationDepth > _stack.Depth)
        {
            _declarationDepth = -1;
        }
        if (_classDepth > _stack.Depth)
        {
            _classDepth = -1;
        }
        return true;
    }

    private static string OpenerOf(FrameKind kind) => kind switch
    {
        FrameKind.Paren or FrameKind.KeywordParen => "(",
        FrameKind.Bracket => "[",
        FrameKind.TemplateExpression => "${",
        _ => "{",
    };

    private void ReportUnclosedBrackets()
    {
        if (_stack.Depth == 0)
        {
            return;
        }
        var top = _stack.Top;
        if (top.Kind == FrameKind.TemplateExpression)
        {
            Report(LexerDiagnosticCodes.UnterminatedTemplate, "Unterminated template literal: '${' is never closed.", top.TemplateStart);
        }
        else
        {
            Report(LexerDiagnosticCodes.UnclosedBracket, $"'{OpenerOf(top.Kind)}' is never closed ({_stack.Depth} brackets open at the end).", top.Offset);
        }
    }
}
