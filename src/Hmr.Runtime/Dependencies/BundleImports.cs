using System.Collections.Concurrent;
using Hmr.Core.Analysis;

namespace Hmr.Runtime.Dependencies;

/// <summary>Which bundle files the browser loads with one bundle: the bundle and the shared chunks it imports,
/// statically, and theirs. Read from the files themselves with the module lexer, once per file: a bundle's name carries
/// its content hash, so what it imports never changes under that name.</summary>
internal sealed class BundleImports(string folder, IReadOnlyDictionary<string, DependencyFile> filesByUrl)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _direct = new(StringComparer.Ordinal);

    /// <summary><paramref name="url"/> (a bundle of the manifest) and every bundle it needs, each once; empty for a URL
    /// that is not a bundle.</summary>
    public IReadOnlyList<string> LoadedWith(string url)
    {
        var loaded = new List<string>();
        if (!filesByUrl.ContainsKey(url)) return loaded;
        var seen = new HashSet<string>(StringComparer.Ordinal) { url };
        loaded.Add(url);
        for (var i = 0; i < loaded.Count; i++)
        {
            foreach (var imported in _direct.GetOrAdd(loaded[i], DirectImports))
                if (seen.Add(imported)) loaded.Add(imported);
        }
        return loaded;
    }

    private IReadOnlyList<string> DirectImports(string url)
    {
        string source;
        try
        {
            source = File.ReadAllText(Path.Combine(folder, filesByUrl[url].File));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // Serving the file will say what is wrong with it.
        }
        var imports = new List<string>();
        foreach (var import in ModuleLexer.Analyze(source).Imports)
        {
            if (import is not { Kind: ImportKind.Static or ImportKind.ReExport, Specifier: { } specifier }) continue;
            if (Uri.TryCreate(new Uri("http://bundles" + url), specifier, out var target) && target.Host == "bundles"
                && filesByUrl.ContainsKey(target.AbsolutePath))
                imports.Add(target.AbsolutePath);
        }
        return imports;
    }
}
