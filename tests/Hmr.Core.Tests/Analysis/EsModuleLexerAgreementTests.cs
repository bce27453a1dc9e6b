using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// Our lexer against es-module-lexer 3 (what Vite uses) on every ES module file of real packages
/// (tests/reference/package.json: three, lodash-es, rxjs, date-fns, lit-html, d3, preact, vue):
/// the same import specifiers, of the same kinds, in the same order, and the same export names in the same order.
/// </summary>
[TestClass]
public sealed class EsModuleLexerAgreementTests
{
    /// <summary>
    /// Files where es-module-lexer is demonstrably wrong, with the reason (each case is explained in
    /// docs/lexer.md, "Differences from es-module-lexer"). Keyed by path under tests/reference/node_modules.
    /// </summary>
    private static readonly Dictionary<string, string> KnownReferenceErrors = new(StringComparer.Ordinal)
    {
        ["three/src/renderers/webgl/WebGLBindingStates.js"] =
            "starts with a byte order mark; browsers drop it before parsing, es-module-lexer treats U+FEFF as code and misses the first import",
    };

    [TestMethod]
    public void SameImportsAsEsModuleLexerOnRealPackages()
    {
        var reference = Path.Combine(RepositoryRoot(), "tests", "reference");
        if (!Directory.Exists(Path.Combine(reference, "node_modules", "es-module-lexer")))
        {
            Assert.Fail($"{reference}/node_modules is missing: run `npm ci` in tests/reference (test.sh does it) to compare with es-module-lexer.");
        }

        using var dump = JsonDocument.Parse(RunNode(reference, "dump-imports.mjs"));
        var root = dump.RootElement.GetProperty("root").GetString()!;
        var files = dump.RootElement.GetProperty("files");
        var compared = 0;
        var differences = new List<string>();
        var referenceErrors = new List<string>();
        foreach (var entry in files.EnumerateArray())
        {
            var file = entry.GetProperty("file").GetString()!;
            if (entry.TryGetProperty("error", out var error))
            {
                referenceErrors.Add($"{file}: {error.GetString()}");
                continue;
            }
            if (KnownReferenceErrors.ContainsKey(file))
            {
                continue;
            }
            compared++;
            var expected = entry.GetProperty("imports").EnumerateArray()
                .Select(i => $"{i.GetProperty("k").GetString()}:{(i.GetProperty("n").ValueKind == JsonValueKind.Null ? "null" : i.GetProperty("n").GetString())}")
                .ToList();
            var analysis = ModuleLexer.Analyze(File.ReadAllText(Path.Combine(root, file)));
            var actual = analysis.Imports
                .Select(i => $"{(i.Kind switch { ImportKind.Static => "s", ImportKind.ReExport => "r", _ => "d" })}:{i.Specifier ?? "null"}")
                .ToList();
            var difference = FirstDifference(expected, actual, "import");
            if (difference is null)
            {
                var expectedExports = entry.GetProperty("exports").EnumerateArray().Select(e => e.GetString()!).ToList();
                difference = FirstDifference(expectedExports, analysis.Exports.ToList(), "export");
            }
            if (difference is not null)
            {
                differences.Add($"{file}: {difference}");
            }
            else if (analysis.HasErrors)
            {
                differences.Add($"{file}: same imports, but our lexer reports errors: {string.Join("; ", analysis.Diagnostics.Take(3).Select(d => $"{d.Code} {d.Message} at {d.Position.Line}:{d.Position.Column}"))}");
            }
        }

        Assert.IsGreaterThan(3000, compared, $"expected the whole corpus, compared only {compared} files");
        if (differences.Count > 0 || referenceErrors.Count > 0)
        {
            var message = new StringBuilder();
            message.AppendLine($"{differences.Count} of {compared} files differ from es-module-lexer; {referenceErrors.Count} files es-module-lexer could not parse.");
            foreach (var line in differences.Concat(referenceErrors).Take(25))
            {
                message.AppendLine("  " + line);
            }
            Assert.Fail(message.ToString());
        }
    }

    private static string? FirstDifference(List<string> expected, List<string> actual, string what)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(none)";
            var a = i < actual.Count ? actual[i] : "(none)";
            if (e != a)
            {
                return $"{what} #{i}: es-module-lexer {e}, ours {a} ({expected.Count} vs {actual.Count} {what}s)";
            }
        }
        return null;
    }

    private static string RunNode(string workingDirectory, string script)
    {
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"node {script} failed ({process.ExitCode}): {stderr.Result}");
        }
        return stdout;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hmr.Build.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Hmr.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
