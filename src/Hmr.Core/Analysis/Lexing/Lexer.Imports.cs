namespace Hmr.Core.Analysis.Lexing;

/// <summary>The token before an <c>import</c>/<c>export</c> keyword: tells a statement from a method named <c>import</c>.</summary>
internal readonly record struct PreviousToken(TokenKind Kind, char Punctuator, int Start, int End);

// `import` in all its forms: static declarations (consumed whole), `import(…)` and `import.meta` (looked at,
// then left to the main loop so brackets stay balanced on the stack).
internal ref partial struct Lexer
{
    private const int AttributesLookAheadLimit = 4096;

    private void OnImportKeyword(int start, PreviousToken previous)
    {
        if (IsMemberName(previous))
        {
            return;
        }
        var p = SkipTrivia(_pos);
        if (p >= _src.Length)
        {
            return;
        }
        var c = _src[p];
        if (c == '(')
        {
            ReadDynamicImport(start, p);
        }
        else if (c == '.')
        {
            var q = SkipTrivia(p + 1);
            if (IsWordAt(q, "meta", out var metaEnd))
            {
                _results.UsesImportMeta = true;
                ReadHotUse(metaEnd);
            }
        }
        else if (c is '\'' or '"' or '{' or '*' || IsAsciiIdentifierStart(c) || c >= 0x80)
        {
            ReadStaticImport(start, p);
        }
    }

    /// <summary>
    /// True when an <c>import</c>/<c>export</c> word names a class or object member (<c>class A { import() {} }</c>,
    /// <c>{ a, import(x) {} }</c>) rather than starting an import.
    /// </summary>
    private readonly bool IsMemberName(PreviousToken previous)
    {
        if (_stack.Depth == 0)
        {
            return false;
        }
        switch (_stack.Top.Kind)
        {
            case FrameKind.ClassBrace:
                // In a class body an expression only follows `=` (a field initialiser) or another operator.
                return !(previous.Kind == TokenKind.Arrow || (previous.Kind == TokenKind.Punctuator && previous.Punctuator is not ('{' or '*')));
            case FrameKind.ObjectBrace:
                if (previous.Kind == TokenKind.Punctuator)
                {
                    return previous.Punctuator is '{' or ',' or '*';
                }
                return previous.Kind == TokenKind.Identifier && _src[previous.Start..previous.End] is "get" or "set" or "async" or "static";
            default:
                return false;
        }
    }

    private void ReadDynamicImport(int start, int parenAt)
    {
        var p = SkipTrivia(parenAt + 1);
        string? specifier = null;
        int contentStart = 0, contentEnd = 0, afterLiteral = -1;
        if (IsQuoteAt(p) && TryReadString(p, out var value, out contentStart, out contentEnd))
        {
            specifier = value;
            afterLiteral = contentEnd + 1;
        }
        else if (IsCharAt(p, '`') && TryReadPlainTemplate(p, out value, out contentStart, out contentEnd))
        {
            specifier = value;
            afterLiteral = contentEnd + 1;
        }

        string? attributes = null;
        if (specifier is not null)
        {
            var q = SkipTrivia(afterLiteral);
            if (IsCharAt(q, ','))
            {
                var r = SkipTrivia(q + 1);
                if (IsCharAt(r, '{'))
                {
                    var close = FindClosingBrace(r, AttributesLookAheadLimit);
                    attributes = close > 0 ? new string(_src[r..(close + 1)]) : null;
                }
            }
            else if (!IsCharAt(q, ')'))
            {
                specifier = null; // `import('a' + b)`: the literal is only part of the argument
            }
        }

        if (specifier is not null)
        {
            _results.AddImport(new PendingImport
            {
                Specifier = specifier, Kind = ImportKind.Dynamic, SpecifierStart = contentStart, SpecifierEnd = contentEnd,
                StatementStart = start, PositionOffset = contentStart - 1, Attributes = attributes,
            });
            return;
        }
        var index = _results.AddImport(new PendingImport
        {
            Kind = ImportKind.Dynamic, SpecifierStart = p, SpecifierEnd = p, StatementStart = start, PositionOffset = p,
        });
        // The argument ends at the `)` matching this `(`, which the main loop will push next.
        _openDynamicImports.Add((_stack.Depth + 1, index));
    }

    private void ReadStaticImport(int start, int p)
    {
        var src = _src;
        var names = new List<string>();
        var importsAll = false;
        if (!IsQuoteAt(p))
        {
            if (src[p] is not ('{' or '*'))
            {
                if (!TryReadName(p, out var binding, out var end) || IsQuoteAt(p))
                {
                    FailImport(p, "expected a binding, '{', '*' or a string");
                    return;
                }
                var q = SkipTrivia(end);
                var phase = binding is "defer" or "source" && (IsCharAt(q, '*') || (q < src.Length && IsAsciiIdentifierStart(src[q]) && !IsWordAt(q, "from", out _)));
                if (phase)
                {
                    p = q; // `import defer * as ns from`, `import source x from`: the phase word is not a binding
                    if (src[p] != '*')
                    {
                        names.Add("default");
                        TryReadName(p, out _, out end);
                        p = SkipTrivia(end);
                    }
                }
                else
                {
                    names.Add("default");
                    p = q;
                    if (IsCharAt(p, ','))
                    {
                        p = SkipTrivia(p + 1);
                        if (!IsCharAt(p, '{') && !IsCharAt(p, '*'))
                        {
                            FailImport(p, "expected '{' or '*' after ','");
                            return;
                        }
                    }
                }
            }
            if (IsCharAt(p, '*'))
            {
                var q = SkipTrivia(p + 1);
                if (!IsWordAt(q, "as", out var asEnd) || !TryReadName(SkipTrivia(asEnd), out _, out var nsEnd))
                {
                    FailImport(q, "expected 'as' and a name after '*'");
                    return;
                }
                importsAll = true;
                p = SkipTrivia(nsEnd);
            }
            else if (IsCharAt(p, '{'))
            {
                var pairs = new List<(string Local, string Exported)>();
                if (!TryReadSpecifierList(ref p, pairs))
                {
                    FailImport(p, "malformed import list");
                    return;
                }
                foreach (var (imported, _) in pairs) names.Add(imported);
                p = SkipTrivia(p);
            }
            if (!IsWordAt(p, "from", out var fromEnd))
            {
                FailImport(p, "expected 'from'");
                return;
            }
            p = SkipTrivia(fromEnd);
        }
        if (!TryReadSpecifier(p, out var specifier, out var contentStart, out var contentEnd))
        {
            if (!IsQuoteAt(p))
            {
                FailImport(p, "expected the module specifier string"); // a bad string is reported by itself
            }
            return;
        }
        var statementEnd = ReadAttributes(contentEnd + 1, out var attributes);
        _results.AddImport(new PendingImport
        {
            Specifier = specifier, Kind = ImportKind.Static, SpecifierStart = contentStart, SpecifierEnd = contentEnd,
            StatementStart = start, PositionOffset = contentStart - 1, ImportedNames = importsAll ? null : names.ToArray(),
            Attributes = attributes,
        });
        EndStatement(statementEnd);
    }

    /// <summary>Reads a module specifier string; an invalid escape in it is reported as HMR012 (and the statement is not recorded).</summary>
    private bool TryReadSpecifier(int p, out string specifier, out int contentStart, out int contentEnd)
    {
        specifier = "";
        contentStart = contentEnd = p;
        if (!IsQuoteAt(p))
        {
            return false;
        }
        if (TryReadString(p, out specifier, out contentStart, out contentEnd))
        {
            return true;
        }
        if (FindStringEnd(p) > 0)
        {
            Report(LexerDiagnosticCodes.InvalidEscape, "Invalid escape sequence in a module specifier.", p);
        }
        return false;
    }

    private void FailImport(int at, string why) =>
        Report(LexerDiagnosticCodes.MalformedImport, $"Malformed import declaration: {why}.", Math.Min(at, _src.Length));

    /// <summary>A consumed import/export declaration ends a statement: what follows starts a new one.</summary>
    private void EndStatement(int end)
    {
        _pos = end;
        _lastKind = TokenKind.None;
    }

    /// <summary>Reads an optional <c>with { … }</c> (or legacy <c>assert { … }</c>) clause after a specifier; returns where the statement ends.</summary>
    private readonly int ReadAttributes(int afterSpecifier, out string? attributes)
    {
        attributes = null;
        var q = SkipTrivia(afterSpecifier);
        if (!IsWordAt(q, "with", out var end) && !IsWordAt(q, "assert", out end))
        {
            return afterSpecifier;
        }
        var open = SkipTrivia(end);
        if (!IsCharAt(open, '{'))
        {
            return afterSpecifier;
        }
        var close = FindClosingBrace(open, AttributesLookAheadLimit);
        if (close < 0)
        {
            return afterSpecifier;
        }
        attributes = new string(_src[open..(close + 1)]);
        return close + 1;
    }

    /// <summary>Look-ahead: the matching <c>}</c> of a small object of literals (attributes), skipping strings; -1 past the limit.</summary>
    private readonly int FindClosingBrace(int open, int limit)
    {
        var src = _src;
        var depth = 0;
        var stop = Math.Min(src.Length, open + limit);
        for (var p = open; p < stop; p++)
        {
            switch (src[p])
            {
                case '{': depth++; break;
                case '}':
                    if (--depth == 0) return p;
                    break;
                case '\'' or '"':
                    var end = FindStringEnd(p);
                    if (end < 0) return -1;
                    p = end - 1;
                    break;
            }
        }
        return -1;
    }

    /// <summary>Reads <c>{ a, b as c, "x y" as d }</c> starting at its <c>{</c>; leaves <paramref name="p"/> after the <c>}</c>, or at the failure.</summary>
    private readonly bool TryReadSpecifierList(ref int p, List<(string Local, string Exported)> pairs)
    {
        p = SkipTrivia(p + 1);
        while (true)
        {
            if (IsCharAt(p, '}'))
            {
                p++;
                return true;
            }
            if (!TryReadName(p, out var local, out var end))
            {
                return false;
            }
            var exported = local;
            p = SkipTrivia(end);
            if (IsWordAt(p, "as", out var asEnd))
            {
                var q = SkipTrivia(asEnd);
                if (!TryReadName(q, out exported, out end))
                {
                    p = q;
                    return false;
                }
                p = SkipTrivia(end);
            }
            pairs.Add((local, exported));
            if (IsCharAt(p, ','))
            {
                p = SkipTrivia(p + 1);
            }
            else if (!IsCharAt(p, '}'))
            {
                return false;
            }
        }
    }

    /// <summary>Look-ahead: a template literal at <paramref name="p"/> with no <c>${</c>, as a cooked string.</summary>
    private readonly bool TryReadPlainTemplate(int p, out string value, out int contentStart, out int contentEnd)
    {
        value = "";
        contentStart = p + 1;
        contentEnd = contentStart;
        var src = _src;
        var q = contentStart;
        while (q < src.Length)
        {
            var c = src[q];
            if (c == '`')
            {
                contentEnd = q;
                var decoded = StringDecoder.Decode(src[contentStart..contentEnd], out _);
                value = decoded ?? "";
                return decoded is not null;
            }
            if (c == '\\') q += 2;
            else if (c == '$' && q + 1 < src.Length && src[q + 1] == '{') return false;
            else q++;
        }
        return false;
    }
}
