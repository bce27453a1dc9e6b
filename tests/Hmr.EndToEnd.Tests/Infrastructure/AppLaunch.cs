namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>How a test web project is started: under `dotnet watch run` (the usual way) or a plain `dotnet run`
/// of an already built configuration, in an environment, with extra configuration (environment variables).</summary>
public sealed record AppLaunch(bool Watch, string Environment, string Configuration = "Debug", IReadOnlyDictionary<string, string>? Settings = null,
    string? PublishedAssembly = null)
{
    /// <summary>`dotnet app.dll` in the folder `dotnet publish` wrote, in Production: what a server runs.</summary>
    public static AppLaunch Published(string assembly) => new(Watch: false, Environment: "Production", PublishedAssembly: assembly);

    /// <summary>`dotnet watch run` in Development: what a developer does.</summary>
    public static AppLaunch DotnetWatch { get; } = new(Watch: true, Environment: "Development");

    /// <summary>`dotnet run --no-build` of the Debug build in Development, without dotnet watch.</summary>
    public static AppLaunch DotnetRun { get; } = new(Watch: false, Environment: "Development");

    /// <summary>The same launch with the configuration key `Hmr:Enabled` set to true.</summary>
    public AppLaunch WithHmrEnabled() => this with { Settings = new Dictionary<string, string> { ["Hmr__Enabled"] = "true" } };
}
