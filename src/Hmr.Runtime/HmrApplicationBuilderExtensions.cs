using Hmr.Runtime.Html;
using Hmr.Runtime.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hmr.Runtime;

/// <summary><c>app.UseHmr()</c>: adds the HMR middleware at this point of the pipeline. Normally not needed
/// (<see cref="HmrServiceCollectionExtensions.AddHmr"/> adds it first thing through a startup filter); calling it
/// again is a no-op. Outside Development it adds nothing.</summary>
public static class HmrApplicationBuilderExtensions
{
    private const string UsedKey = "Hmr.Runtime.Used";

    public static IApplicationBuilder UseHmr(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Properties.ContainsKey(UsedKey)) return app;
        if (app.ApplicationServices.GetService<HmrServiceCollectionExtensions.HmrMarker>() is null)
            throw new InvalidOperationException("Call builder.Services.AddHmr() before app.UseHmr().");
        if (!app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment()) return app;

        app.Properties[UsedKey] = true;
        app.Map(Sockets.HmrWebSocketEndpoint.Path, socket =>
        {
            socket.UseWebSockets();
            socket.Run(context => context.RequestServices.GetRequiredService<Sockets.HmrWebSocketEndpoint>().HandleAsync(context));
        });
        app.UseMiddleware<HmrEndpointsMiddleware>();
        app.UseMiddleware<Dependencies.DependencyServingMiddleware>();
        app.UseMiddleware<HtmlInjectionMiddleware>();
        app.UseMiddleware<WatchScriptCachingMiddleware>();
        app.UseMiddleware<ModuleServingMiddleware>();
        return app;
    }
}
