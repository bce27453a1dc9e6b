namespace Hmr.Build.Tests;

/// <summary>A throwaway ASP.NET Core project that consumes the packed Hmr.Build from the test feed, isolated from
/// this repository's Directory.Build.* files.</summary>
internal sealed class TestWebProject : IDisposable
{
    /// <param name="name">Folder name prefix.</param>
    /// <param name="properties">Extra MSBuild properties for the project file, as XML elements.</param>
    public TestWebProject(string name, string properties = "")
    {
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(PackageFeed.Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        Write("App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Hmr.Build" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.UseStaticFiles();\napp.Run();\n");
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="hmr-test-feed" value="{PackageFeed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // Stop MSBuild's upward search: nothing from the folders above may shape this project.
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");
    }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public DotnetCli.Result Dotnet(params string[] arguments) =>
        DotnetCli.Run(Directory, PackageFeed.NugetPackages, TimeSpan.FromMinutes(5), arguments);

    /// <summary><c>dotnet build -v:n</c>, where the task's summary message and skipped targets show.</summary>
    public DotnetCli.Result Build(params string[] extra) => Dotnet(["build", "-v:n", "-nologo", .. extra]);

    /// <summary>A build with nothing changed since the last: it succeeds, skips <paramref name="target"/> as up to date,
    /// and leaves <paramref name="untouchedFile"/> as it was.</summary>
    public DotnetCli.Result AssertNoOpBuild(string target, string untouchedFile)
    {
        var time = File.GetLastWriteTimeUtc(PathOf(untouchedFile));
        var noop = Build();
        Assert.AreEqual(0, noop.ExitCode, noop.ToString());
        StringAssert.Contains(noop.Output, $"Skipping target \"{target}\" because all output files are up-to-date");
        Assert.AreEqual(time, File.GetLastWriteTimeUtc(PathOf(untouchedFile)), untouchedFile + " was rewritten");
        return noop;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
