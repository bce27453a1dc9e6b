using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Hosting;

/// <summary>The warm-up's module requests sent to the app itself over a loopback connection, with a browser's module
/// request headers, through <see cref="WarmUpRoute"/> to the warm-up's scratch modules. A save's module request spends
/// most of its server time in Kestrel (connection, header parsing, response writing) and the hosting layer, code that
/// otherwise gets recompiled during the developer's first saves; measured on the demo, warming it this way took 0.9 ms
/// off the first saves' median, against serving the same requests in process (docs/benchmarks.md, "Run 5").</summary>
internal sealed class LoopbackModuleRequests : IDisposable
{
    private readonly HttpClient _client;
    private readonly WarmUpRoute _route;
    private string _secret = "";

    private LoopbackModuleRequests(Uri origin, WarmUpRoute route)
    {
        _route = route;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            // Only ever our own server on a loopback address (chosen in PickOrigin): its development certificate
            // need not be trusted by this machine for the warm-up to work.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        _client = new HttpClient(handler)
        {
            BaseAddress = origin,
            Timeout = TimeSpan.FromSeconds(5),
            // What a browser speaks to Kestrel: HTTP/2 over TLS, HTTP/1.1 in the clear.
            DefaultRequestVersion = origin.Scheme == Uri.UriSchemeHttps ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        var headers = _client.DefaultRequestHeaders;
        headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Hmr.Build-warm-up");
        headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        headers.Referrer = new Uri(origin, "/");
        headers.Add("Sec-Fetch-Dest", "script");
        headers.Add("Sec-Fetch-Mode", "cors");
        headers.Add("Sec-Fetch-Site", "same-origin");
    }

    /// <summary>Requests to the app at one of <paramref name="serverAddresses"/>, or null when none can be reached on
    /// loopback (a Unix socket, a named pipe, or a binding to a specific non-loopback address only).</summary>
    public static LoopbackModuleRequests? TryCreate(IEnumerable<string> serverAddresses, WarmUpRoute route) =>
        PickOrigin(serverAddresses) is { } origin ? new LoopbackModuleRequests(origin, route) : null;

    /// <summary>The loopback origin for the server's bound addresses, preferring plain HTTP.</summary>
    internal static Uri? PickOrigin(IEnumerable<string> serverAddresses)
    {
        Uri? https = null;
        foreach (var address in serverAddresses)
        {
            BindingAddress binding;
            try { binding = BindingAddress.Parse(address); }
            catch (FormatException) { continue; }
            if (binding.IsUnixPipe || binding.IsNamedPipe || binding.Port <= 0) continue;
            var host = binding.Host.Trim('[', ']') switch
            {
                "localhost" or "127.0.0.1" or "0.0.0.0" or "*" or "+" or "::" => "127.0.0.1",
                "::1" => "[::1]",
                _ => null, // bound to a specific address: it may not be reachable as loopback, and its name is no loopback host
            };
            if (host is null) continue;
            var origin = new Uri($"{binding.Scheme}://{host}:{binding.Port}");
            if (binding.Scheme == Uri.UriSchemeHttp) return origin;
            if (binding.Scheme == Uri.UriSchemeHttps) https ??= origin;
        }
        return https;
    }

    /// <summary>Why sending requests to the app would show up where the developer looks, or null when it would not:
    /// request logging at Information, or a tracer listening to ASP.NET Core (an APM agent, OpenTelemetry, the Aspire
    /// dashboard). The warm-up then serves its modules in process instead.</summary>
    public static string? WouldBeSeen(ILoggerFactory loggers, DiagnosticListener? aspNetCoreDiagnostics)
    {
        if (loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information))
            return "requests are logged";
        using var source = new ActivitySource("Microsoft.AspNetCore");
        if (source.HasListeners() || aspNetCoreDiagnostics?.IsEnabled() == true) return "requests are traced";
        return null;
    }

    /// <summary>Routes this instance's requests to <paramref name="serve"/> until the result is disposed.</summary>
    public IDisposable Open(RequestDelegate serve) => _route.Open(serve, out _secret);

    /// <summary>Gets the scratch module at <paramref name="target"/> (its URL and query); false when the answer was not
    /// that module (a host filter, a middleware ahead of HMR that answers itself, a failed connection).</summary>
    public async Task<bool> GetAsync(string target, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WarmUpRoute.Prefix + target);
        request.Headers.Add(WarmUpRoute.SecretHeader, _secret);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stopping);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/javascript")
                return false;
            await response.Content.CopyToAsync(Stream.Null, stopping);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !stopping.IsCancellationRequested))
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
