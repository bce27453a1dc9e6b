using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

[assembly: HostingStartup(typeof(Hmr.Runtime.HmrHostingStartup))]

namespace Hmr.Runtime;

/// <summary>Loaded through <c>[assembly: HostingStartup]</c>, which the package's targets generate into the app.
/// It turns HMR on only under <c>dotnet watch</c> (or <c>Hmr:Enabled</c>) in Development.</summary>
public sealed class HmrHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        builder.ConfigureServices((context, services) =>
        {
            if (IsEnabled(context)) services.AddHmr();
        });
    }

    internal static bool IsEnabled(WebHostBuilderContext context)
    {
        if (!context.HostingEnvironment.IsDevelopment()) return false;
        var underWatch = Environment.GetEnvironmentVariable("DOTNET_WATCH") == "1" || context.Configuration["DOTNET_WATCH"] == "1";
        return underWatch || string.Equals(context.Configuration["Hmr:Enabled"], "true", StringComparison.OrdinalIgnoreCase);
    }
}
