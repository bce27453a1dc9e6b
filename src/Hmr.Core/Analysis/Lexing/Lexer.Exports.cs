namespace Hmr.Core.Analysis.Lexing;

// `export` statements: lists and re-exports are consumed whole; declarations are looked at for their names
// and then lexed by the main loop (a function body may hold anything). `export var/let/const` stays open
// across its declarators: each top-level `,` reads the next binding pattern (Lexer.Patterns.cs).
internal ref partial struct Lexer
{
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
        Report(LexerDiagnosticCodes.MalformedExport, $"Malformed export declaration: {why}.", Math.Min(at, _src.Length));

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
        if (!TryReadSpecifier(p, out var specifier, out var contentStart, out var contentEnd))
        {
            if (!IsQuoteAt(p)) FailExport(p, "expected the module specifier string");
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
        if (!TryReadSpecifier(q, out var specifier, out var contentStart, out var contentEnd))
        {
            if (!IsQuoteAt(q)) FailExport(q, "expected the module specifier string");
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
        if (_pos <= _declarationCommaAt)
        {
            return; // already looked past this trivia: the `,` ahead continues the declaration
        }
        var next = SkipTrivia(_pos);
        if (IsCharAt(next, ','))
        {
            // Remembered so that the line breaks of the comments in between do not look again (linear time).
            _declarationCommaAt = next;
        }
        else
        {
            _declarationDepth = -1;
        }
    }
}
