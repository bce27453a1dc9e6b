using Hmr.Core.Artifact;

namespace Hmr.Runtime.Dependencies;

/// <summary>Watches the lock files that decide the dependency bundles (<see cref="LockFiles"/>: package-lock.json,
/// pnpm-lock.yaml, yarn.lock, libman.json) while the app runs: an <c>npm install</c> under <c>dotnet watch</c> changes
/// one, and the bundles must follow without a rebuild (docs/dependencies.md, "While the app runs"). The project folder
/// is watched for all of them (one may appear there), and the folder of each one found above it (a monorepo's root).
/// Files inside <c>node_modules</c> are not watched (tens of thousands of them would cost more watches than a system
/// allows): <see cref="PackageFilePoller"/> checks the ones the bundles were made from.</summary>
internal sealed class LockFileWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public LockFileWatcher(string projectDirectory, Action<string> changed)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(projectDirectory) };
        foreach (var file in LockFiles.Find(projectDirectory)) folders.Add(Path.GetDirectoryName(file)!);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) continue;
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            void OnEvent(object? _, FileSystemEventArgs e)
            {
                if (e.Name is { } name && LockFiles.Names.Contains(name, StringComparer.Ordinal)) changed(e.FullPath);
            }
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += (sender, e) => OnEvent(sender, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _watchers.Clear();
    }
}
