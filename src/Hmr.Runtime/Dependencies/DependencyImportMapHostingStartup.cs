using Hmr.Core.Artifact;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Dependencies;

/// <summary>Builds without HMR (Release, <c>dotnet publish</c>): the package's targets generate
/// <c>[assembly: HostingStartup]</c> naming this type, and the bundles' manifest is copied beside the app
/// (<c>AppContext.GetData("Hmr.PublishedDependencyManifest")</c>, relative to the app's folder). It only merges the
/// bundles' import map entries into the pages the app sends; nothing of HMR runs (docs/dependencies.md, "Production").</summary>
public sealed class DependencyImportMapHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        builder.ConfigureServices((context, services) =>
        {
            if (HmrHostingStartup.IsEnabled(context)) return; // the dev server merges them itself
            if (AppContext.GetData("Hmr.PublishedDependencyManifest") is not string name) return;
            var manifest = DependencyManifestFile.TryRead(Path.Combine(AppContext.BaseDirectory, name));
            if (manifest is not { Imports.Count: > 0 }) return;
            services.AddSingleton(new PublishedImportMap(new Html.ImportMapAddition([.. manifest.Imports])));
            services.AddSingleton<IStartupFilter, PublishedImportMapStartupFilter>();
        });
    }
}

/// <summary>The bundles' import map entries of a published app.</summary>
internal sealed record PublishedImportMap(Html.ImportMapAddition Addition);

internal sealed class PublishedImportMapStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<PublishedImportMapMiddleware>();
        next(app);
    };
}
