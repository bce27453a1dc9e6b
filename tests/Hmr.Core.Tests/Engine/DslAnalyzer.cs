using Hmr.Core.Engine;
using Hmr.Core.Analysis;
using Hmr.Core.Artifact;

namespace Hmr.Core.Tests.Engine;

/// <summary>A stand-in for the real analyzer so propagation tests can state a module's facts in a few lines.
/// One directive per line (anything else is ignored, so "// edit 2" changes content without changing facts):
/// <code>
/// import ./b.js            static import of every binding (resolved only when the file exists)
/// import ./b.js a,b        named bindings; "-" for a side-effect import
/// import! ./b.js           resolved even when the file does not exist (a resolver that does not check)
/// dynamic ./b.js           dynamic import
/// accept                   self-accepting
/// accept-dep ./b.js        accepts a dep
/// accept-exports a,b       accepts those exports
/// export a,b,c             the module's own export names (default: none)
/// syntax-error 2 5         a syntax error at line 2, column 5
/// </code></summary>
internal sealed class DslAnalyzer : IModuleAnalyzer
{
    public int Calls;

    public AnalysedModule Analyze(string url, string fullPath, string content, string hash, long size)
    {
        Interlocked.Increment(ref Calls);
        var webRoot = fullPath[..^(url.Length - 1)];
        var imports = new List<ResolvedImport>();
        var diagnostics = new List<DiagnosticRecord>();
        bool self = false, uses = false;
        var deps = new List<string>();
        List<string>? exports = null;
        string[] declared = [];
        var lineNo = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNo++;
            var parts = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            switch (parts[0])
            {
                case "import" or "import!" or "dynamic" or "reexport":
                {
                    var target = Resolve(url, parts[1]);
                    var exists = File.Exists(Path.Combine(webRoot, target.TrimStart('/')));
                    var resolved = parts[0] == "import!" || exists ? target : null;
                    IReadOnlyList<string>? names = parts[0] == "dynamic" || parts.Length < 3 || parts[2] == "*" ? null
                        : parts[2] == "-" ? [] : parts[2].Split(',');
                    var kind = parts[0] switch { "dynamic" => "dynamic", "reexport" => "reexport", _ => "static" };
                    imports.Add(new ResolvedImport(parts[1], resolved, kind, lineNo, 8, names));
                    if (resolved is null) diagnostics.Add(new DiagnosticRecord("HMR010", "warning", $"cannot resolve '{parts[1]}'", lineNo, 8));
                    break;
                }
                case "accept": self = uses = true; break;
                case "accept-dep": deps.Add(Resolve(url, parts[1])); uses = true; break;
                case "accept-exports": exports = [.. parts[1].Split(',')]; uses = true; break;
                case "export": declared = parts[1].Split(','); break;
                case "syntax-error":
                    diagnostics.Add(new DiagnosticRecord("HMR001", "error", "Unexpected token", int.Parse(parts[1]), int.Parse(parts[2])));
                    break;
            }
        }
        return AnalysedModule.FromRecord(new ModuleRecord(url, "wwwroot" + url, hash, size, imports, declared, new HotRecord(uses, self, deps, exports), diagnostics));
    }

    private static string Resolve(string url, string specifier)
    {
        if (specifier.StartsWith('/')) return specifier;
        var dir = url[..(url.LastIndexOf('/') + 1)];
        var combined = new Uri(new Uri("http://x" + dir), specifier);
        return combined.AbsolutePath;
    }
}
