using Hmr.Core.Artifact;

namespace Hmr.Runtime.Dependencies;

/// <summary>Notices a local patch of a bundled package while the app runs (docs/dependencies.md, "Keeping it current"):
/// every <see cref="Interval"/> it stamps the files each package gave the bundles (<see cref="PackageFileStamp"/>: sizes
/// and write times, no reading) and compares with the manifest's stamp. Polling, not watching: a file watcher per
/// package folder would take one of the few inotify instances a user has for each, and node_modules has thousands of
/// folders. A change is reported once per new stamp, so a rebundle in progress is not asked for again.</summary>
internal sealed class PackageFilePoller : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(1500);

    private readonly DependencyManifestSource _manifest;
    private readonly string _projectDirectory;
    private readonly Action<string, string> _changed;
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private int _checking;

    /// <param name="manifest">The manifest whose packages are checked, as last read.</param>
    /// <param name="projectDirectory">What the packages' roots are relative to.</param>
    /// <param name="changed">Called with the package's name and its file written last (the patched one, usually).</param>
    public PackageFilePoller(DependencyManifestSource manifest, string projectDirectory, Action<string, string> changed)
    {
        _manifest = manifest;
        _projectDirectory = projectDirectory;
        _changed = changed;
        _timer = new Timer(_ => Check(), null, Interval, Interval);
    }

    /// <summary>One look at every package (the timer calls it; never two at once).</summary>
    public void Check()
    {
        if (Interlocked.Exchange(ref _checking, 1) == 1) return;
        try
        {
            foreach (var package in _manifest.Latest.Packages)
            {
                var root = Path.GetFullPath(package.Root, _projectDirectory);
                var now = PackageFileStamp.Compute(root, package.Files);
                if (now == package.FilesStamp) { _reported.Remove(root); continue; }
                if (_reported.TryGetValue(root, out var reported) && reported == now) continue;
                _reported[root] = now;
                _changed(package.Name, Path.Join(package.Root, NewestFile(root, package.Files)).Replace('\\', '/'));
            }
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    /// <summary>The file written last: the one just patched, for the log line.</summary>
    private static string NewestFile(string root, IReadOnlyList<string> files) =>
        files.MaxBy(f => File.Exists(Path.Join(root, f)) ? File.GetLastWriteTimeUtc(Path.Join(root, f)) : DateTime.MinValue) ?? "";

    public void Dispose() => _timer.Dispose();
}
