namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>How the generated Program.cs builds the app: the default builder (the package's hosting startup switches
/// HMR on), or <c>WebApplication.CreateSlimBuilder</c>, which runs no hosting startups, with <c>AddHmr()</c>/<c>UseHmr()</c>.</summary>
public enum HostStyle { Default, SlimWithAddHmr }

/// <summary>The Program.cs of a test web project.</summary>
public static class ProgramSource
{
    /// <summary>Answers the page's <c>import.meta.hot.send('my:ping', { n })</c> with <c>my:pong { n: n + 1 }</c> to
    /// every tab, through the IHmrServer service (absent when HMR is not registered).</summary>
    private const string PingPongHandler = """
        if (app.Services.GetService<Hmr.Runtime.IHmrServer>() is { } hmr)
        {
            hmr.OnClientEvent("my:ping", clientEvent =>
            {
                var n = clientEvent.Data is { ValueKind: System.Text.Json.JsonValueKind.Object } data && data.TryGetProperty("n", out var value) ? value.GetInt32() : 0;
                hmr.Send("my:pong", new { n = n + 1 });
                return ValueTask.CompletedTask;
            });
        }
        """;

    public static string For(StaticFiles staticFiles, HostStyle host)
    {
        var serving = staticFiles == StaticFiles.UseStaticFiles
            ? "app.UseDefaultFiles();\napp.UseStaticFiles();"
            : "app.MapStaticAssets();";
        var (builder, useHmr) = host == HostStyle.SlimWithAddHmr
            ? ("var builder = WebApplication.CreateSlimBuilder(args);\nbuilder.Services.AddHmr();", "app.UseHmr();")
            : ("var builder = WebApplication.CreateBuilder(args);", "");
        return $$"""
            using Hmr.Runtime;

            {{builder}}
            var app = builder.Build();
            {{useHmr}}
            {{serving}}
            app.MapGet("/api/text", () => "{{WebApp.ServerTextV1}}");
            {{PingPongHandler}}
            app.Run();

            """;
    }
}
