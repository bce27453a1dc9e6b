namespace Hmr.Build.Tests;

/// <summary>A temporary project folder for running the tasks in-process: files written by relative path, and where
/// the graph goes.</summary>
internal sealed class TaskProjectFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hmr-task-").FullName;

    public string GraphFile => Path.Combine(Root, "obj", "hmr", "module-graph.json");

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
