using Microsoft.AspNetCore.Hosting;

namespace Hmr.Runtime;

/// <summary>Loaded through <c>[assembly: HostingStartup]</c>, which the package's targets generate into the app.
/// It turns HMR on only under <c>dotnet watch</c> (or <c>Hmr:Enabled</c>) in Development.</summary>
public sealed class HmrHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        // Filled in by the runtime work (issue 4).
    }
}
