namespace Hmr.Runtime;

/// <summary>Settings of the development server, bound from the <c>Hmr</c> configuration section.</summary>
public sealed class HmrOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Hmr";

    /// <summary>Turns HMR on in Development without <c>dotnet watch</c> (<c>Hmr:Enabled=true</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The web root to serve and watch; defaults to the build's <c>Hmr.WebRoot</c>, then the host's web root.</summary>
    public string? WebRoot { get; set; }

    /// <summary>The build artifact for a warm start; defaults to the build's <c>Hmr.ModuleGraphFile</c>.</summary>
    public string? GraphFile { get; set; }

    /// <summary>The dependency bundles' manifest (<c>deps-manifest.json</c>); defaults to the build's
    /// <c>Hmr.DependencyManifestFile</c>.</summary>
    public string? DependencyManifestFile { get; set; }

    /// <summary>The Hmr.Bundler.dll that bundles a dependency a saved module starts importing; defaults to the build's
    /// <c>Hmr.BundlerAssembly</c> (the package's <c>tasks/net10.0/Hmr.Bundler.dll</c>). Empty: no bundling while running.</summary>
    public string? BundlerAssembly { get; set; }

    /// <summary>Parse each version of a module a page loads with the full JavaScript parser, in the background, and show
    /// an error the lexer does not see on the pages' overlay (docs/runtime.md, "A module with a syntax error").</summary>
    public bool CheckSyntax { get; set; } = true;

    /// <summary>When <c>dotnet watch</c> has applied a Razor or C# change, and when a static HTML page is edited, fetch the
    /// page again and morph it into the live one (keeping scripts' state, form input, focus and scroll) instead of
    /// reloading it (docs/runtime.md, "Markup edits").</summary>
    public bool MorphMarkup { get; set; } = true;

    /// <summary>While changes keep coming (a formatter, a branch switch, a save storm), how long files must stay quiet
    /// before they are propagated as one batch. A single save after a quiet spell goes out at once (as soon as its
    /// events pause, at most 2 ms after the first).</summary>
    public int SettleMilliseconds { get; set; } = 30;

    /// <summary>Extra browser origins allowed to open the HMR socket (e.g. <c>https://dev.example.test:5001</c>).</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Interval of the server's WebSocket pings.</summary>
    public int KeepAliveSeconds { get; set; } = 15;
}
