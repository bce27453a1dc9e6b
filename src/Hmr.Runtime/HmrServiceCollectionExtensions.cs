using Hmr.Runtime.Client;
using Hmr.Runtime.Hosting;
using Hmr.Runtime.Serving;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime;

/// <summary><c>builder.Services.AddHmr()</c>: opt in by code (e.g. with <c>WebApplication.CreateSlimBuilder</c>,
/// which runs no hosting startups). Everything stays inert outside the Development environment.</summary>
public static class HmrServiceCollectionExtensions
{
    /// <summary>Registers the HMR server; its middleware is added outermost by a startup filter. Safe to call twice.</summary>
    public static IServiceCollection AddHmr(this IServiceCollection services, Action<HmrOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null) services.Configure(configure);
        if (services.Any(s => s.ServiceType == typeof(HmrMarker))) return services;

        services.AddSingleton<HmrMarker>();
        services.AddOptions<HmrOptions>().Configure<IConfiguration>((options, configuration) =>
            configuration.GetSection(HmrOptions.SectionName).Bind(options));
        services.TryAddSingleton<IHmrEngineFactory, HmrEngineFactory>();
        services.AddSingleton<HmrToken>();
        services.AddSingleton<HmrEngineHolder>();
        services.AddSingleton<HmrWebRoot>();
        services.AddSingleton<Dependencies.DependencyManifestSource>();
        services.AddSingleton<Dependencies.DependencyRebundler>();
        services.AddSingleton<ModuleCache>();
        services.AddSingleton<Checking.ModuleSyntaxChecks>();
        services.AddSingleton<HmrConnectionHub>();
        services.AddSingleton<HmrServer>();
        services.AddSingleton<IHmrServer>(sp => sp.GetRequiredService<HmrServer>());
        services.AddSingleton(sp => new OriginPolicy(sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(),
            sp.GetRequiredService<IOptions<HmrOptions>>().Value));
        services.AddSingleton<HmrWebSocketEndpoint>();
        services.AddSingleton<ClientAssets>();
        services.AddSingleton<Html.ServedPages>();
        services.AddHostedService<HmrHostedService>();
        services.AddTransient<IStartupFilter, HmrStartupFilter>();
        return services;
    }

    /// <summary>Marks a service collection that already has the HMR services.</summary>
    internal sealed class HmrMarker;
}
