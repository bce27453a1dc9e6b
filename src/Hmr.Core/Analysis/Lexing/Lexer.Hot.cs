namespace Hmr.Core.Analysis.Lexing;

// `import.meta.hot` (docs/hmr-semantics.md section 5). Read by look-ahead from the end of `import.meta`, so the
// main loop still lexes the call's brackets and arguments itself. Beyond Vite: whitespace, newlines and
// comments between the parts, optional chaining (`import.meta?.hot?.accept?.(`) and string escapes.
internal ref partial struct Lexer
{
    private void ReadHotUse(int afterMeta)
    {
        var p = SkipMemberAccess(afterMeta);
        if (p < 0 || !IsWordAt(p, "hot", out var hotEnd))
        {
            return;
        }
        _results.UsesHot = true;
        p = SkipMemberAccess(hotEnd);
        if (p < 0)
        {
            return;
        }
        var methodEnd = ScanIdentifierEnd(p, out var escaped);
        if (methodEnd == p || escaped)
        {
            return;
        }
        var method = _src[p..methodEnd];
        var open = SkipTrivia(methodEnd);
        if (IsCharAt(open, '?') && IsCharAt(open + 1, '.'))
        {
            open = SkipTrivia(open + 2); // accept?.(…)
        }
        if (!IsCharAt(open, '('))
        {
            return;
        }
        var argument = SkipTrivia(open + 1);
        switch (method)
        {
            case "accept":
                ReadAcceptArgument(argument);
                break;
            case "acceptExports":
                ReadAcceptExportsArgument(argument);
                break;
            case "dispose":
                _results.CallsDispose = true;
                break;
            case "prune":
                _results.CallsPrune = true;
                break;
            case "invalidate":
                _results.CallsInvalidate = true;
                break;
            case "decline":
                _results.Declines = true;
                break;
        }
    }

    /// <summary>Look-ahead over <c>.</c> or <c>?.</c> (with trivia around): the offset of the member name, or -1.</summary>
    private readonly int SkipMemberAccess(int p)
    {
        p = SkipTrivia(p);
        if (IsCharAt(p, '?') && IsCharAt(p + 1, '.') && !(p + 2 < _src.Length && char.IsAsciiDigit(_src[p + 2])))
        {
            return SkipTrivia(p + 2);
        }
        if (IsCharAt(p, '.') && !IsCharAt(p + 1, '.'))
        {
            return SkipTrivia(p + 1);
        }
        return -1;
    }

    private void ReadAcceptArgument(int p)
    {
        if (IsCharAt(p, ')'))
        {
            _results.AcceptsSelf = true;
            return;
        }
        if (IsQuoteAt(p) || IsCharAt(p, '`'))
        {
            if (TryReadLiteralArgument(p, out var dep, out var start, out var end, LexerDiagnosticCodes.AcceptNotStatic, "import.meta.hot.accept"))
            {
                _results.AddHotDependency(dep, start, end);
            }
            return;
        }
        if (IsCharAt(p, '['))
        {
            ReadLiteralArray(p, LexerDiagnosticCodes.AcceptNotStatic, "import.meta.hot.accept", exportNames: false);
            return;
        }
        // A callback or any other expression: the module accepts itself.
        _results.AcceptsSelf = true;
    }

    private void ReadAcceptExportsArgument(int p)
    {
        _results.MarkAcceptsExports();
        if (IsQuoteAt(p) || IsCharAt(p, '`'))
        {
            if (TryReadLiteralArgument(p, out var name, out _, out _, LexerDiagnosticCodes.AcceptExportsNotStatic, "import.meta.hot.acceptExports"))
            {
                _results.AddAcceptedExport(name);
            }
            return;
        }
        if (IsCharAt(p, '['))
        {
            ReadLiteralArray(p, LexerDiagnosticCodes.AcceptExportsNotStatic, "import.meta.hot.acceptExports", exportNames: true);
            return;
        }
        Report(LexerDiagnosticCodes.AcceptExportsNotStatic,
            "import.meta.hot.acceptExports needs a string or an array of string literals to be understood statically.", p, DiagnosticSeverity.Warning);
    }

    /// <summary>Reads a string or plain template literal argument; reports a template with <c>${}</c>.</summary>
    private bool TryReadLiteralArgument(int p, out string value, out int start, out int end, string code, string api)
    {
        if (IsQuoteAt(p))
        {
            if (TryReadString(p, out value, out start, out end))
            {
                return true;
            }
            if (FindStringEnd(p) > 0)
            {
                Report(LexerDiagnosticCodes.InvalidEscape, $"Invalid escape sequence in the argument of {api}.", p);
            }
            return false; // unterminated: the main loop reports it
        }
        if (TryReadPlainTemplate(p, out value, out start, out end))
        {
            return true;
        }
        Report(code, $"{api} argument is a template with '${{}}': it cannot be understood statically.", p, DiagnosticSeverity.Warning);
        return false;
    }

    /// <summary>Reads <c>['a', "b", `c`]</c>; the first element that is not a plain literal is reported and ends the reading.</summary>
    private void ReadLiteralArray(int open, string code, string api, bool exportNames)
    {
        var p = SkipTrivia(open + 1);
        while (!IsCharAt(p, ']'))
        {
            if (p >= _src.Length)
            {
                return; // unterminated: the main loop reports the open bracket
            }
            if (IsCharAt(p, ','))
            {
                p = SkipTrivia(p + 1);
                continue;
            }
            if (!(IsQuoteAt(p) || IsCharAt(p, '`')))
            {
                Report(code, $"{api} array element is not a string literal: it cannot be understood statically.", p, DiagnosticSeverity.Warning);
                return;
            }
            if (!TryReadLiteralArgument(p, out var value, out var start, out var end, code, api))
            {
                return;
            }
            if (exportNames) _results.AddAcceptedExport(value);
            else _results.AddHotDependency(value, start, end);
            p = SkipTrivia(end + 1);
            if (!IsCharAt(p, ',') && !IsCharAt(p, ']'))
            {
                Report(code, $"{api} array element is not a string literal: it cannot be understood statically.", p, DiagnosticSeverity.Warning);
                return;
            }
        }
    }
}
