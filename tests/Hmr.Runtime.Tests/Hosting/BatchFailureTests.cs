using System.Collections.Concurrent;
using Hmr.Core.Engine;
using Hmr.Core.Analysis;
using Hmr.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Tests.Hosting;

/// <summary>A batch whose processing throws (a bug) is not hidden: the exception is logged at Error, the pages get an
/// error overlay, and the next save is handled as usual.</summary>
[TestClass]
public sealed class BatchFailureTests
{
    [TestMethod]
    public async Task A_throwing_batch_is_logged_as_an_error_and_shown_in_the_pages_then_the_next_save_works()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string>
            {
                ["wwwroot/index.html"] = "<!doctype html><html><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
                ["wwwroot/js/main.js"] = "export let n = 1;\nimport.meta.hot.accept();\n",
            },
            build: builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.Services.AddSingleton<IHmrEngineFactory>(new FaultyAnalyzerFactory());
            });
        await app.Http.GetStringAsync("/js/main.js");
        await using var client = await SocketClient.ConnectAsync(app);
        await client.ReceiveTypeAsync("connected");

        TestApp.Write(app.Root, "wwwroot/js/main.js", "export let n = 2; // trips the analyzer\nimport.meta.hot.accept();\n");

        var error = (await client.ReceiveTypeAsync("error")).GetProperty("err");
        StringAssert.Contains(error.GetProperty("message").GetString(), "internal error while handling changes to main.js");
        StringAssert.Contains(error.GetProperty("message").GetString(), "analyzer bug");
        // The pages are told first, the log line follows on the same thread.
        for (var i = 0; i < 100 && !logs.Entries.Any(e => e.Exception is not null); i++) await Task.Delay(50);
        // (One save can raise two file events far enough apart to make two batches, each failing on its own.)
        var logged = logs.Entries.Where(e => e.Exception is not null).ToList();
        Assert.IsTrue(logged.Count > 0 && logged.All(e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException),
            string.Join("\n", logs.Entries));

        TestApp.Write(app.Root, "wwwroot/js/main.js", "export let n = 3;\nimport.meta.hot.accept();\n");
        var update = await client.ReceiveTypeAsync("update");
        Assert.AreEqual("/js/main.js", update.GetProperty("updates")[0].GetProperty("path").GetString());
    }

    /// <summary>The product's engine with an analyzer that throws on one marked content.</summary>
    private sealed class FaultyAnalyzerFactory : IHmrEngineFactory
    {
        public IHmrEngine Create(HmrEngineSettings settings) => new HmrEngine(new HmrEngineOptions
        {
            WebRootPath = settings.WebRoot,
            SettleWindow = settings.Settle,
            Analyzer = new FaultyAnalyzer(new WebRootModuleAnalyzer(settings.WebRoot)),
        });
    }

    private sealed class FaultyAnalyzer(IModuleAnalyzer inner) : IModuleAnalyzer
    {
        public AnalysedModule Analyze(string url, string fullPath, string content, string hash, long size) =>
            content.Contains("trips the analyzer", StringComparison.Ordinal)
                ? throw new InvalidOperationException("analyzer bug")
                : inner.Analyze(url, fullPath, content, hash, size);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
