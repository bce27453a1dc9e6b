using Hmr.EndToEnd.Tests.Infrastructure;

namespace Hmr.EndToEnd.Tests.Scenarios;

/// <summary><c>WebApplication.CreateSlimBuilder</c> runs no hosting startups: HMR comes from
/// <c>builder.Services.AddHmr()</c> and <c>app.UseHmr()</c> (see <see cref="ProgramSource"/>).</summary>
[TestClass]
public sealed class SlimBuilderTests : ScenarioTest
{
    private static WebApp? slim;

    private static async Task<WebApp> SlimAppAsync()
    {
        await SharedApps.StopRunningAsync(); // one dotnet watch at a time
        slim ??= await WebApp.CreateAsync("dotnetwatch", StaticFiles.UseStaticFiles, HostStyle.SlimWithAddHmr);
        await slim.EnsureRunningAsync();
        return slim;
    }

    [ClassCleanup]
    public static void StopApp()
    {
        slim?.Dispose();
        slim = null;
    }

    [TestMethod]
    public async Task SlimBuilderWithAddHmr_UnderDotnetWatch_AppliesAnEditWithoutReload()
    {
        var app = await UseAppAsync(SlimAppAsync);
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(app.Directory, "Program.cs")), "CreateSlimBuilder");
        var tab = await OpenAsync("/index.html");
        await tab.WaitForTextAsync("#out", "js one");
        await tab.WaitForTextAsync("#server", WebApp.ServerTextV1);

        app.EditWebFile("main.js", "'js one'", "'js two'");

        await tab.WaitForTextAsync("#out", "js two");
        await tab.AssertNoReloadAsync();
    }
}
