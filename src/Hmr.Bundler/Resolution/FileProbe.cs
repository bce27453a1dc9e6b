namespace Hmr.Bundler.DependencyResolution;

/// <summary>Finds the file a relative specifier or a <c>main</c>-style field means, as esbuild does when bundling:
/// the path as written, then with each extension, then as a folder (its own <c>package.json</c> entry fields, then
/// an index file). <c>exports</c> targets never come here: they name exact files.</summary>
internal sealed class FileProbe(PackageFiles files)
{
    /// <summary>Tried in this order after the path as written, and after <c>index</c> in a folder.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".js", ".mjs", ".cjs", ".json"];

    /// <summary>The file <paramref name="path"/> means, or null.</summary>
    public string? FileOrFolder(string path)
    {
        if (!EndsWithSeparator(path) && FileWithExtensions(path) is { } file)
        {
            return file;
        }
        return Directory.Exists(path) ? Folder(path) : null;
    }

    /// <summary>The real path of the file a relative path or package sub-path means (a trailing <c>/</c> asks for a
    /// folder), or HMR106 with <paramref name="failurePrefix"/> and what was tried.</summary>
    public string Find(string path, bool folderOnly, string failurePrefix)
    {
        var file = folderOnly ? (Directory.Exists(path) ? Folder(path) : null) : FileOrFolder(path);
        if (file is null)
        {
            files.RealPaths.Resolve(path); // a link loop on the way reads as "no file": name it (HMR109) instead
            throw new ResolutionException(ResolutionCodes.FileNotFound, $"{failurePrefix}tried {DescribeTried(files.Display(path))}");
        }
        return files.RealPaths.Resolve(file);
    }

    /// <summary>A folder's own entry: the fields of a <c>package.json</c> in it (one level, no further folders), then
    /// <c>index</c> with each extension.</summary>
    public string? Folder(string folder)
    {
        if (files.PackageJsonIn(folder) is { } json)
        {
            foreach (var (_, value) in json.MainFields())
            {
                var entry = Path.GetFullPath(Path.Join(folder, value));
                if ((FileWithExtensions(entry) ?? (Directory.Exists(entry) ? Index(entry) : null)) is { } found)
                {
                    return found;
                }
            }
        }
        return Index(folder);
    }

    /// <summary><c>index.js</c>, <c>index.mjs</c>, … in the folder, or null.</summary>
    public static string? Index(string folder) => FirstExisting(Extensions.Select(extension => Path.Join(folder, "index" + extension)));

    private static string DescribeTried(string shownPath) =>
        $"'{shownPath}', with {string.Join(", ", Extensions)}, and as a folder (its package.json, index{string.Join("/", Extensions)})";

    private static string? FileWithExtensions(string path) =>
        File.Exists(path) ? path : FirstExisting(Extensions.Select(extension => path + extension));

    private static string? FirstExisting(IEnumerable<string> candidates) => candidates.FirstOrDefault(File.Exists);

    private static bool EndsWithSeparator(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar);
}
