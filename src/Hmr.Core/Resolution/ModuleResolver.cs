using Hmr.Core.Artifact;

namespace Hmr.Core.Resolution;

/// <summary>What became of one specifier.</summary>
public enum ResolutionOutcome
{
    /// <summary>A file of the web root: <see cref="ResolutionResult.Url"/> is its module URL.</summary>
    Resolved,
    /// <summary>A full URL (<c>https:</c>, <c>data:</c>, <c>//host</c>, …), directly or through the import map: not followed.</summary>
    External,
    /// <summary>A bare specifier the import map does not know, a specifier the map blocks, or a URL that matches no file.</summary>
    Unresolved,
}

/// <summary>The result of resolving one specifier.</summary>
/// <param name="Outcome">Resolved, external or unresolved.</param>
/// <param name="Url">The module URL (resolved; query and hash removed), the full URL (external), or for an unresolved
/// URL-like specifier the URL that matched no file.</param>
/// <param name="Problem">Why it is unresolved, for the diagnostic message.</param>
/// <param name="EscapedRoot">True when <c>..</c> tried to climb above the web root and was clamped, as browsers do.</param>
/// <param name="Code">For an unresolved specifier, its diagnostic code (see <see cref="GraphDiagnosticCodes"/>).</param>
public readonly record struct ResolutionResult(ResolutionOutcome Outcome, string? Url, string? Problem, bool EscapedRoot = false, string? Code = null);

/// <summary>Resolves import specifiers the way a browser does for a page of this web root: URL-like specifiers
/// against the referrer, bare ones through the import map, then checks that a file exists at the URL.</summary>
public sealed class ModuleResolver
{
    private readonly Func<string, bool> fileExists;
    private readonly IReadOnlyList<string> servedElsewhere;

    /// <param name="importMap">The import map in force (<see cref="ImportMap.Empty"/> for none).</param>
    /// <param name="fileExists">Whether a file exists at a module URL such as <c>/js/a.js</c> (query and hash removed).</param>
    /// <param name="servedElsewhere">URL folders (ending in <c>/</c>) whose modules are not files of the web root but
    /// are served anyway (<see cref="ProvidedImports.UrlPrefixes"/>): URLs under them are external, not unresolved.</param>
    public ModuleResolver(ImportMap importMap, Func<string, bool> fileExists, IReadOnlyList<string>? servedElsewhere = null)
    {
        ImportMap = importMap;
        this.fileExists = fileExists;
        this.servedElsewhere = servedElsewhere ?? [];
    }

    /// <summary>The import map this resolver applies.</summary>
    public ImportMap ImportMap { get; }

    /// <summary>Whether a file exists at a module URL (query and hash already removed).</summary>
    public bool FileExists(string url) => fileExists(url);

    /// <summary>Resolves <paramref name="specifier"/> imported from the module or page at <paramref name="referrerUrl"/>.</summary>
    public ResolutionResult Resolve(string specifier, string referrerUrl)
    {
        var escaped = false;
        string? asUrl = null;
        if (ModuleUrl.IsExternal(specifier))
            asUrl = specifier;
        else if (ModuleUrl.IsRelativeOrRootRelative(specifier))
            asUrl = ModuleUrl.StripQueryAndHash(ModuleUrl.Combine(referrerUrl, specifier, out escaped));

        string target;
        if (ImportMap.TryResolve(asUrl ?? specifier, asUrl is not null, referrerUrl, out var mapped))
        {
            if (mapped is null)
                return new(ResolutionOutcome.Unresolved, null, $"the import map blocks \"{specifier}\"", escaped, GraphDiagnosticCodes.BlockedByImportMap);
            target = mapped;
        }
        else if (asUrl is not null)
            target = asUrl;
        else
            return new(ResolutionOutcome.Unresolved, null,
                $"bare specifier \"{specifier}\" is not mapped by the import map (bare names need an entry in <script type=\"importmap\"> or HmrImportMap)", false, GraphDiagnosticCodes.BareSpecifierUnmapped);

        if (ModuleUrl.IsExternal(target))
            return new(ResolutionOutcome.External, target, null, escaped);

        var url = ModuleUrl.DecodePath(ModuleUrl.StripQueryAndHash(target));
        foreach (var prefix in servedElsewhere)
            if (url.StartsWith(prefix, StringComparison.Ordinal))
                return new(ResolutionOutcome.External, target, null, escaped);
        return fileExists(url)
            ? new(ResolutionOutcome.Resolved, url, null, escaped)
            : new(ResolutionOutcome.Unresolved, url, $"\"{specifier}\" resolves to {url}, which matches no file under the web root", escaped, GraphDiagnosticCodes.NoFileAtUrl);
    }
}
