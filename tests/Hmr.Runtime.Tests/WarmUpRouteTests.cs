using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hmr.Runtime.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Tests;

/// <summary>The warm-up's loopback requests: its route is shut to anyone without the run's secret, it picks a
/// reachable loopback origin, and it stays in process whenever its requests would show up in logs or traces.</summary>
[TestClass]
public sealed class WarmUpRouteTests
{
    private static readonly Dictionary<string, string> Site = new() { ["wwwroot/index.html"] = "<!doctype html><p>hi</p>" };

    [TestMethod]
    public async Task The_route_is_a_404_without_a_warm_up_or_without_its_secret()
    {
        await using var app = await TestApp.StartAsync(Site);
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_hmr/warm-up/dep.js?t=1")).StatusCode);

        string? seen = null;
        var open = app.App.Services.GetRequiredService<WarmUpRoute>().Open(context =>
        {
            seen = context.Request.Path + " " + context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            return context.Response.WriteAsync("served");
        }, out var secret);

        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_hmr/warm-up/dep.js?t=1")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await GetAsync(app, "/_hmr/warm-up/dep.js?t=1", new string('0', secret.Length))).StatusCode);
        Assert.IsNull(seen, "nothing reached the warm-up without its secret");
        // Under a host name that is not loopback, even the right secret gets nothing (as for every /_hmr/ URL).
        var (status, _) = await app.RawGetAsync("/_hmr/warm-up/dep.js?t=1", host: "evil.example", extraHeaders: $"{WarmUpRoute.SecretHeader}: {secret}\r\n");
        Assert.AreEqual(404, status);
        Assert.IsNull(seen);

        var served = await GetAsync(app, "/_hmr/warm-up/dep.js?t=1", secret);
        Assert.AreEqual(HttpStatusCode.OK, served.StatusCode);
        Assert.AreEqual("served", await served.Content.ReadAsStringAsync());
        Assert.AreEqual("/dep.js /dep.js?t=1", seen, "the scratch middleware sees the module's own URL");

        // Closed when the warm-up ends: its secret opens nothing any more.
        open.Dispose();
        Assert.AreEqual(HttpStatusCode.NotFound, (await GetAsync(app, "/_hmr/warm-up/dep.js?t=2", secret)).StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(TestApp app, string target, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Add(WarmUpRoute.SecretHeader, secret);
        return app.Http.SendAsync(request);
    }

    [TestMethod]
    [DataRow("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [DataRow("https://localhost:5001;http://localhost:5000", "http://127.0.0.1:5000/")]
    [DataRow("https://localhost:5001", "https://127.0.0.1:5001/")]
    [DataRow("http://[::1]:5000", "http://[::1]:5000/")]
    [DataRow("http://[::]:8080", "http://127.0.0.1:8080/")]
    [DataRow("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [DataRow("http://+:5000", "http://127.0.0.1:5000/")]
    [DataRow("http://*:5000", "http://127.0.0.1:5000/")]
    [DataRow("http://192.168.1.5:5000", null)]
    [DataRow("http://unix:/tmp/app.sock", null)]
    [DataRow("", null)]
    public void The_origin_is_a_loopback_address_of_the_server_preferring_plain_http(string addresses, string? expected)
    {
        var origin = LoopbackModuleRequests.PickOrigin(addresses.Split(';', StringSplitOptions.RemoveEmptyEntries));
        Assert.AreEqual(expected, origin?.ToString());
    }

    [TestMethod]
    public async Task An_app_served_over_https_only_is_warmed_up_over_loopback_too()
    {
        using var certificate = SelfSignedLoopbackCertificate();
        await using var app = await TestApp.StartAsync(Site, args: ["--Hmr:WarmUp=true"], build: builder =>
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate))));
        Assert.AreEqual(Uri.UriSchemeHttps, app.Address.Scheme);

        var service = app.App.Services.GetServices<IHostedService>().OfType<HmrHostedService>().Single();
        var result = await service.WarmUp!.WaitAsync(TimeSpan.FromSeconds(60));
        // The app's certificate is trusted by nobody: the warm-up's own client accepts it (its own server, on loopback).
        Assert.IsFalse(result.LoopbackFailed);
        Assert.AreEqual(2 * result.Rounds, result.LoopbackRequests);
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux wants the key in a loadable (PKCS#12) form, not the ephemeral one CreateSelfSigned returns.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    [TestMethod]
    public void Requests_stay_in_process_when_hosting_logs_them()
    {
        using var logged = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Information));
        Assert.AreEqual("requests are logged", LoopbackModuleRequests.WouldBeSeen(logged, null));

        using var quiet = LoggerFactory.Create(logging => logging.AddConsole()
            .SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        Assert.IsNull(LoopbackModuleRequests.WouldBeSeen(quiet, null));
    }

    [TestMethod]
    public void Requests_stay_in_process_when_something_traces_aspnetcore()
    {
        using var loggers = LoggerFactory.Create(_ => { });
        using (var listener = new ActivityListener { ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" })
        {
            ActivitySource.AddActivityListener(listener);
            Assert.AreEqual("requests are traced", LoopbackModuleRequests.WouldBeSeen(loggers, null));
        }

        using var diagnostics = new DiagnosticListener("Microsoft.AspNetCore");
        Assert.IsNull(LoopbackModuleRequests.WouldBeSeen(loggers, diagnostics));
        using (diagnostics.Subscribe(new Observer()))
            Assert.AreEqual("requests are traced", LoopbackModuleRequests.WouldBeSeen(loggers, diagnostics));
    }

    private sealed class Observer : IObserver<KeyValuePair<string, object?>>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(KeyValuePair<string, object?> value) { }
    }
}
