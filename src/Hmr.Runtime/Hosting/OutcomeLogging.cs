using Hmr.Core.Engine;
using Hmr.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Hosting;

/// <summary>One log line per update, reload, prune or error that went out, and the propagation steps at debug.</summary>
internal static class OutcomeLogging
{
    public static void LogOutcome(this ILogger logger, UpdateTrace trace, IReadOnlyList<HmrMessage> sent)
    {
        var ms = (long)Math.Round(trace.Elapsed.TotalMilliseconds);
        // A batch that threw: its error overlay already went out; the log gets the exception itself, at Error.
        if (trace.Failure is { } failure) logger.Failure(failure, "a batch of file changes");
        foreach (var message in sent)
        {
            switch (message)
            {
                case UpdateMessage update:
                    foreach (var entry in update.Updates)
                        logger.HmrUpdate(entry.Path, entry.AcceptedPath == entry.Path ? "" : $" (via {entry.AcceptedPath})", ms);
                    break;
                case FullReloadMessage reload:
                    logger.PageReload(trace.ChangedUrls.Count > 0 ? string.Join(", ", trace.ChangedUrls) : reload.TriggeredBy ?? reload.Path ?? "*",
                        trace.ReloadReason ?? "full reload");
                    break;
                case PruneMessage prune:
                    logger.Pruned(string.Join(", ", prune.Paths));
                    break;
                case ErrorMessage error when trace.Failure is null:
                    logger.ModuleError(error.Err.Loc is { } loc ? $"{loc.File}:{loc.Line}:{loc.Column}" : error.Err.Id, error.Err.Message);
                    break;
            }
        }
        if (logger.IsEnabled(LogLevel.Debug))
            foreach (var step in trace.Detail) logger.PropagationStep(step);
    }
}
