using Hmr.Core.Engine;
using Hmr.Core.Protocol;
using Hmr.Runtime.Serving;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Hosting;

/// <summary>Owns the engine for the app's lifetime: warm start from the build's graph, file events in, one ordered
/// stream of outcomes out to every browser, one log line per update.</summary>
internal sealed class HmrHostedService(
    IHmrEngineFactory factory,
    HmrEngineHolder holder,
    HmrWebRoot webRoot,
    HmrServer server,
    Dependencies.DependencyManifestSource dependencies,
    Dependencies.DependencyRebundler rebundler,
    IOptions<HmrOptions> options,
    IWebHostEnvironment environment,
    ILogger<HmrHostedService> logger) : IHostedService, IDisposable
{
    private IHmrEngine? _engine;
    private WebRootWatcher? _watcher;
    private Dependencies.LockFileWatcher? _lockFiles;
    private Dependencies.PackageFilePoller? _packageFiles;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment()) { logger.NotEnabled("the environment is not Development"); return Task.CompletedTask; }
        if (!Directory.Exists(webRoot.FullPath)) { logger.NotEnabled($"the web root {webRoot.FullPath} does not exist"); return Task.CompletedTask; }

        var settle = TimeSpan.FromMilliseconds(Math.Max(1, options.Value.SettleMilliseconds));
        _engine = factory.Create(new HmrEngineSettings(webRoot.FullPath, webRoot.GraphFile, settle, webRoot.Name,
            () => dependencies.Current.Provided));
        WarmStartReport report;
        try
        {
            report = _engine.Start();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // HMR is a convenience: a web root it cannot read must not stop the app.
            logger.Failure(e, "the web root; hot module replacement is off");
            _engine.Dispose();
            _engine = null;
            return Task.CompletedTask;
        }
        if (report.ArtifactProblem is { } problem) logger.ArtifactProblem(problem);
        logger.HmrReady(report.ModulesFromArtifact + report.ModulesAnalysed, report.ModulesFromArtifact, report.ModulesAnalysed,
            (long)report.Elapsed.TotalMilliseconds, webRoot.FullPath);

        _engine.OutcomeReady += Publish;
        dependencies.ImportsChanged += OnDependenciesChanged;
        dependencies.StartWatching();
        _watcher = new WebRootWatcher(webRoot.FullPath, Post, e => logger.WatcherError(e.Message));
        if (rebundler.CanRun)
        {
            _lockFiles = new Dependencies.LockFileWatcher(webRoot.ProjectDirectory, rebundler.LockFileChanged);
            _packageFiles = new Dependencies.PackageFilePoller(dependencies, webRoot.ProjectDirectory, rebundler.PackageFileChanged);
        }
        holder.Set(_engine);
        return Task.CompletedTask;
    }

    /// <summary>The build rewrote the dependency manifest: pages running a module whose dependency moved reload
    /// (docs/dependencies.md, "Keeping it current").</summary>
    private void OnDependenciesChanged(Dependencies.ServedDependencies manifest)
    {
        try
        {
            if (_engine is { } engine && engine.RefreshImportMap() is { Messages.Count: > 0 } outcome) Publish(outcome);
        }
        catch (ObjectDisposedException) { }
    }

    private void Post(FileChange change)
    {
        try { _engine?.Post(change); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Runs on the engine's batch thread, which raises outcomes one at a time and in order: broadcasting right
    /// there keeps that order without another queue, and saves the update a thread hop. An application filter that
    /// really awaits holds the next batch back until it is done.</summary>
    private void Publish(EngineOutcome outcome)
    {
        try
        {
            var publishing = server.PublishAsync(outcome.Trace.ChangedUrls, outcome.Messages);
            var sent = publishing.IsCompletedSuccessfully ? publishing.Result : publishing.AsTask().GetAwaiter().GetResult();
            logger.LogOutcome(outcome.Trace, sent, options.Value.MorphMarkup);
            if (_engine is { } engine && outcome.Trace.ChangedUrls.Count > 0) rebundler.Consider(engine, outcome);
        }
        catch (Exception e)
        {
            logger.Failure(e, "an update");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _lockFiles?.Dispose();
        _packageFiles?.Dispose();
        if (_engine is not null) _engine.OutcomeReady -= Publish;
        dependencies.ImportsChanged -= OnDependenciesChanged;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _lockFiles?.Dispose();
        _packageFiles?.Dispose();
        holder.Set(null);
        _engine?.Dispose();
    }
}
