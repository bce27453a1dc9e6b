using System.Net;

namespace Hmr.Runtime.Tests.Hosting;

[TestClass]
public sealed class ActivationTests
{
    private const string Page = "<!doctype html><html><head></head><body></body></html>";
    private const string Module = "export let n = 0;\nimport.meta.hot?.accept();\n";

    private static Dictionary<string, string> Site() => new() { ["wwwroot/index.html"] = Page, ["wwwroot/app.js"] = Module };

    private static async Task AssertInactiveAsync(TestApp app)
    {
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_hmr/client.js")).StatusCode);
        Assert.AreEqual(Module, await app.Http.GetStringAsync("/app.js"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");
        Assert.AreEqual(Page, await (await app.Http.SendAsync(request)).Content.ReadAsStringAsync());
        var (status, _) = await app.RawGetAsync("/_hmr/ws?token=x", extraHeaders: "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        Assert.AreEqual(404, status);
    }

    private static async Task AssertActiveAsync(TestApp app)
    {
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync("/_hmr/client.js")).StatusCode);
        StringAssert.StartsWith(await app.Http.GetStringAsync("/app.js"), "import { createHotContext");
    }

    [TestMethod]
    public async Task AddHmr_does_nothing_outside_Development()
    {
        foreach (var environment in new[] { "Production", "Staging" })
        {
            await using var app = await TestApp.StartAsync(Site(), environment: environment);
            await AssertInactiveAsync(app);
        }
    }

    [TestMethod]
    public async Task Hosting_startup_turns_on_with_Hmr_Enabled_in_Development()
    {
        await using var app = await TestApp.StartAsync(Site(), addHmr: false,
            args: ["--hostingStartupAssemblies=Hmr.Runtime", "--Hmr:Enabled=true"]);
        await AssertActiveAsync(app);
    }

    [TestMethod]
    public async Task Hosting_startup_stays_off_without_watch_or_Hmr_Enabled()
    {
        Assert.AreNotEqual("1", Environment.GetEnvironmentVariable("DOTNET_WATCH"), "tests must not run under dotnet watch");
        await using var app = await TestApp.StartAsync(Site(), addHmr: false, args: ["--hostingStartupAssemblies=Hmr.Runtime"]);
        await AssertInactiveAsync(app);
    }

    [TestMethod]
    public async Task Hosting_startup_stays_off_in_Production_even_when_enabled()
    {
        await using var app = await TestApp.StartAsync(Site(), environment: "Production", addHmr: false,
            args: ["--hostingStartupAssemblies=Hmr.Runtime", "--Hmr:Enabled=true", "--DOTNET_WATCH=1"]);
        await AssertInactiveAsync(app);
    }

    [TestMethod]
    public async Task Hosting_startup_turns_on_under_dotnet_watch()
    {
        await using var app = await TestApp.StartAsync(Site(), addHmr: false, args: ["--hostingStartupAssemblies=Hmr.Runtime", "--DOTNET_WATCH=1"]);
        await AssertActiveAsync(app);
    }

    [TestMethod]
    public async Task AddHmr_twice_and_UseHmr_add_the_middleware_once()
    {
        await using var app = await TestApp.StartAsync(Site(), configure: web =>
        {
            web.UseHmr();
            web.UseHmr();
            Microsoft.AspNetCore.Builder.StaticFileExtensions.UseStaticFiles(web);
        });
        var body = await app.Http.GetStringAsync("/app.js");
        Assert.AreEqual(1, body.Split("__hmr_createHotContext(").Length - 1);
    }
}
