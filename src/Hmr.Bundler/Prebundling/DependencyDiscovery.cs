using Hmr.Bundler.DependencyResolution;
using Hmr.Core.Analysis;
using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Bundler.Prebundling;

/// <summary>What the optimizer needs from the app, read from the module graph and the pages: the bare specifiers the
/// modules (and inline module scripts) import that no import map maps, and the pages' import-map entries split into
/// local files and remote URLs. docs/dependencies.md, "Which specifiers are dependencies".</summary>
public sealed class DependencyDiscovery
{
    private readonly ImportMap importMap;
    private readonly IReadOnlyList<ScannedPage> pages;
    private readonly WebRootPaths webRoot;

    public DependencyDiscovery(string projectDirectory, string webRoot, string? importMapFile)
    {
        var webRootPath = Path.GetFullPath(Path.Combine(projectDirectory, webRoot));
        this.webRoot = new WebRootPaths(webRootPath);
        pages = WebRootPages.Scan(webRootPath, projectDirectory);
        var mapFile = string.IsNullOrWhiteSpace(importMapFile) ? null : Path.GetFullPath(Path.Combine(projectDirectory, importMapFile));
        // The same merge the analysis applies (problems with the maps were reported by it already).
        importMap = ImportMapLoader.Load(pages, mapFile, webRootPath, []);
    }

    /// <summary>Bare imports the browser could not resolve without pre-bundling, in modules the pages reach
    /// (<see cref="ModuleReach"/>): no URL in the graph, not external, not matched by the import map (a blocked or broken entry is the analysis's HMR021/HMR022, not ours).</summary>
    public List<DependencyUse> Uses(ModuleGraphDocument graph)
    {
        var uses = new List<DependencyUse>();
        // Only what the pages load: a vendor copy's imports (bootstrap.esm.js importing @popperjs/core) are not the app's.
        var reached = ModuleReach.FromPages(graph);
        foreach (var module in graph.Modules.Where(m => reached.Includes(m.Url)))
        {
            foreach (var import in module.Imports)
            {
                if (import is { Url: null, External: false, Specifier: { } specifier } && IsUnmappedBare(specifier, module.Url))
                {
                    uses.Add(new DependencyUse(specifier, module.File, import.Line, import.Column));
                }
            }
        }
        foreach (var page in pages)
        {
            foreach (var script in page.Scripts.Where(s => s.IsModule && s.Src is null))
            {
                foreach (var import in ModuleLexer.Analyze(script.Content).Imports)
                {
                    if (import.Specifier is { } specifier && IsUnmappedBare(specifier, page.Url))
                    {
                        var at = LineMap.Shift(import.Position, script.ContentPosition);
                        uses.Add(new DependencyUse(specifier, page.File, at.Line, at.Column));
                    }
                }
            }
        }
        return uses;
    }

    /// <summary>The import map's bare keys, each with where the merged map sends it: a file or folder of the web
    /// root (local) or a full URL (remote). Blocked keys are neither.</summary>
    public (List<LocalImportMapEntry> Local, List<string> Remote) Entries()
    {
        var local = new List<LocalImportMapEntry>();
        var remote = new List<string>();
        foreach (var key in importMap.ImportKeys.Where(ModuleUrl.IsBare).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!importMap.TryResolve(key, false, "/", out var address) || address is null)
            {
                continue;
            }
            if (ModuleUrl.IsExternal(address))
            {
                remote.Add(key);
            }
            else if (webRoot.ToFullPath(address) is { } path)
            {
                local.Add(new LocalImportMapEntry(key, path));
            }
        }
        return (local, remote);
    }

    public bool IsMapped(string specifier) => importMap.TryResolve(specifier, false, "/", out _);

    private bool IsUnmappedBare(string specifier, string referrerUrl) =>
        ModuleUrl.IsBare(specifier) && !importMap.TryResolve(specifier, false, referrerUrl, out _);
}
