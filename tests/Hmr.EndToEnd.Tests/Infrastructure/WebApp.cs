using System.Text;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>How the generated Program.cs serves wwwroot.</summary>
public enum StaticFiles { UseStaticFiles, MapStaticAssets }

/// <summary>How a test saves a file: in place, or as editors that write a temporary file and rename it over the original.</summary>
public enum SaveMode { InPlace, Atomic }

/// <summary>A temporary ASP.NET Core web project (net10.0) that consumes the packed Hmr.Build package, with the
/// wwwroot of one site from Sites/, built once and run under `dotnet watch`. Files can be edited, created and
/// deleted, and put back as they were between tests.</summary>
public sealed class WebApp : IDisposable
{
    public const string ServerTextV1 = "server says v1";

    private readonly Dictionary<string, byte[]> originals = new(StringComparer.Ordinal);
    private readonly string editsDirectory;
    private WatchProcess? watch;

    private WebApp(string name, string directory, int port)
    {
        Name = name;
        Directory = directory;
        Port = port;
        editsDirectory = Path.Combine(RepoPackage.RunDirectory, "edits-" + name);
        System.IO.Directory.CreateDirectory(editsDirectory);
    }

    public string Name { get; }

    public string Directory { get; }

    public string WebRoot => Path.Combine(Directory, "wwwroot");

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool IsRunning => watch is { HasExited: false };

    /// <summary>What dotnet watch (and the app under it) printed, for failure messages.</summary>
    public string WatchOutputTail => watch?.Tail() ?? "(dotnet watch not started)";

    public string WatchOutput => watch?.Output ?? "";

    /// <summary>Writes the project (csproj, Program.cs, nuget.config, wwwroot copied from Sites/<paramref name="site"/>) and builds it.</summary>
    /// <param name="prepare">Runs on the project folder before the build (e.g. to give it a node_modules folder).</param>
    public static async Task<WebApp> CreateAsync(string site, StaticFiles staticFiles, HostStyle host = HostStyle.Default, Action<string>? prepare = null)
    {
        var (feed, version) = await RepoPackage.EnsurePackedAsync();
        var name = site + "-" + staticFiles + (host == HostStyle.Default ? "" : "-" + host);
        var dir = Path.Combine(RepoPackage.RunDirectory, name);
        var app = new WebApp(name, dir, WatchProcess.FreePort());
        System.IO.Directory.CreateDirectory(dir);
        IsolateFromRepository(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{RepoPackage.PackageId}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        WriteNuGetConfig(dir, feed);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), ProgramSource.For(staticFiles, host));
        var source = Path.Combine(AppContext.BaseDirectory, "Sites", site);
        if (!System.IO.Directory.Exists(source)) throw new DirectoryNotFoundException(source);
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            var target = Path.Combine(app.WebRoot, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        app.SnapshotOriginals();
        prepare?.Invoke(dir);
        await ChildProcess.RunAsync(dir, TimeSpan.FromMinutes(5), "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        return app;
    }

    /// <summary>A project from a .NET template (<c>webapp</c>, <c>mvc</c>) with the package added, as a user makes one;
    /// <paramref name="prepare"/> runs on its folder before the build. <see cref="BuildOutput"/> keeps what the build printed.</summary>
    public static async Task<WebApp> CreateFromTemplateAsync(string template, Action<string>? prepare = null)
    {
        var (feed, version) = await RepoPackage.EnsurePackedAsync();
        // A name that is its own C# identifier: the templates name the scoped-CSS bundle's link after the identifier
        // ("template_webapp.styles.css") while the build names the file after the project ("template-webapp.styles.css").
        var name = "Template" + char.ToUpperInvariant(template[0]) + template[1..];
        var dir = Path.Combine(RepoPackage.RunDirectory, name);
        if (System.IO.Directory.Exists(dir)) System.IO.Directory.Delete(dir, recursive: true); // an earlier attempt that failed
        await ChildProcess.RunAsync(RepoPackage.RunDirectory, TimeSpan.FromMinutes(2), "new", template, "-o", dir, "-n", name, "--no-restore", "--no-update-check");
        IsolateFromRepository(dir);
        WriteNuGetConfig(dir, feed);
        var project = Path.Combine(dir, name + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
            $"  <ItemGroup>\n    <PackageReference Include=\"{RepoPackage.PackageId}\" Version=\"{version}\" />\n  </ItemGroup>\n</Project>"));
        var app = new WebApp(name, dir, WatchProcess.FreePort()) { ProbePath = "/" };
        prepare?.Invoke(dir);
        app.SnapshotOriginals();
        app.BuildOutput = await ChildProcess.RunAsync(dir, TimeSpan.FromMinutes(5), "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        return app;
    }

    /// <summary>What the first build printed (template apps).</summary>
    public string BuildOutput { get; private set; } = "";

    /// <summary>Keeps any Directory.Build.* or central package management above the temporary folder out of the project.</summary>
    private static void IsolateFromRepository(string dir)
    {
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />\n");
    }

    /// <summary>The temporary feed first, then the sources configured on the machine (inherited, not cleared).</summary>
    private static void WriteNuGetConfig(string dir, string feed) =>
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hmr-e2e-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);

    /// <summary>Rewrites a file of the project (a Razor view, a controller), relative to its folder.</summary>
    public void EditProjectFile(string relativePath, string oldText, string newText) =>
        EditFile(Path.Combine(Directory, relativePath), oldText, newText, SaveMode.InPlace);

    /// <summary>Starts dotnet watch (if it is not running) and waits for the site to answer.</summary>
    public async Task EnsureRunningAsync()
    {
        if (IsRunning) return;
        watch?.Dispose();
        watch = null;
        await WatchProcess.WaitForPortFreeAsync(Port, TimeSpan.FromSeconds(30));
        watch = await WatchProcess.StartAsync(Directory, Port, ProbePath, TimeSpan.FromMinutes(3));
    }

    /// <summary>The page that answers once the app is up: <c>/index.html</c> for the sites, <c>/</c> for templates.</summary>
    public string ProbePath { get; private init; } = "/index.html";

    /// <summary>Stops whatever runs and starts the app as <paramref name="launch"/> says; waits for <paramref name="probePath"/> to answer.</summary>
    public async Task StartAsync(AppLaunch launch, string probePath = "/index.html")
    {
        Stop();
        await WatchProcess.WaitForPortFreeAsync(Port, TimeSpan.FromSeconds(30));
        watch = await WatchProcess.StartAsync(Directory, Port, probePath, TimeSpan.FromMinutes(3), launch);
    }

    /// <summary>`dotnet build -c <paramref name="configuration"/>` of the project (nothing may be running it).</summary>
    public Task BuildAsync(string configuration)
        => ChildProcess.RunAsync(Directory, TimeSpan.FromMinutes(5), "build", "-c", configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false");

    /// <summary>The built app assembly of a configuration.</summary>
    public string AssemblyPath(string configuration) => Path.Combine(Directory, "bin", configuration, "net10.0", Name + ".dll");

    /// <summary>Kills dotnet watch and its app (the whole process tree).</summary>
    public void Stop()
    {
        watch?.Dispose();
        watch = null;
    }

    public string Url(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    public string ReadWebFile(string webPath) => File.ReadAllText(WebPath(webPath));

    /// <summary>Rewrites a file under wwwroot; the edit must change it (otherwise the test is wrong).</summary>
    public void EditWebFile(string webPath, string oldText, string newText, SaveMode mode = SaveMode.InPlace)
        => EditFile(WebPath(webPath), oldText, newText, mode);

    /// <summary>Rewrites Program.cs (a C# edit under dotnet watch).</summary>
    public void EditProgram(string oldText, string newText) => EditFile(Path.Combine(Directory, "Program.cs"), oldText, newText, SaveMode.InPlace);

    public void WriteWebFile(string webPath, string content, SaveMode mode = SaveMode.InPlace) => Save(WebPath(webPath), content, mode);

    public void DeleteWebFile(string webPath) => File.Delete(WebPath(webPath));

    /// <summary>Puts back every file as it was written at creation (the web root's, Program.cs, Razor views) and deletes
    /// files created since under the web root.
    /// Returns true when something had to change.</summary>
    public bool RestoreFiles()
    {
        var changed = false;
        foreach (var file in System.IO.Directory.GetFiles(WebRoot, "*", SearchOption.AllDirectories))
        {
            if (!originals.ContainsKey(file)) { File.Delete(file); changed = true; }
        }
        foreach (var (path, bytes) in originals)
        {
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) continue;
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            changed = true;
        }
        return changed;
    }

    private void SnapshotOriginals()
    {
        foreach (var file in System.IO.Directory.GetFiles(WebRoot, "*", SearchOption.AllDirectories)) originals[file] = File.ReadAllBytes(file);
        var program = Path.Combine(Directory, "Program.cs");
        originals[program] = File.ReadAllBytes(program);
        foreach (var folder in new[] { "Pages", "Views" }.Select(f => Path.Combine(Directory, f)).Where(System.IO.Directory.Exists))
        {
            foreach (var view in System.IO.Directory.GetFiles(folder, "*.cshtml", SearchOption.AllDirectories)) originals[view] = File.ReadAllBytes(view);
        }
    }

    private string WebPath(string webPath) => Path.Combine(WebRoot, webPath.TrimStart('/'));

    private void EditFile(string path, string oldText, string newText, SaveMode mode)
    {
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal)) throw new InvalidOperationException($"Test error: '{oldText}' is not in {path}:\n{text}");
        Save(path, text.Replace(oldText, newText, StringComparison.Ordinal), mode);
    }

    private void Save(string path, string content, SaveMode mode)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (mode == SaveMode.InPlace)
        {
            File.WriteAllText(path, content, new UTF8Encoding(false));
            return;
        }
        // Outside the project (a stray temporary file under wwwroot would itself be a new file to dotnet watch),
        // on the same file system, then renamed over the original.
        var temp = Path.Combine(editsDirectory, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    public void Dispose() => Stop();
}
