using System.Net;
using System.Net.Sockets;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>`dotnet watch run --non-interactive` on a web project, bound to 127.0.0.1:port, as a user runs it
/// (Development, no browser launched, standard input at end of file), or another <see cref="AppLaunch"/> (a plain
/// `dotnet run`, another environment). Stopped by killing its process tree.</summary>
public sealed class WatchProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly ChildProcess child;

    private WatchProcess(ChildProcess child, int port)
    {
        this.child = child;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool HasExited => child.HasExited;

    public string Output => child.Output;

    public string Tail(int chars = 6000) => child.Tail(chars);

    /// <summary>Starts dotnet watch and waits until <paramref name="probePath"/> answers 200.</summary>
    public static async Task<WatchProcess> StartAsync(string projectDirectory, int port, string probePath, TimeSpan timeout, AppLaunch? launch = null)
    {
        launch ??= AppLaunch.DotnetWatch;
        var env = new Dictionary<string, string>
        {
            ["DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER"] = "1",
            ["ASPNETCORE_ENVIRONMENT"] = launch.Environment,
        };
        foreach (var (key, value) in launch.Settings ?? new Dictionary<string, string>()) env[key] = value;
        string[] command = launch.PublishedAssembly is { } published ? [published]
            : launch.Watch ? ["watch", "run", "--non-interactive", "--project", projectDirectory, "--"]
            : ["run", "--no-build", "--no-launch-profile", "-c", launch.Configuration, "--project", projectDirectory, "--"];
        // A published app's content root (and web root) is the folder it runs in.
        var workingDirectory = launch.PublishedAssembly is { } assembly ? Path.GetDirectoryName(assembly)! : projectDirectory;
        var child = ChildProcess.Start(workingDirectory, env, [.. command, "--urls", $"http://127.0.0.1:{port}"]);
        var watch = new WatchProcess(child, port);
        try
        {
            await watch.WaitUntilAnsweringAsync(probePath, timeout);
            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(string probePath, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var url = BaseUrl + probePath;
        while (true)
        {
            if (child.HasExited) throw new InvalidOperationException($"dotnet watch exited before {url} answered:\n{child.Tail()}");
            try
            {
                using var response = await Http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not answer 200 within {timeout}; dotnet watch said:\n{child.Tail()}");
            await Task.Delay(250);
        }
    }

    /// <summary>A port free on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until nothing listens on the port any more (after a kill, before a restart on the same port).</summary>
    public static async Task WaitForPortFreeAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public void Dispose() => child.Dispose();
}
