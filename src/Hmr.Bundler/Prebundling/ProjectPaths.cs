namespace Hmr.Bundler.Prebundling;

/// <summary>Paths as the manifest and the inputs hash record them: relative to the project with <c>/</c> when inside
/// it (so moving the project changes nothing), absolute otherwise.</summary>
internal static class ProjectPaths
{
    public static string Relative(string projectDirectory, string path)
    {
        if (path.Length == 0)
        {
            return path;
        }
        return Path.GetRelativePath(projectDirectory, Path.GetFullPath(path, projectDirectory)).Replace('\\', '/');
    }
}
