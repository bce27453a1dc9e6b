using Hmr.Core.Engine;
using Hmr.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Hosting;

/// <summary>One log line per update, reload, prune or error that went out, and the propagation steps at debug.</summary>
internal static class OutcomeLogging
{
    /// <summary>Logs what <paramref name="sent"/> holds. With <paramref name="morphPages"/> (<see cref="HmrOptions.MorphMarkup"/>)
    /// a page's own full-reload is a morph in the client (docs/runtime.md, "Markup edits"), so it is not logged as a reload.</summary>
    public static void LogOutcome(this ILogger logger, UpdateTrace trace, IReadOnlyList<HmrMessage> sent, bool morphPages = false)
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
                        logger.HmrUpdate(entry.Path, Via(entry, trace.ChangedUrls), ms);
                    break;
                case FullReloadMessage { Path: { } page } when morphPages && page.EndsWith(".html", StringComparison.OrdinalIgnoreCase):
                    logger.PageEdited(page);
                    break;
                case FullReloadMessage reload:
                    logger.PageReload(reload.Reason ?? trace.ReloadReason
                        ?? $"{(trace.ChangedUrls.Count > 0 ? string.Join(", ", trace.ChangedUrls) : reload.TriggeredBy ?? reload.Path ?? "*")} changed");
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

    /// <summary>What the update came through when the boundary is not itself what changed: the dependency it accepts, or
    /// (a self-accepting module that imports the change) the changed modules.</summary>
    private static string Via(ModuleUpdate entry, IReadOnlyList<string> changed)
    {
        if (entry.AcceptedPath != entry.Path) return $" (via {entry.AcceptedPath})";
        var through = changed.Where(url => url != entry.Path).ToList();
        return through.Count == 0 || changed.Contains(entry.Path) ? "" : $" (via {string.Join(", ", through)})";
    }
}
