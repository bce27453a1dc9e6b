namespace Hmr.Core.Analysis.Lexing;

// Binding patterns of exported declarations (`export const {a, b: [c], ...d} = x`): every bound name is an
// export. Read by look-ahead and consumed; default values are skipped as balanced text.
internal ref partial struct Lexer
{
    /// <summary>Deeper patterns are reported (HMR014) rather than followed: the reader recurses once per level.</summary>
    private const int MaxPatternNesting = 64;

    private bool TryReadBinding(ref int p, int nesting)
    {
        if (nesting > MaxPatternNesting)
        {
            Report(LexerDiagnosticCodes.NestingTooDeep, $"Destructuring pattern nested deeper than {MaxPatternNesting} levels.", p);
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
