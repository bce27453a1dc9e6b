namespace Hmr.Bundler.DependencyResolution;

internal enum ImportMapMatchKind
{
    None,
    Local,
    Remote,
}

/// <summary>What the import map says about a specifier: nothing, a local path (<see cref="Path"/> already joined with
/// the rest of the specifier for a prefix key), or a remote URL.</summary>
internal readonly record struct ImportMapMatch(ImportMapMatchKind Kind, string? Key = null, string? Path = null, bool IsPrefix = false, string? EntryPath = null);

/// <summary>Matches specifiers against the pages' import-map keys as browsers do: an exact key first, otherwise the
/// longest key ending in <c>/</c> that starts the specifier. A local and a remote entry with the same key: the local
/// one wins (the page that maps it remotely keeps its own entry, which wins over the bundle's).</summary>
internal sealed class ImportMapLookup(ResolverOptions options)
{
    public ImportMapMatch Match(string specifier)
    {
        ImportMapMatch best = default;
        foreach (var entry in options.LocalImportMap)
        {
            best = Better(best, Candidate(specifier, entry.Specifier, ImportMapMatchKind.Local, entry.Path));
        }
        foreach (var key in options.RemoteImportMapKeys)
        {
            best = Better(best, Candidate(specifier, key, ImportMapMatchKind.Remote, null));
        }
        return best;
    }

    private static ImportMapMatch Candidate(string specifier, string key, ImportMapMatchKind kind, string? path)
    {
        if (key == specifier)
        {
            return new ImportMapMatch(kind, key, path, EntryPath: path);
        }
        if (key.EndsWith('/') && specifier.StartsWith(key, StringComparison.Ordinal))
        {
            var joined = path is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Join(path, specifier[key.Length..]));
            return new ImportMapMatch(kind, key, joined, IsPrefix: true, EntryPath: path);
        }
        return default;
    }

    private static ImportMapMatch Better(ImportMapMatch current, ImportMapMatch candidate)
    {
        if (candidate.Kind == ImportMapMatchKind.None)
        {
            return current;
        }
        if (current.Kind == ImportMapMatchKind.None)
        {
            return candidate;
        }
        if (current.IsPrefix != candidate.IsPrefix)
        {
            return candidate.IsPrefix ? current : candidate;
        }
        if (candidate.Key!.Length != current.Key!.Length)
        {
            return candidate.Key.Length > current.Key.Length ? candidate : current;
        }
        return current.Kind == ImportMapMatchKind.Local ? current : candidate;
    }
}
