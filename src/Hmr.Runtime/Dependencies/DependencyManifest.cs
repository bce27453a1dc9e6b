using System.Text.Json;
using Hmr.Core.Resolution;

namespace Hmr.Runtime.Dependencies;

/// <summary>One bundle file the manifest lists: its name in the manifest's folder, its URL and its content hash.</summary>
internal sealed record DependencyFile(string File, string Url, string Hash);

/// <summary><c>deps-manifest.json</c>, schema 1 (docs/dependencies.md, "The manifest"): what the dev server serves under
/// <see cref="UrlBase"/> and the import map entries the pages get. Only the fields the runtime uses are kept.</summary>
internal sealed class DependencyManifest
{
    public const int SchemaVersion = 1;

    private DependencyManifest(string folder, string? urlBase, IReadOnlyList<KeyValuePair<string, string>> imports,
        IReadOnlyDictionary<string, DependencyFile> filesByUrl)
    {
        Folder = folder;
        UrlBase = urlBase;
        Imports = imports;
        FilesByUrl = filesByUrl;
        Provided = urlBase is null ? ProvidedImports.None : new ProvidedImports(ToImportMap(imports), [urlBase]);
    }

    /// <summary>No dependencies (no manifest, or one that cannot be used).</summary>
    public static DependencyManifest None { get; } = new("", null, [], new Dictionary<string, DependencyFile>());

    /// <summary>The folder the bundle files are in (the manifest's own).</summary>
    public string Folder { get; }

    /// <summary>The URL folder the bundles are served from (<c>/_deps/</c>), or null when there is no manifest.</summary>
    public string? UrlBase { get; }

    /// <summary>The import map entries every page gets, in the manifest's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Imports { get; }

    /// <summary>The files that may be served, by URL.</summary>
    public IReadOnlyDictionary<string, DependencyFile> FilesByUrl { get; }

    /// <summary>The same entries for the engine's analyzer: their URLs are leaves, served here, not web-root files.</summary>
    public ProvidedImports Provided { get; }

    /// <summary>Reads a schema-1 manifest; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static DependencyManifest Parse(ReadOnlySpan<byte> json, string folder)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            using var document = JsonDocument.ParseValue(ref reader);
            return Read(document.RootElement, folder);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON: {e.Message}", e);
        }
    }

    private static DependencyManifest Read(JsonElement root, string folder)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Invalid("the manifest is not a JSON object");
        if (!root.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number
            || !schema.TryGetInt32(out var version) || version != SchemaVersion)
            throw Invalid($"schemaVersion is not {SchemaVersion}");
        var urlBase = String(root, "urlBase");
        if (urlBase is null || !urlBase.StartsWith('/') || !urlBase.EndsWith('/') || urlBase.StartsWith("//", StringComparison.Ordinal))
            throw Invalid("urlBase must be a URL folder such as /_deps/");

        List<KeyValuePair<string, string>> imports = [];
        if (root.TryGetProperty("imports", out var importsElement))
        {
            if (importsElement.ValueKind != JsonValueKind.Object) throw Invalid("imports is not an object");
            foreach (var entry in importsElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String) throw Invalid($"the import of \"{entry.Name}\" is not a string");
                if (imports.Exists(e => e.Key == entry.Name)) throw Invalid($"\"{entry.Name}\" is listed twice in imports");
                imports.Add(new(entry.Name, entry.Value.GetString()!));
            }
        }

        var files = new Dictionary<string, DependencyFile>(StringComparer.Ordinal);
        if (root.TryGetProperty("files", out var filesElement))
        {
            if (filesElement.ValueKind != JsonValueKind.Array) throw Invalid("files is not an array");
            foreach (var entry in filesElement.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object) throw Invalid("an entry of files is not an object");
                var file = String(entry, "file");
                var url = String(entry, "url");
                var hash = String(entry, "hash");
                // A plain name in the manifest's folder, nothing that could point elsewhere.
                if (file is null || file.Length == 0 || file.IndexOfAny(['/', '\\', ':', '\0']) >= 0 || file.StartsWith('.'))
                    throw Invalid($"the file name \"{file}\" is not a plain file name");
                if (url != urlBase + file) throw Invalid($"the URL of {file} is not {urlBase}{file}");
                if (string.IsNullOrEmpty(hash)) throw Invalid($"{file} has no hash");
                files[url] = new DependencyFile(file, url, hash);
            }
        }
        return new DependencyManifest(folder, urlBase, imports, files);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static InvalidDataException Invalid(string problem) => new(problem);

    private static ImportMap ToImportMap(IReadOnlyList<KeyValuePair<string, string>> imports)
    {
        var json = JsonSerializer.Serialize(new { imports = imports.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) });
        return ImportMap.Parse(json, "/", new List<string>());
    }

    /// <summary>True when both list the same import map entries in the same order.</summary>
    public bool SameImports(DependencyManifest other) =>
        UrlBase == other.UrlBase && Imports.SequenceEqual(other.Imports);
}
