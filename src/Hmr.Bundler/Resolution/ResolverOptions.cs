namespace Hmr.Bundler.DependencyResolution;

/// <summary>An import-map entry that sends a specifier (or, when it ends in <c>/</c>, every specifier under that
/// prefix) to a file or folder of the project: <c>"lodash-es": "/lib/lodash-es/lodash.js"</c> with the URL already
/// turned into the absolute path of the file.</summary>
/// <param name="Specifier">The import map's key, such as <c>lit</c> or <c>lit/</c>.</param>
/// <param name="Path">Absolute path of the file or folder it maps to.</param>
public sealed record LocalImportMapEntry(string Specifier, string Path);

/// <summary>What a <see cref="DependencyResolver"/> needs to know about the project.</summary>
public sealed class ResolverOptions
{
    public ResolverOptions(string projectDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        ProjectDirectory = System.IO.Path.GetFullPath(projectDirectory);
    }

    /// <summary>The project folder: where <c>libman.json</c> is, and what paths in messages are relative to.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The pages' import-map entries that map to local files or folders; they win over <c>node_modules</c>.</summary>
    public IReadOnlyList<LocalImportMapEntry> LocalImportMap { get; init; } = [];

    /// <summary>The pages' import-map keys (specifiers, or prefixes ending in <c>/</c>) that map to remote URLs: a
    /// specifier they cover resolves as external and stays an import in the bundle.</summary>
    public IReadOnlyList<string> RemoteImportMapKeys { get; init; } = [];
}
