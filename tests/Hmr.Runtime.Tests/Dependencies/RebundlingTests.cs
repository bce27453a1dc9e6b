using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>Bundling while running (docs/dependencies.md section 5): a saved module that starts importing a package not
/// bundled yet gets it bundled in the background by the real Hmr.Bundler, loaded at run time, and the page running the
/// module reloads once with the new import map entry; a package that cannot be found fails alone.</summary>
[TestClass]
public sealed class RebundlingTests
{
    private static string RepositoryRoot => BuiltBundler.RepositoryRoot;

    private static string BundlerAssembly => BuiltBundler.AssemblyPath;

    private static string Packages => Path.Combine(RepositoryRoot, "tests", "Hmr.Bundler.Tests", "packages", "node_modules");

    private static Dictionary<string, string> Site() => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/main.js\"></script>"
            + "<script type=\"module\" src=\"/js/clock.js\"></script></body></html>",
        ["wwwroot/js/main.js"] = "export const ready = true;\n",
        ["wwwroot/js/clock.js"] = "export const tick = 1;\nimport.meta.hot.accept();\n",
    };

    private static Task<TestApp> StartAsync(CollectingLogs logs) =>
        StartAsync(logs, root => Directory.CreateSymbolicLink(Path.Combine(root, "node_modules"), Packages));

    /// <summary>The site with the real bundler, <paramref name="prepare"/> putting packages in place first.</summary>
    private static Task<TestApp> StartAsync(CollectingLogs logs, Action<string> prepare) =>
        TestApp.StartAsync(Site(), prepare: prepare, build: builder =>
        {
            builder.Configuration["Hmr:DependencyManifestFile"] = DependencySite.ManifestPath;
            builder.Configuration["Hmr:BundlerAssembly"] = BundlerAssembly;
            builder.Logging.AddProvider(logs);
        });

    private static DependencyRebundlerProbe Probe(TestApp app) => new(app);

    [TestMethod]
    public async Task New_bare_import_is_bundled_in_the_background_and_the_page_reloads_once()
    {
        Assert.IsTrue(File.Exists(BundlerAssembly), BundlerAssembly);
        var logs = new CollectingLogs();
        await using var app = await StartAsync(logs);
        await app.Http.GetStringAsync("/js/main.js"); // a page runs main.js and clock.js
        await app.Http.GetStringAsync("/js/clock.js");
        await using var socket = await SocketClient.ConnectAsync(app);
        await socket.ReceiveTypeAsync("connected");

        TestApp.Write(app.Root, "wwwroot/js/main.js", "import dayjs from 'dayjs';\nexport const year = dayjs('2024-05-01').year();\n");
        // The save itself: main.js accepts nothing, so the page reloads for the edit (and fails on 'dayjs' until bundled).
        var reasons = new List<string>();
        JsonElement message;
        do
        {
            try { message = await socket.ReceiveAsync(TimeSpan.FromSeconds(30)); }
            catch (OperationCanceledException)
            {
                var file = DependencySite.ManifestFile(app.Root);
                Assert.Fail("no reload; messages: " + string.Join("\n", reasons) + "\nlog:\n" + string.Join("\n", logs.Entries.Select(e => e.Message))
                    + "\nmanifest: " + (File.Exists(file) ? File.ReadAllText(file) : "(none)"));
                throw;
            }
            reasons.Add(message.ToString());
        } while (!File.Exists(DependencySite.ManifestFile(app.Root)) || !File.ReadAllText(DependencySite.ManifestFile(app.Root)).Contains("\"dayjs\"", StringComparison.Ordinal));

        // Once the manifest has dayjs, the last message is the reload that brings it in.
        var manifest = JsonDocument.Parse(File.ReadAllText(DependencySite.ManifestFile(app.Root))).RootElement;
        var url = manifest.GetProperty("imports").GetProperty("dayjs").GetString()!;
        Assert.AreEqual("full-reload", message.GetProperty("type").GetString(), string.Join("\n", reasons));
        Assert.AreEqual("/js/main.js", message.GetProperty("triggeredBy").GetString());
        StringAssert.Contains(await DependencySite.PageAsync(app, "/"), $"\"dayjs\":\"{url}\"", "the reloaded page's import map has the entry");
        StringAssert.Contains(await app.Http.GetStringAsync(url), "dayjs", "the bundle is served");
        Assert.AreEqual(0, manifest.GetProperty("failed").GetArrayLength());
        Assert.IsTrue(logs.Entries.Any(e => e.Message.Contains("new bare import dayjs in /js/main.js", StringComparison.Ordinal)),
            string.Join("\n", logs.Entries.Select(e => e.Message)));

        // No second reload: a save that imports nothing new bundles nothing.
        await Probe(app).IdleAsync();
        var runs = logs.Entries.Count(e => e.Message.Contains("re-bundled", StringComparison.Ordinal));
        TestApp.Write(app.Root, "wwwroot/js/clock.js", "export const tick = 2;\nimport.meta.hot.accept();\n");
        Assert.AreEqual("update", (await socket.ReceiveAsync()).GetProperty("type").GetString());
        await Probe(app).IdleAsync();
        Assert.AreEqual(runs, logs.Entries.Count(e => e.Message.Contains("re-bundled", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Missing_package_fails_alone_and_other_modules_stay_hot()
    {
        var logs = new CollectingLogs();
        await using var app = await StartAsync(logs);
        await app.Http.GetStringAsync("/js/main.js");
        await app.Http.GetStringAsync("/js/clock.js");
        await using var socket = await SocketClient.ConnectAsync(app);
        await socket.ReceiveTypeAsync("connected");

        TestApp.Write(app.Root, "wwwroot/js/main.js", "import missing from 'no-such-package-here';\nexport const m = missing;\n");
        await socket.ReceiveAsync(); // the save's own reload
        // The overlay, at the import, naming the package.
        var error = (await socket.ReceiveTypeAsync("error")).GetProperty("err");
        StringAssert.Contains(error.GetProperty("message").GetString(), "no-such-package-here");
        Assert.AreEqual("/js/main.js", error.GetProperty("id").GetString());
        Assert.AreEqual(1, error.GetProperty("loc").GetProperty("line").GetInt32());
        Assert.AreEqual(21, error.GetProperty("loc").GetProperty("column").GetInt32(), error.ToString()); // the opening quote
        await Probe(app).IdleAsync();

        var manifest = JsonDocument.Parse(File.ReadAllText(DependencySite.ManifestFile(app.Root))).RootElement;
        var failure = manifest.GetProperty("failed").EnumerateArray().Single();
        Assert.AreEqual("no-such-package-here", failure.GetProperty("specifier").GetString());
        Assert.IsTrue(logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("no-such-package-here", StringComparison.Ordinal)
            && e.Message.Contains("js/main.js(1,", StringComparison.Ordinal)), string.Join("\n", logs.Entries.Select(e => e.Message)));

        // The rest keeps working: clock.js still updates in place.
        TestApp.Write(app.Root, "wwwroot/js/clock.js", "export const tick = 3;\nimport.meta.hot.accept();\n");
        var update = await socket.ReceiveAsync();
        Assert.AreEqual("update", update.GetProperty("type").GetString(), update.ToString());
        Assert.AreEqual("/js/clock.js", update.GetProperty("updates")[0].GetProperty("path").GetString());
    }

    [TestMethod]
    public async Task A_lock_file_saved_while_running_bundles_again()
    {
        var logs = new CollectingLogs();
        await using var app = await StartAsync(logs, root =>
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "node_modules"), Packages);
            File.Copy(Path.Combine(Packages, "..", "package-lock.json"), Path.Combine(root, "package-lock.json"));
        });
        await app.Http.GetStringAsync("/js/main.js");
        TestApp.Write(app.Root, "wwwroot/js/main.js", "import dayjs from 'dayjs';\nexport const year = dayjs('2024-05-01').year();\n");
        string InputsHash() => File.Exists(DependencySite.ManifestFile(app.Root))
            ? JsonDocument.Parse(File.ReadAllText(DependencySite.ManifestFile(app.Root))).RootElement.GetProperty("inputsHash").GetString() ?? "" : "";
        await WaitForAsync(() => File.Exists(DependencySite.ManifestFile(app.Root)) && File.ReadAllText(DependencySite.ManifestFile(app.Root)).Contains("\"dayjs\"", StringComparison.Ordinal));
        await Probe(app).IdleAsync();
        var before = InputsHash();

        // What `npm install` of another package does to the lock file; the bundles depend on it.
        var lockFile = Path.Combine(app.Root, "package-lock.json");
        File.WriteAllText(lockFile, File.ReadAllText(lockFile).Replace("\"name\": \"hmr-bundler-test-packages\"", "\"name\": \"after-an-install\""));

        await WaitForAsync(() => InputsHash() is { Length: > 0 } now && now != before);
        Assert.IsTrue(logs.Entries.Any(e => e.Message.Contains("package-lock.json changed, bundling again", StringComparison.Ordinal)),
            string.Join("\n", logs.Entries.Select(e => e.Message)));
    }

    [TestMethod]
    public async Task A_file_patched_inside_a_package_while_running_bundles_again()
    {
        var logs = new CollectingLogs();
        await using var app = await StartAsync(logs, root =>
        {
            TestApp.Write(root, "node_modules/tiny-lib/package.json", """{ "name": "tiny-lib", "version": "1.0.0", "module": "index.js" }""");
            TestApp.Write(root, "node_modules/tiny-lib/index.js", "export const answer = 41;\n");
        });
        await app.Http.GetStringAsync("/js/main.js");
        TestApp.Write(app.Root, "wwwroot/js/main.js", "import { answer } from 'tiny-lib';\nexport const value = answer;\n");
        string? BundleUrl() => File.Exists(DependencySite.ManifestFile(app.Root))
            && JsonDocument.Parse(File.ReadAllText(DependencySite.ManifestFile(app.Root))).RootElement.GetProperty("imports").TryGetProperty("tiny-lib", out var url)
            ? url.GetString() : null;
        await WaitForAsync(() => BundleUrl() is not null);
        await Probe(app).IdleAsync();
        var before = BundleUrl()!;
        StringAssert.Contains(await app.Http.GetStringAsync(before), "41");

        // A local patch (an editor, patch-package): same version, same package.json, other code.
        TestApp.Write(app.Root, "node_modules/tiny-lib/index.js", "export const answer = 42; // patched\n");

        await WaitForAsync(() => BundleUrl() is { } now && now != before);
        StringAssert.Contains(await app.Http.GetStringAsync(BundleUrl()!), "42");
        Assert.IsTrue(logs.Entries.Any(e => e.Message.Contains("a file of tiny-lib changed (node_modules/tiny-lib/index.js), bundling again", StringComparison.Ordinal)),
            string.Join("\n", logs.Entries.Select(e => e.Message)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out");
            await Task.Delay(50);
        }
    }
}
