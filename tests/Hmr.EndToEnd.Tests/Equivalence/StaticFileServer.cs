using System.Net;

namespace Hmr.EndToEnd.Tests.Equivalence;

/// <summary>A loopback HTTP server for files under a few URL prefixes, each from its own folder: just enough to load a
/// page and its modules in the browser. Paths that leave their folder are answered 404.</summary>
internal sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly (string Prefix, string Folder)[] _roots;
    private readonly Task _loop;

    public StaticFileServer(params (string Prefix, string Folder)[] roots)
    {
        _roots = [.. roots.OrderByDescending(r => r.Prefix.Length)];
        Port = Infrastructure.WatchProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = Locate(path);
        if (file is null) { response.StatusCode = 404; return; }
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" or ".mjs" or ".cjs" => "text/javascript; charset=utf-8",
            ".json" => "application/json",
            ".css" => "text/css",
            _ => "application/octet-stream",
        };
        response.Headers["Cache-Control"] = "no-store";
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private string? Locate(string path)
    {
        foreach (var (prefix, folder) in _roots)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var root = Path.GetFullPath(folder);
            var full = Path.GetFullPath(Path.Combine(root, path[prefix.Length..]));
            return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
        }
        return null;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
