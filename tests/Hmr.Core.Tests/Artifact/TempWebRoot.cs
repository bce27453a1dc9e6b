namespace Hmr.Core.Tests.Artifact;

/// <summary>A throwaway project folder with a <c>wwwroot</c>, deleted on dispose.</summary>
internal sealed class TempWebRoot : IDisposable
{
    public TempWebRoot()
    {
        ProjectDirectory = Path.Combine(Path.GetTempPath(), "hmr-graph-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(ProjectDirectory, "wwwroot"));
    }

    public string ProjectDirectory { get; }

    public string WebRoot => Path.Combine(ProjectDirectory, "wwwroot");

    public string Write(string relativeToWebRoot, string content)
    {
        var path = Path.Combine(WebRoot, relativeToWebRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Delete(string relativeToWebRoot) => File.Delete(Path.Combine(WebRoot, relativeToWebRoot));

    public void Dispose()
    {
        try { Directory.Delete(ProjectDirectory, recursive: true); }
        catch (IOException) { }
    }
}
