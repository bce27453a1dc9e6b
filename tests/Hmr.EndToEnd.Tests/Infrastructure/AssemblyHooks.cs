namespace Hmr.EndToEnd.Tests.Infrastructure;

[TestClass]
public static class AssemblyHooks
{
    /// <summary>The safety net: whatever a test left running (dotnet watch trees, the browser) ends here.</summary>
    [AssemblyCleanup]
    public static async Task CleanUpAsync()
    {
        SharedApps.StopAll();
        ProcessRegistry.KillAll();
        await Browser.CloseAsync();
        RepoPackage.CleanUp();
    }
}
