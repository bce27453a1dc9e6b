using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Dependencies;

/// <summary>The dependency manifest the build wrote (<c>Hmr:DependencyManifestFile</c>, else the build's
/// <c>Hmr.DependencyManifestFile</c>), kept current: each use checks the file's size and time (one stat), and a
/// timer does the same so a rewrite is noticed while no request comes. A missing, corrupt or other-schema manifest
/// means no dependencies, logged once per state, never an exception.</summary>
internal sealed class DependencyManifestSource : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    // A manifest that does not parse right after it changed is probably being written: give the writer this long.
    private static readonly TimeSpan WriteGrace = TimeSpan.FromSeconds(1);

    private readonly ILogger<DependencyManifestSource> _logger;
    private readonly Lock _gate = new();
    private volatile ServedDependencies _current = ServedDependencies.None;
    private (bool Exists, DateTime Written, long Length)? _seen;
    private string? _lastProblem;
    private Timer? _poll;

    public DependencyManifestSource(IOptions<HmrOptions> options, IWebHostEnvironment environment, ILogger<DependencyManifestSource> logger)
    {
        _logger = logger;
        var configured = options.Value.DependencyManifestFile ?? AppContext.GetData("Hmr.DependencyManifestFile") as string;
        ManifestFile = string.IsNullOrEmpty(configured) ? null : Path.GetFullPath(configured, environment.ContentRootPath);
    }

    /// <summary>Full path of the manifest, or null when the build passed none.</summary>
    public string? ManifestFile { get; }

    /// <summary>Raised (outside any lock) when the import map entries changed, with the new manifest.</summary>
    public event Action<ServedDependencies>? ImportsChanged;

    /// <summary>The manifest as it is on disk now.</summary>
    public ServedDependencies Current
    {
        get
        {
            Refresh();
            return _current;
        }
    }

    /// <summary>The manifest as last read, without looking at the file (the timer keeps it within a quarter second).</summary>
    public ServedDependencies Latest => _current;

    /// <summary>Starts checking the file in the background (the hosted service does, once the engine runs).</summary>
    public void StartWatching()
    {
        if (ManifestFile is null || _poll is not null) return;
        _poll = new Timer(_ => Refresh(), null, PollInterval, PollInterval);
    }

    /// <summary>Reads the manifest again if its file changed since the last look.</summary>
    public void Refresh()
    {
        if (ManifestFile is null) return;
        ServedDependencies before, after;
        lock (_gate)
        {
            var stamp = Stat(ManifestFile);
            if (stamp == _seen) return;
            before = _current;
            if (Load(ManifestFile, stamp, out var problem) is not { } loaded) return; // mid-write: look again next time
            after = loaded;
            _seen = stamp;
            _current = after;
            Report(problem, after);
        }
        if (!before.SameImports(after)) ImportsChanged?.Invoke(after);
    }

    private ServedDependencies? Load(string file, (bool Exists, DateTime Written, long Length) stamp, out string? problem)
    {
        problem = null;
        if (!stamp.Exists)
        {
            problem = $"no dependency manifest at {file}";
            return ServedDependencies.None;
        }
        try
        {
            return ServedDependencies.Parse(File.ReadAllBytes(file), Path.GetDirectoryName(file)!);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            if (DateTime.UtcNow - stamp.Written < WriteGrace && e is not UnauthorizedAccessException) return null;
            problem = $"the dependency manifest {file} is not used: {e.Message}";
            return ServedDependencies.None;
        }
    }

    private void Report(string? problem, ServedDependencies manifest)
    {
        if (problem == _lastProblem && problem is not null) return;
        _lastProblem = problem;
        if (problem is null) _logger.DependenciesLoaded(manifest.Imports.Count, manifest.FilesByUrl.Count, ManifestFile!);
        else if (problem.StartsWith("no dependency manifest", StringComparison.Ordinal)) _logger.DependencyManifestMissing(problem);
        else _logger.DependencyManifestProblem(problem);
    }

    private static (bool, DateTime, long) Stat(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (true, info.LastWriteTimeUtc, info.Length) : (false, default, 0);
    }

    public void Dispose() => _poll?.Dispose();
}
