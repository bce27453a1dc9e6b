using System.Collections.Concurrent;

namespace Hmr.Bundler.Prebundling;

/// <summary>Passes every question to the real resolver and keeps the files it found: the packages they belong to
/// are the manifest's <c>packages</c>, whose versions tell later runs whether an installed package changed.</summary>
internal sealed class RecordingResolver(IModuleResolver inner) : IModuleResolver
{
    private readonly ConcurrentDictionary<string, byte> _found = new(StringComparer.Ordinal);

    public IEnumerable<string> FoundFiles => _found.Keys;

    public Resolution Resolve(string specifier, string importerPath, ImportKind kind)
    {
        var resolution = inner.Resolve(specifier, importerPath, kind);
        if (resolution.FilePath is { } file)
        {
            _found.TryAdd(file, 0);
        }
        return resolution;
    }
}
