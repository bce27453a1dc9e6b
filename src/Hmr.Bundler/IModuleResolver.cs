namespace Hmr.Bundler;

/// <summary>How one module asks for another; it picks the <c>package.json</c> conditions that apply
/// (<c>import</c> for static and dynamic imports, <c>require</c> for CommonJS).</summary>
public enum ImportKind
{
    Static,
    Dynamic,
    Require,
}

/// <summary>Where a specifier points: an absolute file path, or why it could not be found (naming where it looked),
/// or that it is external (the page's import map sends it to a remote URL: the bundle keeps the import as written).</summary>
public readonly record struct Resolution(string? FilePath, string? Failure)
{
    public bool Succeeded => FilePath is not null;

    /// <summary>The diagnostic code of a failure (docs/dependency-resolution.md lists them); null when none was given.</summary>
    public string? Code { get; init; }

    /// <summary>True when the specifier is not bundled: the browser loads it from where the import map says.</summary>
    public bool IsExternal { get; init; }

    public static Resolution Found(string filePath) => new(filePath, null);

    public static Resolution NotFound(string failure) => new(null, failure);

    public static Resolution NotFound(string code, string failure) => new(null, failure) { Code = code };

    public static Resolution External() => new(null, null) { IsExternal = true };
}

/// <summary>Resolves the specifiers written in dependency files (relative, bare, <c>#imports</c>) to files. The
/// linker asks it for every import and <c>require</c> it follows; the resolution step implements it over
/// <c>node_modules</c>, LibMan folders and import-map entries.</summary>
public interface IModuleResolver
{
    /// <param name="specifier">The specifier exactly as written.</param>
    /// <param name="importerPath">Absolute path of the file that wrote it (for a bare entry: a file in the project folder).</param>
    /// <param name="kind">How it was asked for.</param>
    Resolution Resolve(string specifier, string importerPath, ImportKind kind);
}
