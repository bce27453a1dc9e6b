using System.Net.WebSockets;
using Hmr.Core.Engine;
using Hmr.Runtime.Serving;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hmr.Runtime.Hosting;

/// <summary>Primes the update path after startup, so the developer's first saves are as fast as the hundredth.
/// .NET first runs a method as quickly compiled, unoptimised code, counts its calls, and recompiles it twice on the way
/// to optimised code (instrumented, then final) around its 30th and 60th call, on a background thread. A dev server's
/// update path runs once per save: without priming, a session's first few dozen saves paid for those recompilations on
/// the same cores the browser needed (docs/benchmarks.md, "Save-to-callback latency"). Here a synthetic save goes
/// through the same code: file watcher, engine, broadcast to a WebSocket tab, and the module request through the serving
/// middleware, over a private loopback Kestrel server (<see cref="WarmupServer"/>), on a scratch web root in the temp
/// folder with its own engine: never the app's files, graph, tabs, pipeline or logs.</summary>
internal static class UpdatePathWarmup
{
    // Enough rounds for both recompilations, spread out: calls made while the runtime is still busy compiling startup
    // code are not counted, and each recompilation must finish before the next 30 calls count towards the next one.
    public const int Rounds = 120;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(5);

    private const string MainModule = "import { label } from './dep.js';\n" +
        "import.meta.hot.accept('./dep.js', (next) => show(next.label));\n" +
        "function show(text) { document.title = text; }\nshow(label);\n";

    /// <summary>Runs the rounds in a new folder under <paramref name="scratchParent"/> (default: the temp folder) and
    /// deletes it; returns how many rounds completed.</summary>
    public static async Task<int> RunAsync(CancellationToken stopping, string? scratchParent = null)
    {
        var root = scratchParent is null
            ? Directory.CreateTempSubdirectory("hmr-warmup-")
            : Directory.CreateDirectory(Path.Combine(scratchParent, "hmr-warmup-" + Guid.NewGuid().ToString("n")));
        var completed = 0;
        try
        {
            await PrimeAsync(root.FullName, () => completed++, stopping);
        }
        catch (Exception)
        {
            // Stopping, or something the scratch setup could not do here (no free loopback port, no file events): the
            // warm-up is only an optimisation, and whatever it did so far still counts.
        }
        finally
        {
            try { root.Delete(recursive: true); }
            catch (IOException) { } // a scanner holding a file: the system cleans its temp folder
        }
        return completed;
    }

    private static async Task PrimeAsync(string root, Action roundDone, CancellationToken stopping)
    {
        var dep = Path.Combine(root, "dep.js");
        await File.WriteAllTextAsync(Path.Combine(root, "main.js"), MainModule, stopping);
        await File.WriteAllTextAsync(dep, Dependency(0), stopping);

        using var engine = new HmrEngine(new HmrEngineOptions { WebRootPath = root, SettleWindow = TimeSpan.FromMilliseconds(5) });
        engine.Start();
        // As after a page load: both modules ran, so every round is an update the tab receives.
        engine.MarkExecuted("/main.js");
        engine.MarkExecuted("/dep.js");
        var holder = new HmrEngineHolder();
        holder.Set(engine);

        var hub = new HmrConnectionHub();
        var server = new HmrServer(hub);
        using var outcomes = new SemaphoreSlim(0);
        engine.OutcomeReady += outcome =>
        {
            _ = server.PublishAsync(outcome.Trace.ChangedUrls, outcome.Messages);
            outcomes.Release();
        };

        var webRoot = new HmrWebRoot(root);
        var serving = new ModuleServingMiddleware(_ => Task.CompletedTask, holder, webRoot, new ModuleCache(),
            new ServedModuleResolver(webRoot), NullLogger<ModuleServingMiddleware>.Instance);
        await using var http = await WarmupServer.StartAsync(
            context => context.WebSockets.IsWebSocketRequest ? KeepSocketAsync(context, hub) : serving.Invoke(context), stopping);
        using var client = new HttpClient { BaseAddress = http.Address };
        using var tab = new ClientWebSocket();
        await tab.ConnectAsync(new Uri($"ws://{http.Address.Authority}/socket?key={http.Key}"), stopping);
        var frame = new byte[16 * 1024];
        await ReceiveFrameAsync(tab, frame, stopping); // the greeting
        using var watcher = new WebRootWatcher(root, engine.Post, _ => { });

        for (var round = 1; round <= Rounds; round++)
        {
            await File.WriteAllTextAsync(dep, Dependency(round), stopping);
            // No event (the machine is swamped, or the watcher fell back to polling): stop, nothing is lost.
            if (!await outcomes.WaitAsync(OutcomeTimeout, stopping)) return;
            await ReceiveFrameAsync(tab, frame, stopping);
            using (var response = await client.GetAsync($"/dep.js?t={round}&key={http.Key}", stopping))
                await response.Content.ReadAsByteArrayAsync(stopping);
            roundDone();
            await Task.Delay(Pause, stopping);
        }
        await tab.CloseAsync(WebSocketCloseStatus.NormalClosure, null, stopping);
    }

    /// <summary>The server side of the scratch tab, as the app's socket endpoint does it.</summary>
    private static async Task KeepSocketAsync(HttpContext context, HmrConnectionHub hub)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new HmrConnection(socket);
        hub.Add(connection, count => WireFormat.Connected("warm-up", count));
        var writer = connection.RunWriterAsync(context.RequestAborted);
        try
        {
            var buffer = new byte[1024];
            while ((await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close) { }
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        hub.Remove(connection);
        await writer;
    }

    /// <summary>Waits for the next frame; a frame that does not come in time ends the warm-up (by cancellation).</summary>
    private static async Task ReceiveFrameAsync(WebSocket socket, byte[] buffer, CancellationToken stopping)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        patience.CancelAfter(OutcomeTimeout);
        while (!(await socket.ReceiveAsync(buffer, patience.Token)).EndOfMessage) { }
    }

    private static string Dependency(int round) => $"export const label = 'round {round}';\nimport.meta.hot.accept();\n";
}
