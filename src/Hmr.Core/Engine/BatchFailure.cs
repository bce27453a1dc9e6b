using Hmr.Core.Protocol;

namespace Hmr.Core.Engine;

/// <summary>The outcome of a batch whose processing threw (a bug in the engine or the analyzer): no update, an error
/// overlay in the pages naming the files, and the exception for the host's error log. The next batch starts afresh.</summary>
internal static class BatchFailure
{
    public static EngineOutcome Outcome(IReadOnlyCollection<FileChange> batch, Exception exception)
    {
        var files = string.Join(", ", batch.Select(c => Path.GetFileName(c.FullPath)).Distinct().Take(5));
        var message = $"[hmr] internal error while handling changes to {files}: {exception.GetType().Name}: {exception.Message}. " +
                      "The page was not updated; save again or reload. Please report this with the server log.";
        var error = new HmrError(message, exception.ToString(), files, null, null);
        return new EngineOutcome([new ErrorMessage(error)], UpdateTrace.Empty with { Failure = exception, Detail = [$"batch failed: {exception}"] });
    }
}
