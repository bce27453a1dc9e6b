namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>Web apps shared by several test classes (each dotnet watch start costs seconds): created, built and
/// started on first use, killed at assembly cleanup.</summary>
public static class SharedApps
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, WebApp> Apps = new(StringComparer.Ordinal);

    /// <summary>The "scenarios" site (one folder per scenario) served with UseDefaultFiles + UseStaticFiles.</summary>
    public static Task<WebApp> ScenariosAsync() => GetAsync("scenarios", StaticFiles.UseStaticFiles);

    /// <summary>The "dotnetwatch" site served with MapStaticAssets (restarts and C# edits happen there).</summary>
    public static Task<WebApp> DotnetWatchAsync() => GetAsync("dotnetwatch", StaticFiles.MapStaticAssets);

    /// <summary>The "dependencies" site: pages that import real npm packages by bare name, with the project's
    /// node_modules taken from the packages the bundler tests install (<see cref="NpmPackages"/>).</summary>
    public static Task<WebApp> DependenciesAsync() => GetAsync("dependencies", StaticFiles.UseStaticFiles, NpmPackages.LinkInto);

    private static async Task<WebApp> GetAsync(string site, StaticFiles staticFiles, Action<string>? prepare = null)
    {
        await Gate.WaitAsync();
        try
        {
            var key = site + "/" + staticFiles;
            if (!Apps.TryGetValue(key, out var app))
            {
                app = await WebApp.CreateAsync(site, staticFiles, prepare: prepare);
                Apps[key] = app;
            }
            // One dotnet watch at a time: it takes an inotify instance per watched directory, and the per-user
            // limit (128 by default) is shared with everything else on the machine.
            foreach (var other in Apps.Values.Where(a => a != app)) other.Stop();
            await app.EnsureRunningAsync();
            return app;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops every shared app (they start again on next use), so that a test can run an app of its own.</summary>
    public static async Task StopRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            foreach (var app in Apps.Values) app.Stop();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static void StopAll()
    {
        foreach (var app in Apps.Values) app.Dispose();
        Apps.Clear();
    }
}
