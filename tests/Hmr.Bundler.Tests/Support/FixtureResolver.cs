using Hmr.Bundler;

namespace Hmr.Bundler.Tests.Support;

/// <summary>The tests' resolver: relative specifiers against the importer's folder, bare names from a fixed map.
/// Package resolution proper is the resolution step's job (src/Hmr.Bundler/Resolution), not these tests'.</summary>
internal sealed class FixtureResolver(string root, IReadOnlyDictionary<string, string> bareNames) : IModuleResolver
{
    public Resolution Resolve(string specifier, string importerPath, ImportKind kind)
    {
        if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(importerPath)!, specifier));
            return File.Exists(path) ? Resolution.Found(path) : Resolution.NotFound($"no file at {path}");
        }
        return bareNames.TryGetValue(specifier, out var file)
            ? Resolution.Found(Path.Combine(root, file))
            : Resolution.NotFound("not in the fixture's map");
    }
}
