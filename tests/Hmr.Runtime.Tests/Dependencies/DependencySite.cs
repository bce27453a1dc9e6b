using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>One bundle as the build would write it: <c>name.hash8.js</c> in the manifest's folder.</summary>
internal sealed record Bundle(string Specifier, string Name, string Content)
{
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content)));
    public string File => $"{Name}.{Hash[..8]}.js";
    public string Url => DependencySite.UrlBase + File;
}

/// <summary>Writes dependency manifests and bundles by hand where the build puts them, and starts a test app that
/// reads them (<c>Hmr:DependencyManifestFile</c>).</summary>
internal static class DependencySite
{
    public const string UrlBase = "/_deps/";
    public const string ManifestPath = "obj/Debug/net10.0/hmr/deps/deps-manifest.json";

    public static Bundle Lodash { get; } = new("lodash-es", "lodash-es", "export function debounce(f) { return f; }\n");
    public static Bundle React { get; } = new("react", "react", "export default { version: '19' };\n");

    public static string ManifestFile(string root) => Path.Combine(root, ManifestPath);

    /// <summary>Writes the bundles and a schema-1 manifest listing them (the manifest last, as the build does).</summary>
    public static void Write(string root, params Bundle[] bundles)
    {
        var folder = Path.GetDirectoryName(ManifestFile(root))!;
        Directory.CreateDirectory(folder);
        foreach (var bundle in bundles) File.WriteAllText(Path.Combine(folder, bundle.File), bundle.Content);
        var manifest = new
        {
            schemaVersion = Hmr.Core.Artifact.DependencyManifest.CurrentSchemaVersion,
            inputsHash = "test",
            urlBase = UrlBase,
            imports = bundles.ToDictionary(b => b.Specifier, b => b.Url),
            files = bundles.Select(b => new { file = b.File, url = b.Url, kind = "entry", entry = b.Specifier, hash = b.Hash }),
            packages = Array.Empty<object>(),
            failed = Array.Empty<object>(),
        };
        WriteManifestText(root, JsonSerializer.Serialize(manifest));
    }

    public static void WriteManifestText(string root, string text)
    {
        var file = ManifestFile(root);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    public static Task<TestApp> StartAsync(IDictionary<string, string> files, Bundle[] bundles, Action<WebApplication>? configure = null,
        ILoggerProvider? logs = null) =>
        TestApp.StartAsync(files, configure: configure, prepare: root => { if (bundles.Length > 0) Write(root, bundles); }, build: builder =>
        {
            builder.Configuration["Hmr:DependencyManifestFile"] = ManifestPath;
            if (logs is not null) builder.Logging.AddProvider(logs);
        });

    public static HttpRequestMessage Document(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        return request;
    }

    public static async Task<string> PageAsync(TestApp app, string path) =>
        PageIds.Strip(await (await app.Http.SendAsync(Document(path))).Content.ReadAsStringAsync());

    public static string Preamble(TestApp app)
    {
        var token = (Hmr.Runtime.Sockets.HmrToken)app.App.Services.GetService(typeof(Hmr.Runtime.Sockets.HmrToken))!;
        return $"<script src=\"{Hmr.Runtime.Html.HtmlInjectionMiddleware.PreambleUrl}?v={token.InstanceId}\" data-hmr-messages=\"0\"></script>";
    }

    /// <summary>The import map element the runtime writes for these bundles.</summary>
    public static string InjectedMap(params Bundle[] bundles) =>
        "<script type=\"importmap\">{\"imports\":{" + string.Join(",", bundles.Select(b => $"\"{b.Specifier}\":\"{b.Url}\"")) + "}}</script>";
}

/// <summary>Keeps the log lines of one category prefix, for asserting what was logged and how often.</summary>
internal sealed class CollectingLogs : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries { get { lock (_entries) return [.. _entries]; } }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CollectingLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (owner._entries) owner._entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
