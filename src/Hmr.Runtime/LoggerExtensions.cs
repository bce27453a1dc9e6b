using Microsoft.Extensions.Logging;

namespace Hmr.Runtime;

/// <summary>Every log message of the runtime, source-generated.</summary>
internal static partial class LoggerExtensions
{
    [LoggerMessage(1, LogLevel.Information, "hmr ready: {Modules} modules ({FromArtifact} from the build, {Analysed} analysed) in {Milliseconds} ms, web root {WebRoot}")]
    public static partial void HmrReady(this ILogger logger, int modules, int fromArtifact, int analysed, long milliseconds, string webRoot);

    [LoggerMessage(2, LogLevel.Information, "hmr build graph not used: {Problem}")]
    public static partial void ArtifactProblem(this ILogger logger, string problem);

    [LoggerMessage(3, LogLevel.Information, "hmr update {Boundary}{Via} in {Milliseconds} ms")]
    public static partial void HmrUpdate(this ILogger logger, string boundary, string via, long milliseconds);

    [LoggerMessage(4, LogLevel.Information, "page reload: {Reason}")]
    public static partial void PageReload(this ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Debug, "hmr propagation: {Step}")]
    public static partial void PropagationStep(this ILogger logger, string step);

    [LoggerMessage(6, LogLevel.Warning, "hmr error in {File}: {Message}")]
    public static partial void ModuleError(this ILogger logger, string file, string message);

    [LoggerMessage(7, LogLevel.Warning, "hmr file watcher error, rescanning the web root: {Message}")]
    public static partial void WatcherError(this ILogger logger, string message);

    [LoggerMessage(8, LogLevel.Debug, "hmr module request {Path} passed on: {Reason}")]
    public static partial void ModulePassedOn(this ILogger logger, string path, string reason);

    [LoggerMessage(9, LogLevel.Warning, "hmr refused request {Path}: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, string path, string reason);

    [LoggerMessage(10, LogLevel.Debug, "hmr served {Url} ({Status})")]
    public static partial void ModuleServed(this ILogger logger, string url, int status);

    [LoggerMessage(11, LogLevel.Warning, "hmr socket refused: {Reason}")]
    public static partial void SocketRefused(this ILogger logger, string reason);

    [LoggerMessage(12, LogLevel.Debug, "hmr socket connected ({Count} open)")]
    public static partial void SocketConnected(this ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Debug, "hmr socket closed ({Count} open)")]
    public static partial void SocketClosed(this ILogger logger, int count);

    [LoggerMessage(14, LogLevel.Information, "hmr invalidate {Url}: {Message}")]
    public static partial void Invalidated(this ILogger logger, string url, string message);

    [LoggerMessage(15, LogLevel.Debug, "hmr injected the client into {Path}")]
    public static partial void HtmlInjected(this ILogger logger, string path);

    [LoggerMessage(16, LogLevel.Error, "hmr failed to handle {What}")]
    public static partial void Failure(this ILogger logger, Exception exception, string what);

    [LoggerMessage(17, LogLevel.Debug, "hmr not enabled: {Reason}")]
    public static partial void NotEnabled(this ILogger logger, string reason);

    [LoggerMessage(18, LogLevel.Information, "hmr prune {Paths}")]
    public static partial void Pruned(this ILogger logger, string paths);

    [LoggerMessage(19, LogLevel.Information, "hmr dependencies: {Imports} import map entries, {Files} files, from {File}")]
    public static partial void DependenciesLoaded(this ILogger logger, int imports, int files, string file);

    [LoggerMessage(20, LogLevel.Debug, "hmr dependencies: none ({Reason})")]
    public static partial void DependencyManifestMissing(this ILogger logger, string reason);

    [LoggerMessage(21, LogLevel.Warning, "hmr dependencies: none: {Problem}")]
    public static partial void DependencyManifestProblem(this ILogger logger, string problem);

    [LoggerMessage(22, LogLevel.Debug, "hmr served dependency {Url} ({Status})")]
    public static partial void DependencyServed(this ILogger logger, string url, int status);

    [LoggerMessage(23, LogLevel.Debug, "hmr dependency request {Path} refused: {Reason}")]
    public static partial void DependencyRefused(this ILogger logger, string path, string reason);

    [LoggerMessage(24, LogLevel.Warning, "hmr could not add the dependencies to the import map of {Path}: {Reason}")]
    public static partial void ImportMapNotMerged(this ILogger logger, string path, string reason);

    [LoggerMessage(40, LogLevel.Information, "hmr bundling dependencies in the background: new bare import {Specifier} in {Url}")]
    public static partial void DependencyRebundleStarted(this ILogger logger, string specifier, string url);

    [LoggerMessage(41, LogLevel.Information, "hmr dependencies re-bundled in {Milliseconds} ms ({Outcome}); pages that import a changed dependency reload")]
    public static partial void DependencyRebundleDone(this ILogger logger, long milliseconds, string outcome);

    [LoggerMessage(42, LogLevel.Warning, "hmr dependency problem: {Problem}")]
    public static partial void DependencyRebundleProblem(this ILogger logger, string problem);

    [LoggerMessage(43, LogLevel.Debug, "hmr does not bundle new dependencies while running: {Reason}")]
    public static partial void DependencyRebundleOff(this ILogger logger, string reason);

    [LoggerMessage(50, LogLevel.Warning, "hmr syntax error in {Url}:{Line}:{Column}: {Message}")]
    public static partial void ModuleRejectedByParser(this ILogger logger, string url, int line, int column, string message);

    [LoggerMessage(51, LogLevel.Debug, "hmr does not check modules with the full parser: {Reason}")]
    public static partial void SyntaxCheckUnavailable(this ILogger logger, string reason);

    [LoggerMessage(44, LogLevel.Information, "hmr dependencies: {File} changed, bundling again in the background")]
    public static partial void DependencyInputsChanged(this ILogger logger, string file);

    [LoggerMessage(45, LogLevel.Information, "hmr dependencies: a file of {Package} changed ({File}), bundling again in the background")]
    public static partial void DependencyPackageFileChanged(this ILogger logger, string package, string file);

    [LoggerMessage(46, LogLevel.Information, "page edited: {Page} (morphed into the tabs showing it; reloaded where a morph is not safe)")]
    public static partial void PageEdited(this ILogger logger, string page);
}
