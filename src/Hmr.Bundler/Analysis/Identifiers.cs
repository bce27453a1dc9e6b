using System.Text;

namespace Hmr.Bundler.Analysis;

internal static class Identifiers
{
    /// <summary><c>/x/react-dom.development.js</c> → <c>react_dom_development</c>; <c>/x/index.js</c> uses its folder.</summary>
    public static string FromFileName(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        if (name is "index" or "main" or "")
        {
            name = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) ?? name;
        }
        return Sanitize(name);
    }

    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '$' ? c : '_');
        }
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }
        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can be written as a bare identifier (else it must be quoted).</summary>
    public static bool IsPlain(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
