namespace Hmr.Bundler.Analysis;

/// <summary>Small scans of the original text where the syntax tree has no node: the end of the
/// <c>export default</c> keywords, the parenthesis after an anonymous <c>function</c>.</summary>
internal static class SourceText
{
    public static int SkipTrivia(string source, int position)
    {
        while (position < source.Length)
        {
            if (char.IsWhiteSpace(source[position]))
            {
                position++;
            }
            else if (source.AsSpan(position).StartsWith("//"))
            {
                var end = source.IndexOf('\n', position);
                position = end < 0 ? source.Length : end + 1;
            }
            else if (source.AsSpan(position).StartsWith("/*"))
            {
                var end = source.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = end < 0 ? source.Length : end + 2;
            }
            else
            {
                break;
            }
        }
        return position;
    }

    /// <summary>The offset just after <paramref name="keyword"/>, which starts at the first non-trivia offset from
    /// <paramref name="position"/> (the parser already checked the syntax).</summary>
    public static int AfterKeyword(string source, int position, string keyword)
    {
        position = SkipTrivia(source, position);
        return source.AsSpan(position).StartsWith(keyword) ? position + keyword.Length : position;
    }

    /// <summary>The first <c>(</c> from <paramref name="position"/>, outside comments.</summary>
    public static int NextParenthesis(string source, int position)
    {
        while (position < source.Length)
        {
            position = SkipTrivia(source, position);
            if (position < source.Length && source[position] == '(')
            {
                return position;
            }
            position++;
        }
        return position;
    }
}
