using Hmr.Bundler.Prebundling;
using Hmr.Bundler.Tests.DependencyResolution;
using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Prebundling;

/// <summary>A temporary project folder whose <c>node_modules</c> holds links to the real installed packages of
/// tests/Hmr.Bundler.Tests/packages (the layout pnpm makes: the resolver follows the links to the real folders),
/// and, for packages a test writes itself, real folders. The fixture's lock file is copied in.</summary>
internal sealed class PrebundleProject : IDisposable
{
    public PrebundleProject(params string[] linkedPackages)
    {
        var packages = ReferencePackages.Folder();
        Root = Directory.CreateTempSubdirectory("hmr-prebundle-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "node_modules"));
        foreach (var name in linkedPackages)
        {
            Link(name, Path.Combine(packages, "node_modules", name));
        }
        File.Copy(Path.Combine(packages, "package-lock.json"), Path.Combine(Root, "package-lock.json"));
    }

    public string Root { get; }

    public string OutputFolder => Path.Combine(Root, "obj", "Debug", "net10.0", "hmr", "deps");

    public string ManifestPath => Path.Combine(OutputFolder, DependencyOptimizerRequest.ManifestFileName);

    public void Link(string name, string target)
    {
        var link = Path.Combine(Root, "node_modules", name);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, target);
    }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Uses given as specifiers imported from <c>wwwroot/js/app.js</c>, one per line from line 1, column 20.</summary>
    public static DependencyUse[] UsesFromApp(params string[] specifiers) =>
        [.. specifiers.Select((s, i) => new DependencyUse(s, "wwwroot/js/app.js", i + 1, 20))];

    public DependencyOptimizerResult Optimize(IReadOnlyList<DependencyUse> uses, Func<DependencyOptimizerRequest, DependencyOptimizerRequest>? adjust = null)
    {
        var request = new DependencyOptimizerRequest
        {
            ProjectDirectory = Root,
            OutputDirectory = OutputFolder,
            Uses = uses,
        };
        return DependencyOptimizer.Optimize(adjust?.Invoke(request) ?? request);
    }

    public string EntryFile(DependencyOptimizerResult result, string specifier) =>
        Path.Combine(OutputFolder, result.Manifest.Files.Single(f => f.Entry == specifier && f.Kind == "entry").File);

    /// <summary>Runs an ES module in Node from the output folder (so it imports the bundles as <c>./file.js</c>) and
    /// returns what it printed.</summary>
    public string RunInNode(string module)
    {
        var path = Path.Combine(OutputFolder, $"probe-{Guid.NewGuid():N}.mjs");
        File.WriteAllText(path, module);
        try
        {
            return NodeRunner.Run(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
