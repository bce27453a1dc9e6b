namespace Hmr.Runtime.Tests.Client;

/// <summary>What the served client must contain for behaviour only a browser can run (checked by hand and in the
/// e2e suite); here, that the pieces are wired as the runtime's modules expect.</summary>
[TestClass]
public sealed class ClientScriptTests
{
    [TestMethod]
    public async Task Client_exports_what_the_stand_in_for_a_broken_module_imports()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string> { ["wwwroot/js/a.js"] = "export {};\n" });
        var client = await app.Http.GetStringAsync("/_hmr/client.js");
        StringAssert.Contains(client, "export function reportModuleError(err)");
        StringAssert.Contains(client, "export function createHotContext(url)");
    }

    [TestMethod]
    public async Task Preamble_counts_syntax_errors_before_any_module_runs_and_the_client_reads_them()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string> { ["wwwroot/js/a.js"] = "export {};\n" });
        var preamble = await app.Http.GetStringAsync("/_hmr/preamble.js");
        var client = await app.Http.GetStringAsync("/_hmr/client.js");
        StringAssert.Contains(preamble, "if (event.error instanceof SyntaxError) window.__hmrPageSyntaxErrors++;");
        StringAssert.Contains(client, "window.__hmrPageSyntaxErrors > 0");
    }
}
