using System.Diagnostics;
using System.Text.Json;

namespace Hmr.EndToEnd.Tests.Equivalence;

/// <summary>Vite 7's dev server (tests/Hmr.EndToEnd.Tests/vite, installed by test.sh) over a folder, on a loopback
/// port, with its dependency optimizer told exactly which specifiers to pre-bundle: the reference our bundles are
/// compared with. Stopped with its whole process tree.</summary>
internal sealed class ViteDevServer : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ViteDevServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public string Output { get { lock (_output) return string.Join("\n", _output); } }

    public static string ViteScript => Path.Combine(Infrastructure.RepoPackage.RepoRoot, "tests", "Hmr.EndToEnd.Tests", "vite", "node_modules", "vite", "bin", "vite.js");

    public static async Task<ViteDevServer> StartAsync(string root, IEnumerable<string> optimize)
    {
        if (!File.Exists(ViteScript))
            throw new InvalidOperationException($"{ViteScript} is missing: run ./test.sh (it runs npm ci in tests/Hmr.EndToEnd.Tests/vite)");
        var port = Infrastructure.WatchProcess.FreePort();
        var config = new
        {
            root,
            cacheDir = Path.Combine(root, ".vite-cache"),
            clearScreen = false,
            server = new { host = "127.0.0.1", port, strictPort = true, hmr = false },
            // Exactly these, found by no crawl: nothing is optimized later, so no page reloads while it is read.
            optimizeDeps = new { include = optimize.ToArray(), noDiscovery = true },
        };
        var configFile = Path.Combine(root, "vite.config.mjs");
        File.WriteAllText(configFile, $"export default {JsonSerializer.Serialize(config)};\n");
        var start = new ProcessStartInfo("node", [ViteScript, "--config", configFile]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        var server = new ViteDevServer(Process.Start(start)!, port);
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"Vite exited ({server._process.ExitCode}):\n{server.Output}");
            try
            {
                using var _ = await http.GetAsync(server.Url("/")); // any answer: it listens
                break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Vite did not answer:\n{server.Output}");
            await Task.Delay(200);
        }
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
