namespace Hmr.Bundler.DependencyResolution;

/// <summary>A bare specifier split into the package name and the sub-path inside it: <c>@scope/pkg/sub</c> is
/// <c>@scope/pkg</c> and <c>./sub</c>; <c>lit</c> is <c>lit</c> and <c>.</c> (the rules of Node's PACKAGE_RESOLVE).</summary>
internal readonly record struct PackageSpecifier(string Name, string Subpath)
{
    /// <summary>Throws <see cref="ResolutionException"/> (HMR110) for a specifier that names no package.</summary>
    public static PackageSpecifier Parse(string specifier)
    {
        var nameEnd = specifier.IndexOf('/');
        if (specifier.StartsWith('@'))
        {
            if (nameEnd < 0)
            {
                throw Invalid(specifier, "a scoped package name needs a '/' (as in '@scope/name')");
            }
            var second = specifier.IndexOf('/', nameEnd + 1);
            nameEnd = second;
        }
        var name = nameEnd < 0 ? specifier : specifier[..nameEnd];
        if (name.Length == 0 || name.StartsWith('.') || name.Contains('\\') || name.Contains('%') || name.EndsWith('/'))
        {
            throw Invalid(specifier, $"'{name}' is not a valid package name");
        }
        return new PackageSpecifier(name, nameEnd < 0 ? "." : "." + specifier[nameEnd..]);
    }

    private static ResolutionException Invalid(string specifier, string why) =>
        new(ResolutionCodes.InvalidSpecifier, $"invalid specifier '{specifier}': {why}");
}

/// <summary>Node's built-in modules, so that a failed lookup of <c>fs</c> says why no package provides it.</summary>
internal static class NodeBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
        "diagnostics_channel", "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net",
        "os", "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream",
        "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi",
        "worker_threads", "zlib",
    };

    /// <summary>True for <c>node:</c> specifiers and for built-in names with or without a sub-path (<c>fs/promises</c>).</summary>
    public static bool IsBuiltin(string specifier)
    {
        if (specifier.StartsWith("node:", StringComparison.Ordinal))
        {
            return true;
        }
        var slash = specifier.IndexOf('/');
        return Names.Contains(slash < 0 ? specifier : specifier[..slash]);
    }
}
