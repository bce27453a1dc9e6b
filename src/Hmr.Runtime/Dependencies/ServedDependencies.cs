using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Runtime.Dependencies;

/// <summary>One bundle file the manifest lists: its name in the manifest's folder, its URL and its content hash.</summary>
internal sealed record DependencyFile(string File, string Url, string Hash);

/// <summary>What the dev server takes from the build's <c>deps-manifest.json</c> (read with Hmr.Core's
/// <see cref="DependencyManifestFile"/>, docs/dependencies.md, "The manifest"): the files it may serve under
/// <see cref="UrlBase"/>, checked to stay inside the manifest's folder, and the import map entries the pages get.</summary>
internal sealed class ServedDependencies
{
    private ServedDependencies(string folder, string? urlBase, IReadOnlyList<KeyValuePair<string, string>> imports,
        IReadOnlyDictionary<string, DependencyFile> filesByUrl, IReadOnlyList<ManifestFailure>? failures = null,
        IReadOnlyList<ManifestPackage>? packages = null)
    {
        Packages = packages ?? [];
        Failures = failures ?? [];
        Failed = Failures.Select(f => f.Specifier).ToHashSet(StringComparer.Ordinal);
        Folder = folder;
        UrlBase = urlBase;
        Imports = imports;
        FilesByUrl = filesByUrl;
        Provided = urlBase is null ? ProvidedImports.None : new ProvidedImports(ToImportMap(imports), [urlBase]);
        Bundles = new BundleImports(folder, filesByUrl);
    }

    /// <summary>No dependencies (no manifest, or one that cannot be used).</summary>
    public static ServedDependencies None { get; } = new("", null, [], new Dictionary<string, DependencyFile>());

    /// <summary>The folder the bundle files are in (the manifest's own).</summary>
    public string Folder { get; }

    /// <summary>The URL folder the bundles are served from (<c>/_deps/</c>), or null when there is no manifest.</summary>
    public string? UrlBase { get; }

    /// <summary>The import map entries every page gets, in the manifest's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Imports { get; }

    /// <summary>The files that may be served, by URL.</summary>
    public IReadOnlyDictionary<string, DependencyFile> FilesByUrl { get; }

    /// <summary>The bundles each bundle loads with it (its shared chunks): what a page preloads for it.</summary>
    public BundleImports Bundles { get; }

    /// <summary>The specifiers the manifest records as failed (to resolve or bundle): not bundled again until an input changes.</summary>
    public IReadOnlySet<string> Failed { get; }

    /// <summary>Those failures with their diagnostics (at the app's import, and in the package), as the manifest records them.</summary>
    public IReadOnlyList<ManifestFailure> Failures { get; }

    /// <summary>The packages the bundles were made from, with the files of each they read and their stamp.</summary>
    public IReadOnlyList<ManifestPackage> Packages { get; }

    /// <summary>The same entries for the engine's analyzer: their URLs are leaves, served here, not web-root files.</summary>
    public ProvidedImports Provided { get; }

    /// <summary>Reads a manifest and checks what serving relies on; throws <see cref="InvalidDataException"/> saying what
    /// is wrong.</summary>
    public static ServedDependencies Parse(ReadOnlySpan<byte> json, string folder) => From(DependencyManifestFile.Parse(json), folder);

    private static ServedDependencies From(DependencyManifest manifest, string folder)
    {
        var urlBase = manifest.UrlBase;
        if (!urlBase.StartsWith('/') || !urlBase.EndsWith('/') || urlBase.StartsWith("//", StringComparison.Ordinal))
            throw Invalid("urlBase must be a URL folder such as /_deps/");
        var files = new Dictionary<string, DependencyFile>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            if (entry is null) throw Invalid("an entry of files is null");
            var file = entry.File;
            // A plain name in the manifest's folder, nothing that could point elsewhere.
            if (string.IsNullOrEmpty(file) || file.IndexOfAny(['/', '\\', ':', '\0']) >= 0 || file.StartsWith('.'))
                throw Invalid($"the file name \"{file}\" is not a plain file name");
            if (entry.Url != urlBase + file) throw Invalid($"the URL of {file} is not {urlBase}{file}");
            if (string.IsNullOrEmpty(entry.Hash)) throw Invalid($"{file} has no hash");
            files[entry.Url] = new DependencyFile(file, entry.Url, entry.Hash);
        }
        List<KeyValuePair<string, string>> imports = [];
        foreach (var (specifier, url) in manifest.Imports)
        {
            if (url is null) throw Invalid($"the import of \"{specifier}\" is not a string");
            imports.Add(new(specifier, url));
        }
        var failures = manifest.Failed.Where(f => f?.Specifier is not null).Select(f => f with { Diagnostics = f.Diagnostics ?? [] }).ToList();
        return new ServedDependencies(folder, urlBase, imports, files, failures, manifest.Packages);
    }

    private static InvalidDataException Invalid(string problem) => new(problem);

    private static ImportMap ToImportMap(IReadOnlyList<KeyValuePair<string, string>> imports)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { imports = imports.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) });
        return ImportMap.Parse(json, "/", new List<string>());
    }

    /// <summary>True when both list the same import map entries in the same order.</summary>
    public bool SameImports(ServedDependencies other) =>
        UrlBase == other.UrlBase && Imports.SequenceEqual(other.Imports);
}
