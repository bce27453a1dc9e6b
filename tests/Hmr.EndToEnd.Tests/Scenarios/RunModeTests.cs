using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary>HMR only where a developer wants it: under dotnet watch in Development, or in Development with
/// `Hmr:Enabled=true`; nothing of it with a plain `dotnet run`, in Production or in a Release build. Runs its own
/// app (the "dotnetwatch" site with UseStaticFiles), started differently by each test.</summary>
[TestClass]
public sealed class RunModeTests : ScenarioTest
{
    private static WebApp? plain;

    private static async Task<WebApp> PlainAppAsync()
    {
        await SharedApps.StopRunningAsync(); // one app at a time
        plain ??= await WebApp.CreateAsync("dotnetwatch", StaticFiles.UseStaticFiles);
        return plain;
    }

    [ClassCleanup]
    public static void StopApp()
    {
        plain?.Dispose();
        plain = null;
    }

    [TestMethod]
    public async Task DotnetRunInDevelopment_WithoutHmrEnabled_ServesNothingOfHmr()
    {
        var app = await UseAppAsync(PlainAppAsync);
        await app.StartAsync(AppLaunch.DotnetRun);

        await NoHmrProbe.AssertNothingOfHmrAsync(app, "/index.html", "/main.js", htmlExactlyAsWritten: true, "dotnet run in Development");
    }

    [TestMethod]
    public async Task DotnetWatchInProduction_ServesNothingOfHmr()
    {
        var app = await UseAppAsync(PlainAppAsync);
        await app.StartAsync(AppLaunch.DotnetWatch with { Environment = "Production" });

        // dotnet watch may add its own browser-refresh script to the HTML: only HMR's must be absent.
        await NoHmrProbe.AssertNothingOfHmrAsync(app, "/index.html", "/main.js", htmlExactlyAsWritten: false, "dotnet watch in Production");
    }

    [TestMethod]
    public async Task ReleaseBuild_HasNoHostingStartup_AndServesNothingOfHmrEvenWhenEnabled()
    {
        var app = await UseAppAsync(PlainAppAsync);
        app.Stop();
        Assert.IsTrue(NoHmrProbe.HasHostingStartupAttribute(app.AssemblyPath("Debug")),
            "the Debug build carries the package's [HostingStartup] (otherwise the Release check below proves nothing)");

        await app.BuildAsync("Release");

        Assert.IsTrue(File.Exists(app.AssemblyPath("Release")), "the Release build produced " + app.AssemblyPath("Release"));
        Assert.IsFalse(NoHmrProbe.HasHostingStartupAttribute(app.AssemblyPath("Release")), "the Release assembly has no [HostingStartup]");
        // The analysis runs (it is how pre-bundling finds dependencies), but an app that imports no npm package gets
        // nothing of it beside the app.
        Assert.IsFalse(File.Exists(Path.Combine(Path.GetDirectoryName(app.AssemblyPath("Release"))!, "hmr-deps-manifest.json")));

        // Even asked for (Development, Hmr:Enabled=true), a Release build has nothing that would switch HMR on.
        await app.StartAsync(new AppLaunch(Watch: false, Environment: "Development", Configuration: "Release").WithHmrEnabled());
        await NoHmrProbe.AssertNothingOfHmrAsync(app, "/index.html", "/main.js", htmlExactlyAsWritten: true, "the Release build run with Hmr:Enabled=true");
    }

    [TestMethod]
    public async Task DotnetRunWithHmrEnabled_PageGetsTheClient_AndAnEditAppliesWithoutReload()
    {
        var app = await UseAppAsync(PlainAppAsync);
        await app.StartAsync(AppLaunch.DotnetRun.WithHmrEnabled());
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#out", "js one");

        app.EditWebFile("main.js", "'js one'", "'js two'");

        await tab.WaitForTextAsync("#out", "js two");
        await tab.AssertNoReloadAsync();
    }
}
