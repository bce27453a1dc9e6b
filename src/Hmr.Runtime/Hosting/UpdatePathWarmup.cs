using System.Net.WebSockets;
using Hmr.Core.Engine;
using Hmr.Runtime.Serving;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hmr.Runtime.Hosting;

/// <summary>Primes the update path after startup, so the developer's first saves are as fast as the hundredth.
/// .NET first runs a method as quickly compiled, unoptimised code, counts its calls, and recompiles it optimised around
/// its 30th call (with tiered PGO, twice: instrumented, then final, around the 30th and 60th), on a background thread.
/// A dev server's update path runs once per save: without priming, a session's first few dozen saves ran slow code and
/// paid for those recompilations on the same cores the browser needed (docs/benchmarks.md, "Save-to-callback
/// latency"). Here synthetic saves go through the same code (file watcher, engine, broadcast to a socket, module
/// requests served by the serving middleware) on a scratch web root in the temp folder, with its own engine, socket and
/// middleware instance: never the app's files, graph or tabs. The module requests travel over a loopback connection
/// through the app's server when <see cref="LoopbackModuleRequests"/> allows it. Each round saves the two shapes an
/// edit usually has: a plain module accepted by its importer, and a module that accepts itself (served with the hot
/// context injected).</summary>
internal static class UpdatePathWarmup
{
    // Enough rounds for the recompilations, spread out: calls made while the runtime is still busy compiling startup
    // code are not counted, and each recompilation must finish before the next 30 calls count towards the next one.
    // (Waiting instead until the rounds stop causing compilations was tried: in a live app, with the HTTP client's
    // own code tiering up beside the server's, that never happened within 300 rounds.)
    public const int Rounds = 120;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(5);

    private const string MainModule = "import { label } from './dep.js';\n" +
        "import { count } from './counter.js';\n" +
        "import.meta.hot.accept('./dep.js', (next) => show(next.label, count));\n" +
        "function show(text, n) { document.title = text + n; }\nshow(label, count);\n";

    /// <summary>Runs the rounds in a new folder under <paramref name="scratchParent"/> (default: the temp folder) and
    /// deletes it. The module requests go over <paramref name="loopback"/> when given (until one fails), else straight
    /// to a serving middleware instance.</summary>
    public static async Task<WarmUpResult> RunAsync(CancellationToken stopping, string? scratchParent = null,
        LoopbackModuleRequests? loopback = null)
    {
        var result = new WarmUpResult();
        DirectoryInfo? root = null;
        try
        {
            root = scratchParent is null
                ? Directory.CreateTempSubdirectory("hmr-warmup-")
                : Directory.CreateDirectory(Path.Combine(scratchParent, "hmr-warmup-" + Guid.NewGuid().ToString("n")));
            await PrimeAsync(root.FullName, loopback, result, stopping);
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
        return result;
    }

    private static async Task PrimeAsync(string root, LoopbackModuleRequests? loopback, WarmUpResult result,
        CancellationToken stopping)
    {
        var dep = Path.Combine(root, "dep.js");
        var counter = Path.Combine(root, "counter.js");
        await File.WriteAllTextAsync(Path.Combine(root, "main.js"), MainModule, stopping);
        await File.WriteAllTextAsync(dep, Dependency(0), stopping);
        await File.WriteAllTextAsync(counter, SelfAccepting(0), stopping);

        using var engine = new HmrEngine(new HmrEngineOptions { WebRootPath = root, SettleWindow = TimeSpan.FromMilliseconds(5) });
        engine.Start();
        foreach (var url in new[] { "/main.js", "/dep.js", "/counter.js" }) engine.MarkExecuted(url);
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
            NullLogger<ModuleServingMiddleware>.Instance);
        using var watcher = new WebRootWatcher(root, engine.Post, _ => { });
        using var route = loopback?.Open(serving.Invoke);

        for (var round = 1; round <= Rounds; round++)
        {
            // No event (the machine is swamped, or the watcher fell back to polling): stop, nothing is lost.
            if (!await SaveAndServeAsync(dep, Dependency(round), $"/dep.js?t={round}")) return;
            if (!await SaveAndServeAsync(counter, SelfAccepting(round), $"/counter.js?t={round}")) return;
            result.Rounds++;
            await Task.Delay(Pause, stopping);
        }
        hub.Remove(connection);

        async Task<bool> SaveAndServeAsync(string file, string text, string target)
        {
            await File.WriteAllTextAsync(file, text, stopping);
            if (!await outcomes.WaitAsync(OutcomeTimeout, stopping)) return false;
            if (loopback is not null && !result.LoopbackFailed)
            {
                if (await loopback.GetAsync(target, stopping)) { result.LoopbackRequests++; return true; }
                result.LoopbackFailed = true;
            }
            await serving.Invoke(ModuleRequest(target));
            return true;
        }
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

    private static string Dependency(int round) => $"export const label = 'round {round}';\n";

    private static string SelfAccepting(int round) => $"export let count = {round};\nimport.meta.hot.accept();\n";
}

/// <summary>What a warm-up did: its rounds, how many module requests went over the loopback connection, and whether one
/// failed (the rest were then served in process).</summary>
internal sealed class WarmUpResult
{
    public int Rounds { get; set; }
    public int LoopbackRequests { get; set; }
    public bool LoopbackFailed { get; set; }
}
