namespace Hmr.Bundler.DependencyResolution;

/// <summary>Diagnostic codes of dependency resolution (HMR100–HMR119), carried by <see cref="Resolution.Code"/>.
/// docs/dependency-resolution.md says what each one means and how to fix it.</summary>
public static class ResolutionCodes
{
    /// <summary>No package of that name in the import map, any <c>node_modules</c> folder, or <c>libman.json</c>.</summary>
    public const string PackageNotFound = "HMR100";

    /// <summary>The package's <c>exports</c> does not export the sub-path (or blocks it with <c>null</c>).</summary>
    public const string NotExported = "HMR101";

    /// <summary>An <c>exports</c> or <c>imports</c> target leaves the package (<c>../</c>, an absolute path).</summary>
    public const string TargetOutsidePackage = "HMR102";

    /// <summary>An <c>exports</c> or <c>imports</c> target names a file that does not exist (targets are exact).</summary>
    public const string TargetMissing = "HMR103";

    /// <summary>A <c>package.json</c> or <c>libman.json</c> is not valid JSON (file, line and column given).</summary>
    public const string InvalidJson = "HMR104";

    /// <summary>An <c>exports</c> or <c>imports</c> map that Node would reject: mixed keys, a target that is not <c>./…</c>.</summary>
    public const string InvalidPackageConfig = "HMR105";

    /// <summary>A relative specifier names no file, even with the extensions and index files tried.</summary>
    public const string FileNotFound = "HMR106";

    /// <summary>A package without <c>exports</c> whose <c>module</c>, <c>browser</c>, <c>main</c> and <c>index.js</c> all lead nowhere.</summary>
    public const string NoEntryPoint = "HMR107";

    /// <summary>A <c>#name</c> specifier that the importing package's <c>imports</c> does not define.</summary>
    public const string ImportNotDefined = "HMR108";

    /// <summary>A symbolic link loop (or a chain of more than 40 links) on the way to a package or file.</summary>
    public const string SymlinkLoop = "HMR109";

    /// <summary>A specifier that is not valid: empty, a bad package name, <c>#</c> alone, <c>..</c> or <c>node_modules</c> in a sub-path.</summary>
    public const string InvalidSpecifier = "HMR110";

    /// <summary>A Node built-in module (<c>fs</c>, <c>node:path</c>): browsers have none.</summary>
    public const string NodeBuiltin = "HMR111";

    /// <summary>A local import-map entry maps the specifier to a path where there is no file or folder.</summary>
    public const string ImportMapTargetMissing = "HMR112";

    /// <summary>A <c>package.json</c>, <c>libman.json</c> or folder could not be read (permissions, I/O error).</summary>
    public const string Unreadable = "HMR113";
}
