using System.Text.Json;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>A page that connects while the manifest records a dependency that failed gets the overlay for it, at the
/// app's import, as a message of its own that it does not count among the broadcasts it must not miss.</summary>
[TestClass]
public sealed class StandingFailureTests
{
    private static string Manifest(params object[] failed) => JsonSerializer.Serialize(new
    {
        schemaVersion = Hmr.Core.Artifact.DependencyManifest.CurrentSchemaVersion,
        inputsHash = "test",
        urlBase = DependencySite.UrlBase,
        imports = new Dictionary<string, string> { [DependencySite.Lodash.Specifier] = DependencySite.Lodash.Url },
        files = new[] { new { file = DependencySite.Lodash.File, url = DependencySite.Lodash.Url, kind = "entry", entry = "lodash-es", hash = DependencySite.Lodash.Hash } },
        packages = Array.Empty<object>(),
        failed,
    });

    private static Task<TestApp> StartAsync(string manifest) => TestApp.StartAsync(
        new Dictionary<string, string> { ["wwwroot/js/main.js"] = "import { thing } from 'not-installed';\n" },
        prepare: root =>
        {
            DependencySite.Write(root, DependencySite.Lodash);
            DependencySite.WriteManifestText(root, manifest);
        },
        build: builder => builder.Configuration["Hmr:DependencyManifestFile"] = DependencySite.ManifestPath);

    [TestMethod]
    public async Task A_page_that_connects_while_a_dependency_failed_gets_its_overlay_at_the_apps_import()
    {
        var failure = new
        {
            specifier = "not-installed",
            diagnostics = new[]
            {
                new { code = "HMR100", message = "cannot resolve 'not-installed': package 'not-installed' not found", file = "wwwroot/js/main.js", line = 1, column = 23 },
            },
        };
        await using var app = await StartAsync(Manifest(failure));
        await using var socket = await SocketClient.ConnectAsync(app);

        var connected = await socket.ReceiveAsync();
        Assert.AreEqual("connected", connected.GetProperty("type").GetString());
        var error = await socket.ReceiveAsync();
        Assert.AreEqual("error", error.GetProperty("type").GetString());
        Assert.IsTrue(error.GetProperty("replayed").GetBoolean(), "not one of the broadcasts a page counts");
        var err = error.GetProperty("err");
        StringAssert.Contains(err.GetProperty("message").GetString(), "HMR100: cannot resolve 'not-installed'");
        Assert.AreEqual("/js/main.js", err.GetProperty("loc").GetProperty("file").GetString());
        Assert.AreEqual((1, 23), (err.GetProperty("loc").GetProperty("line").GetInt32(), err.GetProperty("loc").GetProperty("column").GetInt32()));
    }

    [TestMethod]
    public async Task Without_a_failure_a_page_gets_only_connected()
    {
        await using var app = await StartAsync(Manifest());
        await using var socket = await SocketClient.ConnectAsync(app);
        Assert.AreEqual("connected", (await socket.ReceiveAsync()).GetProperty("type").GetString());
        await Assert.ThrowsAsync<OperationCanceledException>(() => socket.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }
}
