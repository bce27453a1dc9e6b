using System.Text.Json;

namespace Hmr.Runtime.Tests.Serving;

/// <summary>The full parser's check of served modules (docs/runtime.md, "A module with a syntax error"): an error the
/// lexer does not see reaches the pages as an overlay after the module went out, later loads get the overlay's
/// stand-in, and the fix serves the module again. Runs the real Hmr.Bundler, loaded at run time.</summary>
[TestClass]
public sealed class SyntaxCheckTests
{
    // The lexer finds imports and exports, not expressions: a missing operand is for the parser (and the browser).
    private const string Broken = "export const label = 'one';\nconst total = 1 + ;\nimport.meta.hot.accept();\n";
    private const string Fixed = "export const label = 'two';\nconst total = 1 + 2;\nimport.meta.hot.accept();\n";

    private static Task<TestApp> StartAsync(string? bundler = null, bool check = true) => TestApp.StartAsync(new Dictionary<string, string>
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/app.js\"></script></body></html>",
        ["wwwroot/js/app.js"] = "export const label = 'zero';\nimport.meta.hot.accept();\n",
        ["wwwroot/js/unloaded.js"] = "export const x = ;\n",
    }, build: builder =>
    {
        builder.Configuration["Hmr:BundlerAssembly"] = bundler ?? BuiltBundler.AssemblyPath;
        builder.Configuration["Hmr:CheckSyntax"] = check ? "true" : "false";
    });

    private static async Task<JsonElement> NextErrorAsync(SocketClient socket)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(20));
            if (message.GetProperty("type").GetString() == "error") return message.GetProperty("err");
        }
    }

    /// <summary>The error messages that arrive within <paramref name="window"/>; the socket is closed by the wait's end.</summary>
    private static async Task<List<JsonElement>> ErrorsWithinAsync(SocketClient socket, TimeSpan window)
    {
        var errors = new List<JsonElement>();
        var until = DateTime.UtcNow + window;
        try
        {
            while (DateTime.UtcNow < until)
            {
                var message = await socket.ReceiveAsync(until - DateTime.UtcNow);
                if (message.GetProperty("type").GetString() == "error") errors.Add(message.GetProperty("err"));
            }
        }
        catch (OperationCanceledException) { }
        return errors;
    }

    [TestMethod]
    public async Task A_saved_error_only_the_parser_sees_reaches_the_overlay_and_later_loads_get_the_stand_in()
    {
        Assert.IsTrue(File.Exists(BuiltBundler.AssemblyPath), BuiltBundler.AssemblyPath);
        await using var app = await StartAsync();
        StringAssert.Contains(await app.Http.GetStringAsync("/js/app.js"), "'zero'");
        await using var socket = await SocketClient.ConnectAsync(app);
        await socket.ReceiveTypeAsync("connected");

        app.Edit("js/app.js", Broken);
        var first = await app.Http.GetStringAsync("/js/app.js"); // the page re-imports it
        StringAssert.Contains(first, "1 + ;", "served before the verdict, as it is: the check is not on the update's path");
        var err = await NextErrorAsync(socket);

        StringAssert.Contains(err.GetProperty("message").GetString(), "(HMR030)");
        Assert.AreEqual("/js/app.js", err.GetProperty("id").GetString());
        Assert.AreEqual(2, err.GetProperty("loc").GetProperty("line").GetInt32());
        Assert.AreEqual(19, err.GetProperty("loc").GetProperty("column").GetInt32());
        StringAssert.Contains(err.GetProperty("frame").GetString(), "> 2 | const total = 1 + ;");
        var later = await app.Http.GetStringAsync("/js/app.js");
        StringAssert.Contains(later, "__hmr_reportModuleError(", "a page loaded now gets the overlay from the stand-in");
        StringAssert.Contains(later, "export { __hmr_unavailable as label }");

        app.Edit("js/app.js", Fixed);
        var served = await app.Http.GetStringAsync("/js/app.js");
        StringAssert.Contains(served, "'two'");
        Assert.IsFalse(served.Contains("__hmr_reportModuleError", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task A_broken_module_no_page_loads_stays_quiet_and_one_a_page_loads_is_reported_once()
    {
        await using var app = await StartAsync();
        await using (var socket = await SocketClient.ConnectAsync(app))
        {
            await socket.ReceiveTypeAsync("connected");
            app.Edit("js/unloaded.js", "export const y = ;\n");
            app.Edit("js/app.js", Broken); // no page has asked for it since
            Assert.AreEqual(0, (await ErrorsWithinAsync(socket, TimeSpan.FromSeconds(2))).Count, "checked only once a page loads it");
        }

        await using var again = await SocketClient.ConnectAsync(app);
        await again.ReceiveTypeAsync("connected");
        await app.Http.GetStringAsync("/js/app.js");
        await app.Http.GetStringAsync("/js/app.js");
        var errors = await ErrorsWithinAsync(again, TimeSpan.FromSeconds(3));
        Assert.AreEqual(1, errors.Count, "one overlay per version, however often it is served");
        Assert.AreEqual("/js/app.js", errors[0].GetProperty("id").GetString());
    }

    [TestMethod]
    [DataRow(true, true)]
    [DataRow(false, false)]
    public async Task Without_the_parser_or_with_the_check_off_modules_are_served_as_they_are_and_no_overlay_comes(bool parserMissing, bool check)
    {
        var missing = Path.Combine(Path.GetTempPath(), "hmr-no-bundler-" + Guid.NewGuid().ToString("n"), "Hmr.Bundler.dll");
        await using var app = await StartAsync(bundler: parserMissing ? missing : null, check: check);
        await using var socket = await SocketClient.ConnectAsync(app);
        await socket.ReceiveTypeAsync("connected");
        app.Edit("js/app.js", Broken);
        StringAssert.Contains(await app.Http.GetStringAsync("/js/app.js"), "1 + ;");
        Assert.AreEqual(0, (await ErrorsWithinAsync(socket, TimeSpan.FromSeconds(2))).Count);
        StringAssert.Contains(await app.Http.GetStringAsync("/js/app.js"), "1 + ;");
    }
}
