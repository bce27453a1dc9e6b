using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Hmr.Runtime;

/// <summary>Puts the HMR middleware in front of everything the app configures, so it sees the HTML after other
/// middleware (dotnet watch's own injection included) and answers module requests before static files.</summary>
internal sealed class HmrStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseHmr();
        next(app);
    };
}
