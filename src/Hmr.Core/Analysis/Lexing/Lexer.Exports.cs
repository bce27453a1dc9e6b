namespace Hmr.Core.Analysis.Lexing;

// `export` statements: lists and re-exports are consumed whole; declarations are looked at for their names
// and then lexed by the main loop (a function body may hold anything). `export var/let/const` stays open
// across its declarators: each top-level `,` reads the next binding pattern.
internal ref partial struct Lexer
{
    private const int MaxPatternNesting = 64;

    private void OnExportKeyword(int start, PreviousToken previous)
    {
        if (IsMemberName(previous))
        {
            return;
        }
        var p = SkipTrivia(_pos);
        if (p >= _src.Length)
        {
            FailExport(p, "nothing follows 'export'");
            return;
        }
        var c = _src[p];
        if (c == '*')
        {
            ReadExportStar(start, p);
        }
        else if (c == '{')
        {
            ReadExportList(start, p);
        }
        else if (IsAsciiIdentifierStart(c) || c >= 0x80 || c == '\\')
        {
            ReadExportDeclaration(p);
        }
        else if (c is not (':' or '(' or '=' or ',' or '}' or ')' or ';'))
        {
            FailExport(p, $"unexpected '{c}'");
        }
    }

    private void FailExport(int at, string why) =>
        Report(DiagnosticCodes.MalformedExport, $"Malformed export declaration: {why}.", Math.Min(at, _src.Length));

    private void ReadExportStar(int start, int star)
    {
        string? ns = null;
        var p = SkipTrivia(star + 1);
        if (IsWordAt(p, "as", out var asEnd))
        {
            var q = SkipTrivia(asEnd);
            if (!TryReadName(q, out var name, out var nameEnd))
            {
                FailExport(q, "expected a name after 'export * as'");
                return;
            }
            ns = name;
            p = SkipTrivia(nameEnd);
        }
        if (!IsWordAt(p, "from", out var fromEnd))
        {
            FailExport(p, "expected 'from'");
            return;
        }
        p = SkipTrivia(fromEnd);
        if (!IsQuoteAt(p) || !TryReadString(p, out var specifier, out var contentStart, out var contentEnd))
        {
            FailExport(p, "expected the module specifier string");
            return;
        }
        var end = ReadAttributes(contentEnd + 1, out var attributes);
        _results.AddImport(new PendingImport
        {
            Specifier = specifier, Kind = ImportKind.ReExport, SpecifierStart = contentStart, SpecifierEnd = contentEnd,
            StatementStart = start, PositionOffset = contentStart - 1, ImportedNames = null, Attributes = attributes,
        });
        if (ns is not null)
        {
            _results.Exports.Add(ns);
        }
        EndStatement(end);
    }

    private void ReadExportList(int start, int open)
    {
        var p = open;
        var pairs = new List<(string Local, string Exported)>();
        if (!TryReadSpecifierList(ref p, pairs))
        {
            FailExport(p, "malformed export list");
            return;
        }
        foreach (var (_, exported) in pairs)
        {
            _results.Exports.Add(exported);
        }
        var q = SkipTrivia(p);
        if (!IsWordAt(q, "from", out var fromEnd))
        {
            EndStatement(p);
            return;
        }
        q = SkipTrivia(fromEnd);
        if (!IsQuoteAt(q) || !TryReadString(q, out var specifier, out var contentStart, out var contentEnd))
        {
            FailExport(q, "expected the module specifier string");
            EndStatement(p);
            return;
        }
        var locals = new string[pairs.Count];
        for (var i = 0; i < locals.Length; i++) locals[i] = pairs[i].Local;
        var end = ReadAttributes(contentEnd + 1, out var attributes);
        _results.AddImport(new PendingImport
        {
            Specifier = specifier, Kind = ImportKind.ReExport, SpecifierStart = contentStart, SpecifierEnd = contentEnd,
            StatementStart = start, PositionOffset = contentStart - 1, ImportedNames = locals, Attributes = attributes,
        });
        EndStatement(end);
    }

    private void ReadExportDeclaration(int p)
    {
        var wordEnd = ScanIdentifierEnd(p, out _);
        var word = _src[p..wordEnd];
        switch (word)
        {
            case "default":
                _results.Exports.Add("default");
                // Leave `default` as the last token: an expression follows (`export default /re/`, `export default {}`).
                _pos = wordEnd;
                _lastKind = TokenKind.Identifier;
                _lastStart = p;
                _lastEnd = wordEnd;
                _lastMayBeKeyword = true;
                return;
            case "var" or "let" or "const":
                _pos = wordEnd;
                _lastKind = TokenKind.None;
                _declarationDepth = _stack.Depth;
                ReadNextDeclarator();
                return;
            case "function":
                ReadDeclaredName(SkipTrivia(wordEnd), allowStar: true);
                return;
            case "async":
                var q = SkipTrivia(wordEnd);
                if (IsWordAt(q, "function", out var functionEnd))
                {
                    ReadDeclaredName(SkipTrivia(functionEnd), allowStar: true);
                    return;
                }
                break;
            case "class":
                ReadDeclaredName(SkipTrivia(wordEnd), allowStar: false);
                return;
        }
        FailExport(p, $"unexpected '{word}'");
    }

    /// <summary>Records the name of <c>export function* name</c> / <c>export class name</c>; the main loop lexes the declaration itself.</summary>
    private void ReadDeclaredName(int p, bool allowStar)
    {
        if (allowStar && IsCharAt(p, '*'))
        {
            p = SkipTrivia(p + 1);
        }
        if (TryReadName(p, out var name, out _) && !IsQuoteAt(p))
        {
            _results.Exports.Add(name);
        }
        else
        {
            FailExport(p, "expected the declared name");
        }
        _lastKind = TokenKind.None; // `export` ended; the declaration's keyword starts a statement
    }

    /// <summary>Reads the binding (name or destructuring pattern) of the next declarator of an exported var/let/const.</summary>
    private void ReadNextDeclarator()
    {
        var p = SkipTrivia(_pos);
        if (!TryReadBinding(ref p, 0))
        {
            FailExport(p, "expected a binding name or pattern");
            _declarationDepth = -1;
            return;
        }
        _pos = p;
        _lastKind = TokenKind.Literal; // a complete binding: `=` or `,` or the end follows
    }

    /// <summary>At a line break inside an exported declaration: it continues only when the next token is a <c>,</c> (ASI otherwise).</summary>
    private void EndDeclarationAtLineBreak()
    {
        if (_lastKind is TokenKind.None or TokenKind.Punctuator or TokenKind.Arrow or TokenKind.Dot)
        {
            return; // an operator or `=` is waiting for its operand on the next line
        }
        if (!IsCharAt(SkipTrivia(_pos), ','))
        {
            _declarationDepth = -1;
        }
    }

    private bool TryReadBinding(ref int p, int nesting)
    {
        if (nesting > MaxPatternNesting)
        {
            return false;
        }
        p = SkipTrivia(p);
        if (IsCharAt(p, '{'))
        {
            return TryReadObjectPattern(ref p, nesting);
        }
        if (IsCharAt(p, '['))
        {
            return TryReadArrayPattern(ref p, nesting);
        }
        if (IsQuoteAt(p) || !TryReadName(p, out var name, out var end))
        {
            return false;
        }
        _results.Exports.Add(name);
        p = end;
        return true;
    }

    private bool TryReadObjectPattern(ref int p, int nesting)
    {
        p = SkipTrivia(p + 1);
        while (!IsCharAt(p, '}'))
        {
            if (p >= _src.Length) return false;
            if (IsRestAt(p))
            {
                p += 3;
                if (!TryReadBinding(ref p, nesting + 1)) return false;
            }
            else
            {
                string? shorthand = null;
                int keyEnd;
                if (IsCharAt(p, '['))
                {
                    keyEnd = SkipExpression(p + 1, ']');
                    if (keyEnd < 0) return false;
                    keyEnd++;
                }
                else if (IsQuoteAt(p))
                {
                    keyEnd = FindStringEnd(p);
                    if (keyEnd < 0) return false;
                }
                else if (char.IsAsciiDigit(_src[p]))
                {
                    keyEnd = p;
                    while (keyEnd < _src.Length && (char.IsAsciiLetterOrDigit(_src[keyEnd]) || _src[keyEnd] is '.' or '_')) keyEnd++;
                }
                else if (TryReadName(p, out var key, out keyEnd))
                {
                    shorthand = key;
                }
                else
                {
                    return false;
                }
                p = SkipTrivia(keyEnd);
                if (IsCharAt(p, ':'))
                {
                    p++;
                    if (!TryReadBinding(ref p, nesting + 1)) return false;
                }
                else if (shorthand is not null)
                {
                    _results.Exports.Add(shorthand);
                }
                else
                {
                    return false;
                }
            }
            if (!TrySkipDefaultAndComma(ref p, '}')) return false;
        }
        p++;
        return true;
    }

    private bool TryReadArrayPattern(ref int p, int nesting)
    {
        p = SkipTrivia(p + 1);
        while (!IsCharAt(p, ']'))
        {
            if (p >= _src.Length) return false;
            if (IsCharAt(p, ','))
            {
                p = SkipTrivia(p + 1); // a hole
                continue;
            }
            if (IsRestAt(p)) p += 3;
            if (!TryReadBinding(ref p, nesting + 1)) return false;
            if (!TrySkipDefaultAndComma(ref p, ']')) return false;
        }
        p++;
        return true;
    }

    private readonly bool IsRestAt(int p) => p + 2 < _src.Length && _src[p] == '.' && _src[p + 1] == '.' && _src[p + 2] == '.';

    /// <summary>After one pattern element: an optional <c>= default</c>, then <c>,</c> or the closing bracket (left in place).</summary>
    private readonly bool TrySkipDefaultAndComma(ref int p, char closing)
    {
        p = SkipTrivia(p);
        if (IsCharAt(p, '=') && !IsCharAt(p + 1, '='))
        {
            p = SkipExpression(p + 1, closing);
            if (p < 0) return false;
        }
        p = SkipTrivia(p);
        if (IsCharAt(p, ','))
        {
            p = SkipTrivia(p + 1);
            return true;
        }
        return IsCharAt(p, closing);
    }

    /// <summary>
    /// Look-ahead: skips a default-value expression inside a pattern up to a <c>,</c> or <paramref name="closing"/>
    /// at its own level (returned, not consumed), or -1. Strings, comments and templates are skipped; a regex
    /// containing brackets there is beyond this reader (documented in docs/lexer.md).
    /// </summary>
    private readonly int SkipExpression(int p, char closing)
    {
        var src = _src;
        var depth = 0;
        var templateDepth = 0; // `${` levels entered from template text
        while (p < src.Length)
        {
            var c = src[p];
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (depth == 0)
                    {
                        return c == closing ? p : -1;
                    }
                    depth--;
                    if (c == '}' && templateDepth > 0 && depth < templateDepth)
                    {
                        templateDepth--;
                        p = SkipTemplateTextLookAhead(p + 1, ref depth, ref templateDepth);
                        if (p < 0) return -1;
                        continue;
                    }
                    break;
                case ',' when depth == 0:
                    return p;
                case '\'' or '"':
                    var end = FindStringEnd(p);
                    if (end < 0) return -1;
                    p = end;
                    continue;
                case '`':
                    p = SkipTemplateTextLookAhead(p + 1, ref depth, ref templateDepth);
                    if (p < 0) return -1;
                    continue;
                case '/' when p + 1 < src.Length && src[p + 1] is '/' or '*':
                    p = SkipTrivia(p);
                    continue;
            }
            p++;
        }
        return -1;
    }

    /// <summary>Skips template text; at <c>${</c> enters one more expression level (depth and templateDepth rise together).</summary>
    private readonly int SkipTemplateTextLookAhead(int p, ref int depth, ref int templateDepth)
    {
        var src = _src;
        while (p < src.Length)
        {
            var c = src[p];
            if (c == '`') return p + 1;
            if (c == '\\') { p += 2; continue; }
            if (c == '$' && p + 1 < src.Length && src[p + 1] == '{')
            {
                depth++;
                templateDepth = depth;
                return p + 2;
            }
            p++;
        }
        return -1;
    }
}
