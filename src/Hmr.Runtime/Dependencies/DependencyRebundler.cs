using System.Diagnostics;
using Hmr.Core.Engine;
using Hmr.Core.Protocol;
using Hmr.Core.Resolution;
using Hmr.Runtime.Hosting;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Dependencies;

/// <summary>Vite's re-optimization under <c>dotnet watch</c> (docs/dependencies.md section 5): a saved module that
/// imports a bare specifier the manifest does not provide starts a bundling run in the background, off the update's
/// path. Saves that come while a run is going coalesce into one more run; there is never more than one. The run writes
/// the bundles and manifest the build would write; <see cref="DependencyManifestSource"/> then reads the manifest and
/// raises ImportsChanged, and the host relinks and reloads the pages running a module whose imports changed.</summary>
internal sealed class DependencyRebundler
{
    // Lets an editor's save-all of several files land in one run.
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);

    private readonly DependencyManifestSource _manifest;
    private readonly HmrWebRoot _webRoot;
    private readonly HmrServer _server;
    private readonly ILogger<DependencyRebundler> _logger;
    private readonly string? _bundlerAssembly;
    private readonly Lock _gate = new();
    private BundleDependencies? _bundle;
    private bool _loaded, _pending, _busy;

    public DependencyRebundler(DependencyManifestSource manifest, HmrWebRoot webRoot, HmrServer server, IOptions<HmrOptions> options,
        IWebHostEnvironment environment, ILogger<DependencyRebundler> logger)
    {
        _bundlerAssembly = options.Value.BundlerAssembly ?? AppContext.GetData("Hmr.BundlerAssembly") as string;
        _manifest = manifest;
        _webRoot = webRoot;
        _server = server;
        _logger = logger;
    }

    /// <summary>The current run, if any (tests wait on it).</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Looks at the modules a batch changed (the engine's analysis, cached from the batch) for a bare import that
    /// the manifest does not provide, or that it records as failed (a retry: the package may be installed now).</summary>
    public void Consider(IHmrEngine engine, EngineOutcome outcome)
    {
        if (!CanRun) return;
        var served = _manifest.Current;
        foreach (var url in outcome.Trace.ChangedUrls)
        {
            if (engine.GetModule(url) is not { } module) continue;
            byte[] content;
            try { content = File.ReadAllBytes(module.FullPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var import in engine.AnalyzeForServing(url, module.FullPath, content).Record.Imports)
            {
                if (import is not { Url: null, External: false, Specifier: { } specifier } || !ModuleUrl.IsBare(specifier)) continue;
                if (served.Imports.Any(e => e.Key == specifier) && !served.Failed.Contains(specifier)) continue;
                _logger.DependencyRebundleStarted(specifier, url);
                Request();
                return;
            }
        }
    }

    /// <summary>True when this server can bundle: the build passed the bundler and there is a manifest to keep current.</summary>
    public bool CanRun => _manifest.ManifestFile is not null && !string.IsNullOrEmpty(_bundlerAssembly);

    /// <summary>A lock file changed (an install while the app runs): bundle again. The run finds the manifest current
    /// when nothing the bundles depend on changed, and bundles nothing then.</summary>
    public void LockFileChanged(string path)
    {
        if (!CanRun) return;
        _logger.DependencyInputsChanged(Path.GetFileName(path));
        Request();
    }

    /// <summary>A file a bundle was made from changed inside its package (a local patch): bundle again. The run finds
    /// the package's stamp changed and bundles; the pages whose dependency's URL changed reload.</summary>
    public void PackageFileChanged(string package, string file)
    {
        if (!CanRun) return;
        _logger.DependencyPackageFileChanged(package, file);
        Request();
    }

    /// <summary>Asks for a run; one already waiting absorbs it.</summary>
    public void Request()
    {
        lock (_gate)
        {
            _pending = true;
            if (_busy) return;
            _busy = true;
            Running = Task.Run(RunWhilePending);
        }
    }

    private async Task RunWhilePending()
    {
        while (true)
        {
            await Task.Delay(Coalesce).ConfigureAwait(false);
            lock (_gate)
            {
                if (!_pending) { _busy = false; return; }
                _pending = false;
            }
            RunOnce();
        }
    }

    private void RunOnce()
    {
        if (!_loaded)
        {
            _loaded = true;
            _bundle = BundlerLoader.Load(_bundlerAssembly, out var problem);
            if (problem is not null) _logger.DependencyRebundleOff(problem);
        }
        if (_bundle is null || _manifest.ManifestFile is not { } manifestFile) return;
        var clock = Stopwatch.StartNew();
        try
        {
            var result = _bundle(_webRoot.ProjectDirectory, _webRoot.FullPath, AppContext.GetData("Hmr.ImportMapFile") as string,
                Path.GetDirectoryName(manifestFile)!, AppContext.GetData("Hmr.OptimizeDeps") as string);
            foreach (var (file, diagnostic) in result.Problems)
            {
                _logger.DependencyRebundleProblem($"{file}({diagnostic.Line},{diagnostic.Column}): {diagnostic.Code}: {diagnostic.Message}");
                // A dependency that failed is reported at the app's import of it: the overlay, as for a broken module.
                if (_webRoot.UrlOfProjectFile(file) is { } url)
                    _server.Send(new ErrorMessage(HmrError.AtImport(url, diagnostic.Code, diagnostic.Message, diagnostic.Line, diagnostic.Column)));
            }
            // Read the new manifest now, not at the next poll: the reload must carry the new import map.
            _manifest.Refresh();
            _logger.DependencyRebundleDone(clock.ElapsedMilliseconds, result.Bundled ? "bundled" : "up to date");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bundler bug must not take the server down: the pages keep failing on the import, as before.
            _logger.DependencyRebundleProblem($"bundling failed: {e}");
        }
    }
}
