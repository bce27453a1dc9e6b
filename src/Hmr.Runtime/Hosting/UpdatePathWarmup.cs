using System.Net.WebSockets;
using Hmr.Core.Engine;
using Hmr.Runtime.Serving;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hmr.Runtime.Hosting;

/// <summary>Primes the update path after startup, so the developer's first saves are as fast as the hundredth.
/// .NET first runs a method as quickly compiled, unoptimised code, counts its calls, and recompiles it twice on the way
/// to optimised code (instrumented, then final) around its 30th and 60th call, on a background thread. A dev server's
/// update path runs once per save: without priming, a session's first few dozen saves ran slow code and paid for those
/// recompilations on the same cores the browser needed (docs/benchmarks.md, "Save-to-callback latency"). Here a
/// synthetic save goes through the same code (file watcher, engine, broadcast to a socket, module request through the
/// serving middleware) on a scratch web root in the temp folder, with its own engine, socket and middleware: never the
/// app's files, graph, sockets, pipeline or logs.</summary>
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
        var completed = 0;
        DirectoryInfo? root = null;
        try
        {
            root = scratchParent is null
                ? Directory.CreateTempSubdirectory("hmr-warmup-")
                : Directory.CreateDirectory(Path.Combine(scratchParent, "hmr-warmup-" + Guid.NewGuid().ToString("n")));
            await PrimeAsync(root.FullName, () => completed++, stopping);
        }
        catch (Exception)
        {
            // Stopping, or something the scratch setup cannot do on this machine (no writable temp folder, no file
            // events): the warm-up is only an optimisation, and the rounds done so far still count.
        }
        finally
        {
            try { root?.Delete(recursive: true); }
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
        engine.MarkExecuted("/main.js");
        var holder = new HmrEngineHolder();
        holder.Set(engine);

        // A socket that writes its frames nowhere: each frame is still built and written exactly as for a tab.
        using var socket = WebSocket.CreateFromStream(Stream.Null, new WebSocketCreationOptions { IsServer = true });
        var hub = new HmrConnectionHub();
        var connection = new HmrConnection(socket);
        hub.Add(connection, count => WireFormat.Connected("warm-up", count));
        _ = connection.RunWriterAsync(stopping);
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
        using var watcher = new WebRootWatcher(root, engine.Post, _ => { });

        for (var round = 1; round <= Rounds; round++)
        {
            await File.WriteAllTextAsync(dep, Dependency(round), stopping);
            // No event (the machine is swamped, or the watcher fell back to polling): stop, nothing is lost.
            if (!await outcomes.WaitAsync(OutcomeTimeout, stopping)) return;
            await serving.Invoke(ModuleRequest($"/dep.js?t={round}"));
            roundDone();
            await Task.Delay(Pause, stopping);
        }
        hub.Remove(connection);
    }

    private static DefaultHttpContext ModuleRequest(string target)
    {
        var context = new DefaultHttpContext();
        var request = context.Features.Get<IHttpRequestFeature>()!;
        request.Method = HttpMethods.Get;
        request.RawTarget = target;
        var query = target.IndexOf('?');
        request.Path = target[..query];
        request.QueryString = target[query..];
        context.Response.Body = Stream.Null;
        return context;
    }

    private static string Dependency(int round) => $"export const label = 'round {round}';\nimport.meta.hot.accept();\n";
}
