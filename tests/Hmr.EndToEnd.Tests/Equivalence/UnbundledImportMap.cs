using System.Text.Json.Nodes;
using Hmr.Bundler;
using Hmr.Bundler.DependencyResolution;
using Hmr.Core.Analysis;

namespace Hmr.EndToEnd.Tests.Equivalence;

/// <summary>The import map that lets Chromium load ES packages file by file, unbundled: every bare import of every
/// reached package file mapped (scoped to the file that wrote it, so two versions of a package can coexist), and every
/// relative import the browser would not find as written (no extension, a folder) mapped to the file resolution finds.
/// Resolution is the bundler's own (browser conditions), so the comparison checks what bundling does, not resolution,
/// which tests/Hmr.Bundler.Tests compares with Node's.</summary>
internal static class UnbundledImportMap
{
    /// <param name="projectDirectory">The project whose node_modules holds the packages.</param>
    /// <param name="importer">The page module that imports <paramref name="specifiers"/>.</param>
    /// <param name="toUrl">The URL the test server serves a package file at.</param>
    public static JsonObject Build(string projectDirectory, string importer, IEnumerable<string> specifiers, Func<string, string> toUrl)
    {
        var resolver = new DependencyResolver(new ResolverOptions(projectDirectory));
        var imports = new JsonObject();
        var scopes = new JsonObject();
        var pending = new Stack<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        string Resolve(string specifier, string from)
        {
            var resolution = resolver.Resolve(specifier, from, Hmr.Bundler.ImportKind.Static);
            if (resolution.FilePath is not { } file) throw new InvalidOperationException($"{specifier} from {from}: {resolution.Failure}");
            if (seen.Add(file)) pending.Push(file);
            return toUrl(file);
        }

        foreach (var specifier in specifiers) imports[specifier] = Resolve(specifier, importer);
        while (pending.TryPop(out var file))
        {
            var url = toUrl(file);
            var scope = new JsonObject();
            foreach (var import in ModuleLexer.Analyze(File.ReadAllText(file)).Imports)
            {
                if (import.Specifier is not { } specifier) continue; // import(expression): not followed
                if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
                {
                    var asWritten = new Uri(new Uri("http://x" + url), specifier).AbsolutePath;
                    var found = Resolve(specifier, file);
                    if (found != asWritten) imports[asWritten] = found;
                }
                else if (!specifier.Contains(':', StringComparison.Ordinal) && !specifier.StartsWith('/'))
                {
                    scope[specifier] = Resolve(specifier, file);
                }
            }
            if (scope.Count > 0) scopes[url] = scope;
        }
        return new JsonObject { ["imports"] = imports, ["scopes"] = scopes };
    }
}
