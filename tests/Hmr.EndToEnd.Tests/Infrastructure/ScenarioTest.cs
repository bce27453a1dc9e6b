namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>Base of the scenario classes: opens tabs on a shared app and, after each test, closes them, puts the
/// site's files back and checks that dotnet watch survived the test.</summary>
public abstract class ScenarioTest
{
    private readonly List<PageSession> sessions = [];
    private WebApp? app;

    public TestContext TestContext { get; set; } = null!;

    protected async Task<WebApp> UseAppAsync(Func<Task<WebApp>> get)
    {
        app = await get();
        app.RestoreFiles();
        return app;
    }

    protected async Task<PageSession> OpenAsync(string path, PageSession? sameContextAs = null, string? baseUrl = null, string? initScript = null, bool waitForHmrConnection = true)
    {
        var session = await PageSession.OpenAsync(app ?? throw new InvalidOperationException("UseAppAsync first"), path, sameContextAs, initScript, baseUrl, waitForHmrConnection);
        sessions.Add(session);
        return session;
    }

    [TestCleanup]
    public async Task CleanUpScenarioAsync()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            foreach (var session in sessions) TestContext.WriteLine(session.Diagnostics());
        }
        for (var i = sessions.Count - 1; i >= 0; i--) await sessions[i].DisposeAsync();
        sessions.Clear();
        if (app is null) return;
        var crashed = !app.IsRunning;
        var output = app.WatchOutputTail;
        if (app.RestoreFiles()) await Task.Delay(1000); // let the server take the restored files in before the next test
        if (crashed)
        {
            app.Stop();
            Assert.Fail("dotnet watch exited during the test:\n" + output);
        }
    }
}
