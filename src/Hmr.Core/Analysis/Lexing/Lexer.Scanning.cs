using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Hmr.Core.Analysis.Lexing;

// Scanning primitives: identifiers, numbers, strings, templates, comments and the look-ahead helpers the
// statement readers use. Skips use vectorised IndexOfAny searches; nothing here allocates.
internal ref partial struct Lexer
{
    private static readonly SearchValues<char> DoubleQuoteStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> SingleQuoteStops = SearchValues.Create("'\\\n\r");
    private static readonly SearchValues<char> TemplateStops = SearchValues.Create("`\\$");
    private static readonly SearchValues<char> LineTerminators = SearchValues.Create("\n\r\u2028\u2029");

    // Bit maps over ASCII: [0] covers U+0000–U+003F, [1] covers U+0040–U+007F.
    private const ulong IdentifierStartLow = 1UL << '$';
    private const ulong IdentifierPartLow = IdentifierStartLow | 0x03FF_0000_0000_0000UL; // $ and 0-9
    private const ulong IdentifierHigh = 0x07FF_FFFE_87FF_FFFEUL; // A-Z, _, a-z

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiIdentifierStart(char c) =>
        c < 64 ? (IdentifierStartLow & (1UL << c)) != 0 : c < 128 && (IdentifierHigh & (1UL << (c - 64))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiIdentifierPart(char c) =>
        c < 64 ? (IdentifierPartLow & (1UL << c)) != 0 : c < 128 && (IdentifierHigh & (1UL << (c - 64))) != 0;

    private static bool IsNonAsciiWhitespace(char c) =>
        c == '\u00A0' || c == '\uFEFF' || (c >= '\u1680' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    /// <summary>Identifier characters outside ASCII: everything but whitespace and line terminators (lenient by design).</summary>
    private static bool IsNonAsciiIdentifierPart(char c) => c >= 0x80 && c is not ('\u2028' or '\u2029') && !IsNonAsciiWhitespace(c);

    private void SkipBomAndHashbang()
    {
        if (_src.Length > 0 && _src[0] == '\uFEFF')
        {
            _pos = 1;
        }
        if (_pos + 1 < _src.Length && _src[_pos] == '#' && _src[_pos + 1] == '!')
        {
            var end = _src[_pos..].IndexOfAny(LineTerminators);
            _pos = end < 0 ? _src.Length : _pos + end;
        }
    }

    /// <summary>Returns the end of the identifier starting at <paramref name="p"/> (p itself when there is none).</summary>
    private readonly int ScanIdentifierEnd(int p, out bool escaped)
    {
        var src = _src;
        escaped = false;
        while (p < src.Length)
        {
            var c = src[p];
            if (IsAsciiIdentifierPart(c) || IsNonAsciiIdentifierPart(c))
            {
                p++;
            }
            else if (c == '\\' && p + 1 < src.Length && src[p + 1] == 'u')
            {
                // \uXXXX or \u{X…} inside an identifier: such a name is never a keyword.
                escaped = true;
                p += 2;
                if (p < src.Length && src[p] == '{')
                {
                    p++;
                    while (p < src.Length && char.IsAsciiHexDigit(src[p])) p++;
                    if (p < src.Length && src[p] == '}') p++;
                }
                else
                {
                    var stop = Math.Min(p + 4, src.Length);
                    while (p < stop && char.IsAsciiHexDigit(src[p])) p++;
                }
            }
            else
            {
                break;
            }
        }
        return p;
    }

    private void ScanIdentifierToken(bool mayBeKeyword)
    {
        var start = _pos;
        var end = ScanIdentifierEnd(start, out var escaped);
        if (end == start)
        {
            // A lone `#` or `\`: not valid JavaScript, but nothing to report beyond skipping it.
            SetPunctuator(_src[start], 1);
            return;
        }
        EndIdentifierToken(start, end, escaped, mayBeKeyword);
    }

    private void EndIdentifierToken(int start, int end, bool escaped, bool mayBeKeyword)
    {
        var previous = new PreviousToken(_lastKind, _lastPunctuator, _lastStart, _lastEnd);
        var afterDot = _lastKind == TokenKind.Dot;
        _pos = end;
        _lastKind = TokenKind.Identifier;
        _lastStart = start;
        _lastEnd = end;
        _lastMayBeKeyword = mayBeKeyword && !escaped && !afterDot;
        if (!_lastMayBeKeyword)
        {
            return;
        }
        var length = end - start;
        if (length == 6)
        {
            var name = _src.Slice(start, 6);
            if (name.SequenceEqual("import"))
            {
                OnImportKeyword(start, previous);
            }
            else if (name.SequenceEqual("export"))
            {
                OnExportKeyword(start, previous);
            }
        }
        else if (length == 5 && _src[start] == 'c' && _src.Slice(start, 5).SequenceEqual("class") && StartsClass(end))
        {
            _classDepth = _stack.Depth;
        }
    }

    /// <summary>`class` starts a class unless it is used as a key or name (`{ class: 1 }`, `{ class() {} }`, `{ class }`).</summary>
    private readonly bool StartsClass(int afterWord)
    {
        var p = SkipTrivia(afterWord);
        return !(p < _src.Length && _src[p] is ':' or '(' or ',' or '}' or '=' or ';' or ')');
    }

    private void ScanNumber()
    {
        _pos = NumberEnd(_pos);
        _lastKind = TokenKind.Literal;
    }

    /// <summary>The end of the number starting at <paramref name="p"/> (a digit, or the <c>.</c> of <c>.5</c>).</summary>
    private readonly int NumberEnd(int p)
    {
        var src = _src;
        if (src[p] == '0' && p + 1 < src.Length && (src[p + 1] | 0x20) is 'x' or 'o' or 'b')
        {
            p += 2;
            while (p < src.Length && (char.IsAsciiLetterOrDigit(src[p]) || src[p] == '_')) p++;
            return p;
        }
        while (p < src.Length && (char.IsAsciiDigit(src[p]) || src[p] == '_')) p++;
        if (p < src.Length && src[p] == '.')
        {
            p++;
            while (p < src.Length && (char.IsAsciiDigit(src[p]) || src[p] == '_')) p++;
        }
        if (p < src.Length && (src[p] | 0x20) == 'e')
        {
            p++;
            if (p < src.Length && src[p] is '+' or '-') p++;
            while (p < src.Length && (char.IsAsciiDigit(src[p]) || src[p] == '_')) p++;
        }
        if (p < src.Length && src[p] == 'n') p++; // BigInt
        return p;
    }

    private void ScanString(char quote)
    {
        var start = _pos;
        var end = FindStringEnd(start);
        if (end < 0)
        {
            Report(LexerDiagnosticCodes.UnterminatedString, "Unterminated string literal.", start);
            // Resume at the line break (or the end): never rescan the rest of the line, so the pass stays linear.
            _pos = -end - 1;
        }
        else
        {
            _pos = end;
        }
        _lastKind = TokenKind.Literal;
    }

    /// <summary>
    /// Finds the end of the string literal whose quote is at <paramref name="quoteAt"/>: the offset just past
    /// its closing quote, or, when unterminated, <c>-(stop + 1)</c> where stop is the line break or the end.
    /// </summary>
    private readonly int FindStringEnd(int quoteAt)
    {
        var src = _src;
        var stops = src[quoteAt] == '"' ? DoubleQuoteStops : SingleQuoteStops;
        var p = quoteAt + 1;
        while (true)
        {
            var found = p < src.Length ? src[p..].IndexOfAny(stops) : -1;
            if (found < 0)
            {
                return -(src.Length + 1);
            }
            p += found;
            var c = src[p];
            if (c == '\\')
            {
                // Skip the escaped character; \ + \r\n is one line continuation.
                p += p + 2 < src.Length && src[p + 1] == '\r' && src[p + 2] == '\n' ? 3 : 2;
                if (p > src.Length) return -(src.Length + 1);
                continue;
            }
            if (c is '\n' or '\r')
            {
                return -(p + 1);
            }
            return p + 1;
        }
    }

    private void OnBacktick()
    {
        _pos++;
        ScanTemplateText(_pos - 1);
    }

    /// <summary>Scans template text from <see cref="_pos"/> up to the closing backtick or the next <c>${</c>.</summary>
    private void ScanTemplateText(int templateStart)
    {
        var src = _src;
        var p = _pos;
        while (true)
        {
            var found = p < src.Length ? src[p..].IndexOfAny(TemplateStops) : -1;
            if (found < 0)
            {
                Report(LexerDiagnosticCodes.UnterminatedTemplate, "Unterminated template literal.", templateStart);
                _pos = src.Length;
                _lastKind = TokenKind.Literal;
                return;
            }
            p += found;
            switch (src[p])
            {
                case '`':
                    _pos = p + 1;
                    _lastKind = TokenKind.Literal;
                    return;
                case '\\':
                    p += 2;
                    break;
                default: // '$'
                    if (p + 1 < src.Length && src[p + 1] == '{')
                    {
                        _stack.Push(p, FrameKind.TemplateExpression, templateStart);
                        _pos = p + 2;
                        _lastKind = TokenKind.Punctuator;
                        _lastPunctuator = '{';
                        return;
                    }
                    p++;
                    break;
            }
        }
    }

    /// <summary>Skips a comment starting at <see cref="_pos"/> (which holds <c>//</c> or <c>/*</c>).</summary>
    private void SkipComment()
    {
        var src = _src;
        if (src[_pos + 1] == '/')
        {
            var end = src[(_pos + 2)..].IndexOfAny(LineTerminators);
            _pos = end < 0 ? src.Length : _pos + 2 + end;
            return;
        }
        var close = src[(_pos + 2)..].IndexOf("*/");
        if (close < 0)
        {
            Report(LexerDiagnosticCodes.UnterminatedComment, "Unterminated block comment.", _pos);
            _pos = src.Length;
            return;
        }
        var body = src.Slice(_pos + 2, close);
        _pos += close + 4;
        if (_declarationDepth == _stack.Depth && body.IndexOfAny(LineTerminators) >= 0)
        {
            EndDeclarationAtLineBreak();
        }
    }

    /// <summary>Look-ahead: the offset of the next character that is not whitespace or a comment (the length at the end or in an unterminated comment).</summary>
    private readonly int SkipTrivia(int p)
    {
        var src = _src;
        while (p < src.Length)
        {
            var c = src[p];
            if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u2028' or '\u2029' || (c >= 0x80 && IsNonAsciiWhitespace(c)))
            {
                p++;
            }
            else if (c == '/' && p + 1 < src.Length && src[p + 1] == '/')
            {
                var end = src[(p + 2)..].IndexOfAny(LineTerminators);
                p = end < 0 ? src.Length : p + 2 + end;
            }
            else if (c == '/' && p + 1 < src.Length && src[p + 1] == '*')
            {
                var close = src[(p + 2)..].IndexOf("*/");
                p = close < 0 ? src.Length : p + close + 4;
            }
            else
            {
                break;
            }
        }
        return p;
    }

    /// <summary>Look-ahead: true when the identifier at <paramref name="p"/> is exactly <paramref name="word"/>.</summary>
    private readonly bool IsWordAt(int p, string word, out int end)
    {
        end = ScanIdentifierEnd(p, out var escaped);
        return !escaped && end - p == word.Length && _src[p..end].SequenceEqual(word);
    }

    private readonly bool IsCharAt(int p, char c) => p < _src.Length && _src[p] == c;

    private readonly bool IsQuoteAt(int p) => p < _src.Length && _src[p] is '\'' or '"';

    /// <summary>Look-ahead: reads a string literal at <paramref name="p"/>; false when unterminated or undecodable.</summary>
    private readonly bool TryReadString(int p, out string value, out int contentStart, out int contentEnd)
    {
        value = "";
        contentStart = p + 1;
        contentEnd = contentStart;
        var end = FindStringEnd(p);
        if (end < 0)
        {
            return false;
        }
        contentEnd = end - 1;
        var decoded = StringDecoder.Decode(_src[contentStart..contentEnd], out _);
        if (decoded is null)
        {
            return false;
        }
        value = decoded;
        return true;
    }

    /// <summary>Look-ahead: reads an identifier (escapes decoded) or a string literal used as a module export name.</summary>
    private readonly bool TryReadName(int p, out string name, out int end)
    {
        name = "";
        end = p;
        if (IsQuoteAt(p))
        {
            if (!TryReadString(p, out name, out _, out var contentEnd)) return false;
            end = contentEnd + 1;
            return true;
        }
        end = ScanIdentifierEnd(p, out var escaped);
        if (end == p || char.IsAsciiDigit(_src[p]))
        {
            return false;
        }
        var raw = _src[p..end];
        name = escaped ? StringDecoder.Decode(raw, out _) ?? new string(raw) : new string(raw);
        return true;
    }
}
