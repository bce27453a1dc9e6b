namespace Hmr.Bundler;

/// <summary>One dependency the app imports: <paramref name="Name"/> is the specifier exactly as the app writes it
/// (<c>lodash-es</c>, <c>react-dom/client</c>); <paramref name="FilePath"/> is the file it resolved to.</summary>
public sealed record BundleEntry(string Name, string FilePath);

/// <summary>What to bundle and how.</summary>
public sealed class BundleRequest
{
    public required IReadOnlyList<BundleEntry> Entries { get; init; }

    public required IModuleResolver Resolver { get; init; }

    /// <summary>The value <c>process.env.NODE_ENV</c> is replaced with (React and others pick their build by it).</summary>
    public string Mode { get; init; } = "development";

    /// <summary>Files larger than this are reported (HMR122) instead of parsed: no real module is this big.</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;
}
