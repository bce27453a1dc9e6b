using Hmr.Core.Engine;
using Hmr.Core.Resolution;

namespace Hmr.Runtime.Hosting;

/// <summary>Creates the engine for a web root; replaced in tests.</summary>
public interface IHmrEngineFactory
{
    /// <summary>A new, not yet started engine.</summary>
    IHmrEngine Create(HmrEngineSettings settings);
}

/// <summary>Where the engine works.</summary>
/// <param name="WebRoot">Absolute path of the web root.</param>
/// <param name="GraphFile">The build artifact for the warm start, or null.</param>
/// <param name="Settle">Settle window for file events.</param>
/// <param name="WebRootName">The web root relative to the project (content root), with forward slashes, as the
/// build writes it into the artifact (<c>wwwroot</c>).</param>
/// <param name="ProvidedImports">The dependency bundles' import map entries as they are now (read again whenever the
/// engine reloads its import map), or null.</param>
public sealed record HmrEngineSettings(string WebRoot, string? GraphFile, TimeSpan Settle, string WebRootName = "wwwroot",
    Func<ProvidedImports>? ProvidedImports = null);

/// <summary>The product's engine.</summary>
internal sealed class HmrEngineFactory : IHmrEngineFactory
{
    public IHmrEngine Create(HmrEngineSettings settings) => new HmrEngine(new HmrEngineOptions
    {
        WebRootPath = settings.WebRoot,
        WebRootName = settings.WebRootName,
        ArtifactPath = settings.GraphFile,
        SettleWindow = settings.Settle,
        Analyzer = new WebRootModuleAnalyzer(settings.WebRoot, provided: settings.ProvidedImports),
    });
}
