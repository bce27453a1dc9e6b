namespace Hmr.Bundler.Prebundling;

/// <summary>The output folder: files are written only when their bytes differ (a watcher or the HTTP cache sees no
/// change otherwise), through a temporary file so a reader never sees half a bundle, and bundles of earlier runs
/// that are no longer named are deleted.</summary>
internal static class BundleFolder
{
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(string path, byte[] bytes)
    {
        try
        {
            if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
        }
        catch (IOException)
        {
            // Unreadable: rewrite it.
        }
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Join(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>Deletes the bundles (<c>*.js</c>) not in <paramref name="keep"/>. Only those: anything else in the
    /// folder is left alone (a temporary file may be another process's write in progress).</summary>
    /// <returns>How many files were deleted.</returns>
    public static int DeleteStale(string directory, IReadOnlySet<string> keep)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".js", StringComparison.Ordinal) && !keep.Contains(name))
            {
                File.Delete(path);
                deleted++;
            }
        }
        return deleted;
    }
}
