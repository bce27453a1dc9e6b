using Hmr.Core.Engine;

namespace Hmr.Runtime.Hosting;

/// <summary>Turns file-system events under the web root into <see cref="FileChange"/>s: renames become a delete and
/// a create (atomic saves arrive as a rename onto the file), directory moves and watcher overflows become a rescan
/// that diffs the files against the last known state.</summary>
internal sealed class WebRootWatcher : IDisposable
{
    private readonly string _root;
    private readonly Action<FileChange> _post;
    private readonly Action<Exception> _onError;
    private readonly FileSystemWatcher _watcher;
    private readonly Lock _gate = new();
    private Dictionary<string, (DateTime Written, long Size)> _known;

    public WebRootWatcher(string root, Action<FileChange> post, Action<Exception> onError, bool raiseEvents = true)
    {
        _root = root;
        _post = post;
        _onError = onError;
        _known = Scan();
        _watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            InternalBufferSize = 64 * 1024,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Created += (_, e) => OnEvent(e.FullPath, FileChangeKind.Created);
        _watcher.Changed += (_, e) => OnEvent(e.FullPath, FileChangeKind.Changed);
        _watcher.Deleted += (_, e) => OnEvent(e.FullPath, FileChangeKind.Deleted);
        _watcher.Renamed += (_, e) =>
        {
            OnEvent(e.OldFullPath, FileChangeKind.Deleted);
            OnEvent(e.FullPath, FileChangeKind.Created);
        };
        _watcher.Error += (_, e) =>
        {
            _onError(e.GetException());
            Rescan();
        };
        try
        {
            _watcher.EnableRaisingEvents = raiseEvents;
        }
        catch (IOException e)
        {
            // Out of inotify instances (other watchers on the machine): poll instead of failing the app.
            _onError(e);
            _poll = new Timer(_ => Rescan(), null, PollInterval, PollInterval);
        }
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly Timer? _poll;

    /// <summary>True when file events are unavailable and the web root is polled.</summary>
    public bool IsPolling => _poll is not null;

    private void OnEvent(string fullPath, FileChangeKind kind)
    {
        if (Directory.Exists(fullPath) || (kind == FileChangeKind.Deleted && IsKnownDirectory(fullPath)))
        {
            Rescan(); // a folder appeared, vanished or moved: its files changed with it
            return;
        }
        lock (_gate)
        {
            if (kind == FileChangeKind.Deleted) _known.Remove(fullPath);
            else if (Stat(fullPath) is { } stat) _known[fullPath] = stat;
        }
        _post(new FileChange(fullPath, kind));
    }

    /// <summary>Posts the difference between the last known files and the disk.</summary>
    public void Rescan()
    {
        List<FileChange> changes = [];
        lock (_gate)
        {
            var now = Scan();
            foreach (var (path, stat) in now)
            {
                if (!_known.TryGetValue(path, out var before)) changes.Add(new(path, FileChangeKind.Created));
                else if (before != stat) changes.Add(new(path, FileChangeKind.Changed));
            }
            foreach (var path in _known.Keys)
                if (!now.ContainsKey(path)) changes.Add(new(path, FileChangeKind.Deleted));
            _known = now;
        }
        foreach (var change in changes) _post(change);
    }

    private bool IsKnownDirectory(string fullPath)
    {
        var prefix = fullPath + Path.DirectorySeparatorChar;
        lock (_gate) return _known.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    private Dictionary<string, (DateTime, long)> Scan()
    {
        var files = new Dictionary<string, (DateTime, long)>(StringComparer.Ordinal);
        try
        {
            foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
                files[file.FullName] = (file.LastWriteTimeUtc, file.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _onError(e);
        }
        return files;
    }

    private static (DateTime, long)? Stat(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }

    public void Dispose()
    {
        _poll?.Dispose();
        _watcher.Dispose();
    }
}
