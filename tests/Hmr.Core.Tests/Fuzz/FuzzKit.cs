using System.Text;
using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Fuzz;

/// <summary>Generates lexer inputs from seed modules: random byte flips, splices of two modules, insertions of the
/// JavaScript tokens that switch the lexer's modes, deletions, duplications, and fully random text. Deterministic for
/// a seed. Shared (by source link) with the bench/fuzz runner.</summary>
internal sealed class FuzzInputs(IReadOnlyList<string> seeds, int seed)
{
    private static readonly string[] Tokens =
    [
        "/", "//", "/*", "*/", "(", ")", "{", "}", "[", "]", "${", "`", "'", "\"", "\\", "\n", "\r\n", "\u2028", ";", ",", "=",
        "import(", "import ", "import.meta", "import.meta.hot", "import.meta.hot.accept(", "import.meta.hot.accept('./a.js', ",
        "import.meta.hot.dispose(", "import.meta.hot.decline()", "import.meta.hot.invalidate(", "export ", "export default ",
        "export * from ", "export { a as b } from './x.js';", "from ", " as ", "with { type: 'json' }", "=>", "/[", "]/g", "\\u0041",
        "a / b / c", "x = /re/", "return /", "yield /", "await import(", "#priv", "?.", "??=", "0x", "1e", ".5", "<!--", "-->", "\0",
        "\uFEFF", "\uD800", "\uDFFF", "😀", "\t", " ", "class ", "function ", "async ", "of ", "let ", "}`", "`${`",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The next input: most are mutations of a seed module, some splices, some noise.</summary>
    public string Next()
    {
        var roll = _random.Next(100);
        if (roll < 5 || seeds.Count == 0) return Noise(_random.Next(0, 400));
        var text = seeds[_random.Next(seeds.Count)];
        if (roll < 15)
        {
            var other = seeds[_random.Next(seeds.Count)];
            var cut = _random.Next(text.Length + 1);
            var from = _random.Next(other.Length + 1);
            text = text[..cut] + other[from..];
        }
        var sb = new StringBuilder(text);
        var mutations = 1 + _random.Next(_random.Next(2) == 0 ? 3 : 12);
        for (var i = 0; i < mutations; i++) Mutate(sb);
        return sb.ToString();
    }

    private void Mutate(StringBuilder sb)
    {
        var at = _random.Next(sb.Length + 1);
        switch (_random.Next(7))
        {
            case 0: // flip bits of one character (stays UTF-16, may become a lone surrogate or a control)
                if (sb.Length > 0) { var i = Math.Min(at, sb.Length - 1); sb[i] = (char)(sb[i] ^ (1 << _random.Next(16))); }
                break;
            case 1: // a byte-like flip in the ASCII range
                if (sb.Length > 0) { var i = Math.Min(at, sb.Length - 1); sb[i] = (char)(sb[i] ^ (1 << _random.Next(7))); }
                break;
            case 2:
            case 3:
                sb.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 4: // delete a run
                var length = Math.Min(sb.Length - at, _random.Next(1, 40));
                if (length > 0) sb.Remove(at, length);
                break;
            case 5: // duplicate a run
                var len = Math.Min(sb.Length - at, _random.Next(1, 80));
                if (len > 0) sb.Insert(_random.Next(sb.Length + 1), sb.ToString(at, len));
                break;
            default: // a token repeated
                sb.Insert(at, string.Concat(Enumerable.Repeat(Tokens[_random.Next(Tokens.Length)], _random.Next(2, 60))));
                break;
        }
    }

    private string Noise(int length)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            if (_random.Next(3) == 0) sb.Append(Tokens[_random.Next(Tokens.Length)]);
            else sb.Append((char)(_random.Next(4) == 0 ? _random.Next(0, 0x10000) : _random.Next(0x20, 0x7f)));
        }
        return sb.ToString();
    }

    /// <summary>Seed modules: the reference corpus's ESM files when installed, the repository's own modules otherwise.</summary>
    public static IReadOnlyList<string> LoadSeeds(string repoRoot, int maxFiles = 400, int maxChars = 200_000)
    {
        var files = new List<string>();
        var nodeModules = Path.Combine(repoRoot, "tests", "reference", "node_modules");
        if (Directory.Exists(nodeModules))
            files.AddRange(Directory.EnumerateFiles(nodeModules, "*.mjs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(maxFiles));
        foreach (var folder in new[] { "samples", "tests/Hmr.EndToEnd.Tests/Sites", "src/Hmr.Runtime/Client", "tests/reference", "bench/lexer" })
        {
            var dir = Path.Combine(repoRoot, folder);
            if (!Directory.Exists(dir)) continue;
            files.AddRange(Directory.EnumerateFiles(dir, "*.*js", SearchOption.AllDirectories)
                .Where(f => (f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal))
                            && !f.Contains("/node_modules/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }
        // Tiny files (one-line fixtures such as the fault site's 100 batch modules) would crowd out the real modules.
        return files.Distinct().Select(File.ReadAllText).Where(t => t.Length >= 64 && t.Length <= maxChars).ToList();
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hmr.Build.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Hmr.Build.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>What must hold for any analysis of any input.</summary>
internal static class FuzzOracle
{
    /// <summary>Analyses <paramref name="source"/> twice (once from a string, once from a slice of a larger buffer) and
    /// returns the first broken invariant, or null.</summary>
    public static string? Check(string source)
    {
        var first = ModuleLexer.Analyze(source);
        var padded = ("\"'`/*(" + source + "`*/)'\"").AsSpan(6, source.Length);
        var second = ModuleLexer.Analyze(padded);
        var a = Describe(first);
        if (a != Describe(second)) return "not deterministic (string and span analyses differ)";
        return CheckBounds(source, first);
    }

    public static string? CheckBounds(string source, ModuleAnalysis analysis)
    {
        var n = source.Length;
        foreach (var i in analysis.Imports)
        {
            if (i.StatementStart < 0 || i.StatementStart > n) return $"import statement start {i.StatementStart} outside 0..{n}";
            if (i.SpecifierStart < 0 || i.SpecifierEnd > n || i.SpecifierStart > i.SpecifierEnd) return $"import specifier range {i.SpecifierStart}..{i.SpecifierEnd} outside 0..{n}";
            if (i.StatementStart > i.SpecifierStart) return $"import statement start {i.StatementStart} after its specifier {i.SpecifierStart}";
            if (PositionProblem(source, i.Position) is { } p) return "import " + p;
            if (i.Specifier is not null)
            {
                var raw = source[i.SpecifierStart..i.SpecifierEnd];
                if (!raw.Contains('\\') && raw != i.Specifier) return $"specifier '{i.Specifier}' is not the source text '{raw}' between its offsets";
            }
        }
        foreach (var d in analysis.Hot.AcceptedDeps)
        {
            if (d.Start < 0 || d.End > n || d.Start > d.End) return $"hot dependency range {d.Start}..{d.End} outside 0..{n}";
            if (PositionProblem(source, d.Position) is { } p) return "hot dependency " + p;
            var raw = source[d.Start..d.End];
            if (!raw.Contains('\\') && raw != d.Specifier) return $"accepted dep '{d.Specifier}' is not the source text '{raw}'";
        }
        foreach (var d in analysis.Diagnostics)
        {
            if (PositionProblem(source, d.Position) is { } p) return $"diagnostic {d.Code} " + p;
            if (string.IsNullOrEmpty(d.Code) || string.IsNullOrEmpty(d.Message)) return "diagnostic without code or message";
        }
        if (analysis.Diagnostics.Count > 101) return $"{analysis.Diagnostics.Count} diagnostics (capped at 100 + 1)";
        return null;
    }

    /// <summary>The offset is inside the input and the line/column agree with an independent count (ECMAScript line
    /// terminators; \r\n is one).</summary>
    private static string? PositionProblem(string source, SourcePosition position)
    {
        if (position.Offset < 0 || position.Offset > source.Length) return $"offset {position.Offset} outside 0..{source.Length}";
        int line = 1, lineStart = 0;
        for (var i = 0; i < position.Offset; i++)
        {
            var c = source[i];
            if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
            {
                if (i + 1 >= position.Offset) break; // inside the pair: still the \r's line
                i++;
                line++; lineStart = i + 1;
            }
            else if (c is '\n' or '\r' or '\u2028' or '\u2029') { line++; lineStart = i + 1; }
        }
        var column = position.Offset - lineStart + 1;
        return line == position.Line && column == position.Column ? null : $"position {position} but offset {position.Offset} is at {line}:{column}";
    }

    /// <summary>The whole analysis as text, for equality.</summary>
    public static string Describe(ModuleAnalysis a)
    {
        var sb = new StringBuilder();
        foreach (var i in a.Imports)
            sb.Append("I|").Append(i.Specifier).Append('|').Append(i.Kind).Append('|').Append(i.SpecifierStart).Append('|').Append(i.SpecifierEnd)
              .Append('|').Append(i.StatementStart).Append('|').Append(i.Position).Append('|')
              .Append(i.ImportedNames is null ? "*" : string.Join(",", i.ImportedNames)).Append('|').Append(i.Attributes).Append('\n');
        sb.Append("E|").Append(string.Join(",", a.Exports)).Append('\n');
        var h = a.Hot;
        sb.Append("H|").Append(h.UsesHot).Append(h.AcceptsSelf).Append(h.CallsDispose).Append(h.CallsPrune).Append(h.CallsInvalidate).Append(h.Declines)
          .Append('|').Append(h.AcceptedExports is null ? "-" : string.Join(",", h.AcceptedExports)).Append('\n');
        foreach (var d in h.AcceptedDeps) sb.Append("A|").Append(d.Specifier).Append('|').Append(d.Start).Append('|').Append(d.End).Append('|').Append(d.Position).Append('\n');
        sb.Append("M|").Append(a.UsesImportMeta).Append('\n');
        foreach (var d in a.Diagnostics) sb.Append("D|").Append(d.Code).Append('|').Append(d.Severity).Append('|').Append(d.Message).Append('|').Append(d.Position).Append('\n');
        return sb.ToString();
    }
}
