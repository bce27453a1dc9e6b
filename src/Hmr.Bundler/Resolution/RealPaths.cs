using System.Collections.Concurrent;

namespace Hmr.Bundler.DependencyResolution;

/// <summary>Turns paths into real paths (every symbolic link on the way followed), as Node and esbuild do before they
/// look for <c>node_modules</c>: pnpm's <c>node_modules/lit</c> is a link into <c>.pnpm/lit@3/node_modules/lit</c>, whose
/// dependencies are siblings of the real folder only. Links are read one at a time with a bound, so a loop is an error
/// and never a hang. Answers are cached: a resolver sees the file system as it was when it first looked.</summary>
internal sealed class RealPaths(Func<string, string> display)
{
    /// <summary>Linux's own bound on links followed for one path (MAXSYMLINKS).</summary>
    private const int MaxLinks = 40;

    private readonly ConcurrentDictionary<string, string> realPathOf = new(PathComparison.Comparer);

    /// <summary>The real path of <paramref name="path"/> (which need not exist: the part that does not is kept as
    /// written). Throws <see cref="ResolutionException"/> (HMR109) on a loop.</summary>
    public string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (realPathOf.TryGetValue(full, out var known))
        {
            return known;
        }
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Components(full[root.Length..]).Reverse());
        var current = root;
        var linksFollowed = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var candidate = Path.Join(current, part);
            if (realPathOf.TryGetValue(candidate, out var cached))
            {
                current = cached;
                continue;
            }
            var target = LinkTarget(candidate);
            if (target is null)
            {
                realPathOf.TryAdd(candidate, candidate);
                current = candidate;
                continue;
            }
            if (++linksFollowed > MaxLinks)
            {
                throw new ResolutionException(ResolutionCodes.SymlinkLoop,
                    $"symbolic link loop: more than {MaxLinks} links followed from '{display(full)}' (at '{display(candidate)}' -> '{target}')");
            }
            // The link's text replaces its own component; what it names is resolved again, component by component.
            foreach (var component in Components(Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target).Reverse())
            {
                pending.Push(component);
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }
        realPathOf.TryAdd(full, current);
        return current;
    }

    /// <summary>True when the path is a symbolic link (whether or not what it names exists).</summary>
    public static bool IsLink(string path) => LinkTarget(path) is not null;

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Components(string relative) =>
        relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part != ".");
}

/// <summary>How this file system compares paths (case-insensitive on Windows and macOS).</summary>
internal static class PathComparison
{
    public static readonly StringComparer Comparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(trimmed, Comparison)
            || (path.StartsWith(trimmed, Comparison) && path.Length > trimmed.Length
                && (path[trimmed.Length] == Path.DirectorySeparatorChar || path[trimmed.Length] == Path.AltDirectorySeparatorChar));
    }
}
