using System.Net.WebSockets;
using System.Runtime;
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
/// recompilations on the same cores the browser needed (docs/benchmarks.md, "Save-to-callback latency"). Here synthetic
/// saves go through the same code (file watcher, engine, broadcast to a socket, module request through the serving
/// middleware) on a scratch web root in the temp folder, with its own engine, socket and middleware: never the app's
/// files, graph, sockets, pipeline or logs. Each round saves the two shapes an edit usually has: a plain module
/// accepted by its importer, and a module that accepts itself (served with the hot context injected).</summary>
internal static class UpdatePathWarmup
{
    // The runtime counts calls only once no new method has been compiled anywhere for 100 ms, so a fixed number of
    // rounds could end before the recompilations it exists for (the app's startup, or the first page load, keeps the
    // runtime compiling). Instead the rounds go on until they stop causing compilations: a quiet stretch longer than
    // that delay plus 30 counted calls means every method they run has reached its final code.
    public const int MinimumRounds = 60;
    public const int QuietRounds = 50;
    public const int MaximumRounds = 600;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(5);

    private const string MainModule = "import { label } from './dep.js';\n" +
        "import { count } from './counter.js';\n" +
        "import.meta.hot.accept('./dep.js', (next) => show(next.label, count));\n" +
        "function show(text, n) { document.title = text + n; }\nshow(label, count);\n";

    /// <summary>Runs the rounds in a new folder under <paramref name="scratchParent"/> (default: the temp folder) and
    /// deletes it; returns how many rounds completed. <paramref name="compiledMethods"/> reads the runtime's count of
    /// compiled methods (a test gives its own); <paramref name="maximumRounds"/> caps the rounds when it never stays
    /// still.</summary>
    public static async Task<int> RunAsync(CancellationToken stopping, string? scratchParent = null,
        Func<long>? compiledMethods = null, int maximumRounds = MaximumRounds)
    {
        var completed = 0;
        DirectoryInfo? root = null;
        try
        {
            root = scratchParent is null
                ? Directory.CreateTempSubdirectory("hmr-warmup-")
                : Directory.CreateDirectory(Path.Combine(scratchParent, "hmr-warmup-" + Guid.NewGuid().ToString("n")));
            await PrimeAsync(root.FullName, compiledMethods ?? (() => JitInfo.GetCompiledMethodCount()), maximumRounds,
                () => completed++, stopping);
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

    private static async Task PrimeAsync(string root, Func<long> compiledMethods, int maximumRounds, Action roundDone,
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
            new ServedModuleResolver(webRoot), NullLogger<ModuleServingMiddleware>.Instance);
        using var watcher = new WebRootWatcher(root, engine.Post, _ => { });

        var (quietSince, compiled) = (0, compiledMethods());
        for (var round = 1; round <= maximumRounds; round++)
        {
            // No event (the machine is swamped, or the watcher fell back to polling): stop, nothing is lost.
            if (!await SaveAndServeAsync(dep, Dependency(round), $"/dep.js?t={round}")) return;
            if (!await SaveAndServeAsync(counter, SelfAccepting(round), $"/counter.js?t={round}")) return;
            roundDone();
            // Measured from the end of one round to the end of the next, so compilations during the pause count too.
            var compiledNow = compiledMethods();
            if (compiledNow != compiled) (quietSince, compiled) = (round, compiledNow);
            if (round >= MinimumRounds && round - quietSince >= QuietRounds) break;
            await Task.Delay(Pause, stopping);
        }
        hub.Remove(connection);

        async Task<bool> SaveAndServeAsync(string file, string text, string target)
        {
            await File.WriteAllTextAsync(file, text, stopping);
            if (!await outcomes.WaitAsync(OutcomeTimeout, stopping)) return false;
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
