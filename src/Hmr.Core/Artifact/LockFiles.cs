namespace Hmr.Core.Artifact;

/// <summary>The package managers' lock files and LibMan's manifest: when one changes, installed packages may have
/// changed, so the bundles are made again (by the build, and by the development server when one is saved). Each is looked for in the project folder, then in each folder above it
/// (a monorepo keeps one lock file at its root); the nearest of each name counts.</summary>
public static class LockFiles
{
    public static readonly IReadOnlyList<string> Names = ["package-lock.json", "pnpm-lock.yaml", "yarn.lock", "libman.json"];

    /// <summary>Full paths of the lock files that apply to the project, in <see cref="Names"/> order.</summary>
    public static IReadOnlyList<string> Find(string projectDirectory)
    {
        var found = new List<string>();
        foreach (var name in Names)
        {
            for (var dir = Path.GetFullPath(projectDirectory); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Join(dir, name);
                if (File.Exists(candidate))
                {
                    found.Add(candidate);
                    break;
                }
            }
        }
        return found;
    }
}
