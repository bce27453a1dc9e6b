using System.Net.Sockets;
using System.Text;
using Hmr.Core.Engine;
using Hmr.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Tests.Infrastructure;

/// <summary>A real Kestrel app on 127.0.0.1 with a temporary content root and web root.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, string root, Uri address)
    {
        App = app;
        Root = root;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }
    public string Root { get; }
    public string WebRoot => Path.Combine(Root, "wwwroot");
    public Uri Address { get; }
    public HttpClient Http { get; }
    public IHmrEngine Engine => App.Services.GetRequiredService<HmrEngineHolder>().Engine ?? throw new InvalidOperationException("no engine");

    public static async Task<TestApp> StartAsync(
        IDictionary<string, string> files,
        string environment = "Development",
        bool addHmr = true,
        string[]? args = null,
        Action<WebApplication>? configure = null,
        Action<string>? prepare = null,
        Action<WebApplicationBuilder>? build = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "hmr-runtime-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path.Combine(root, "wwwroot"));
        foreach (var (path, content) in files) Write(root, path, content);
        prepare?.Invoke(root);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = root,
            WebRootPath = Path.Combine(root, "wwwroot"),
            Args = args ?? [],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Hmr:SettleMilliseconds"] = "20";
        if (addHmr) builder.Services.AddHmr();
        build?.Invoke(builder);
        var app = builder.Build();
        if (configure is not null) configure(app);
        else
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, root, new Uri(address));
    }

    public static void Write(string root, string relativePath, string content)
    {
        var full = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Writes a file of the web root and hands the change to the engine at once (no settle window). The app's
    /// own file watcher sees the write too and, on a busy machine, may take it first: then the engine finds the content
    /// unchanged here, and the outcome returned is the one the watcher's batch raised.</summary>
    public EngineOutcome Edit(string webRootPath, string content)
    {
        var raised = new System.Collections.Concurrent.BlockingCollection<EngineOutcome>();
        void Collect(EngineOutcome outcome) => raised.Add(outcome);
        Engine.OutcomeReady += Collect;
        try
        {
            Write(Root, "wwwroot/" + webRootPath, content);
            var applied = Engine.ApplyChanges([new FileChange(Path.Combine(WebRoot, webRootPath.Replace('/', Path.DirectorySeparatorChar)), FileChangeKind.Changed)]);
            var takenByWatcher = applied.Messages.Count == 0 && applied.Trace.Detail.Any(d => d.Contains("content unchanged", StringComparison.Ordinal));
            return takenByWatcher && raised.TryTake(out var fromWatcher, TimeSpan.FromSeconds(5)) ? fromWatcher : applied;
        }
        finally
        {
            Engine.OutcomeReady -= Collect;
        }
    }

    /// <summary>Sends a request target verbatim (HttpClient would normalize dots and backslashes).</summary>
    public async Task<(int Status, string Response)> RawGetAsync(string target, string? host = null, string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host ?? Address.Authority}\r\nConnection: close\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? "";
        var status = statusLine.Length > 12 && int.TryParse(statusLine.AsSpan(9, 3), out var code) ? code : 0;
        if (status == 101) return (status, statusLine); // a WebSocket now: nothing more to read
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return (status, statusLine + "\n" + rest);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
