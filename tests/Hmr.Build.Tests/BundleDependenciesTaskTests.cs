using System.Text.Json;
using Hmr.Core.Artifact;
using Microsoft.Build.Utilities;

namespace Hmr.Build.Tests;

/// <summary>The analysis and bundling tasks in-process, on a project with a small package of its own in node_modules.</summary>
[TestClass]
public sealed class BundleDependenciesTaskTests
{
    // MSTest makes an instance per test: each test gets its own folder.
    private readonly TaskProjectFolder folder = new();

    private string Project => folder.Root;

    public BundleDependenciesTaskTests()
    {
        Write("wwwroot/index.html", "<script type=\"module\" src=\"/js/app.js\"></script>\n<script type=\"module\">\n  import 'inline-only';\n</script>\n");
        Write("wwwroot/js/app.js", "import { twice } from 'tiny-lib';\nimport { other } from 'skipped-lib';\nconsole.log(twice(2), other);\n");
        Write("node_modules/tiny-lib/package.json", """{ "name": "tiny-lib", "version": "1.2.3", "module": "index.js" }""");
        Write("node_modules/tiny-lib/index.js", "export const twice = (x) => 2 * x;\n");
        Write("node_modules/tiny-lib/extra.js", "export const extra = true;\n");
        Write("node_modules/inline-only/package.json", """{ "name": "inline-only", "version": "0.0.1", "main": "index.js" }""");
        Write("node_modules/inline-only/index.js", "export {};\n");
    }

    [TestCleanup]
    public void DeleteFolder() => folder.Dispose();

    private void Write(string relative, string content) => folder.Write(relative, content);

    private string GraphFile => folder.GraphFile;

    private FakeBuildEngine Analyze(bool prebundle)
    {
        var engine = new FakeBuildEngine();
        var task = new AnalyzeModules { BuildEngine = engine, ProjectDirectory = Project, WebRoot = "wwwroot", GraphFile = GraphFile, Prebundle = prebundle };
        Assert.IsTrue(task.Execute());
        return engine;
    }

    private (BundleDependencies Task, FakeBuildEngine Engine, bool Result) Bundle(bool warningsAsErrors = false)
    {
        var engine = new FakeBuildEngine();
        var task = new BundleDependencies
        {
            BuildEngine = engine,
            ProjectDirectory = Project,
            ProjectFile = Path.Combine(Project, "App.csproj"),
            WebRoot = "wwwroot",
            GraphFile = GraphFile,
            OutputDirectory = Path.Combine("obj", "hmr", "deps"),
            OptimizeDeps =
            [
                new TaskItem("tiny-lib/extra.js"),
                new TaskItem("ghost-lib"),
                new TaskItem("skipped-lib", new Dictionary<string, string> { ["Exclude"] = "true" }),
            ],
            TreatWarningsAsErrors = warningsAsErrors,
        };
        return (task, engine, task.Execute());
    }

    [TestMethod]
    public void Bare_imports_are_bundled_instead_of_warned_about_and_problems_have_codes_and_places()
    {
        Assert.IsFalse(Analyze(prebundle: true).Warnings.Any(w => w.Code == GraphDiagnosticCodes.BareSpecifierUnmapped));
        var (task, engine, result) = Bundle();

        Assert.IsTrue(result);
        Assert.AreEqual(Path.Combine(Project, "obj", "hmr", "deps", "deps-manifest.json"), task.ManifestFile);
        using var manifest = JsonDocument.Parse(File.ReadAllText(task.ManifestFile));
        CollectionAssert.AreEqual(new[] { "inline-only", "tiny-lib", "tiny-lib/extra.js" },
            manifest.RootElement.GetProperty("imports").EnumerateObject().Select(p => p.Name).ToArray());

        var excluded = engine.Warnings.Single(w => w.Code == GraphDiagnosticCodes.BareSpecifierUnmapped);
        Assert.AreEqual((Path.Combine(Project, "wwwroot/js/app.js"), 2), (excluded.File, excluded.LineNumber));
        StringAssert.Contains(excluded.Message, "skipped-lib");
        var ghost = engine.Warnings.Single(w => w.Code == "HMR100");
        Assert.AreEqual((Path.Combine(Project, "App.csproj"), 0), (ghost.File, ghost.LineNumber));
        StringAssert.Contains(ghost.Message, "cannot resolve 'ghost-lib'");
        Assert.AreEqual(2, engine.Warnings.Count);
        Assert.IsTrue(engine.Messages.Any(m => m.Message?.StartsWith("Hmr: 3 dependencies bundled into", StringComparison.Ordinal) == true));

        var (_, strict, strictResult) = Bundle(warningsAsErrors: true);
        Assert.IsFalse(strictResult);
        CollectionAssert.AreEquivalent(new[] { GraphDiagnosticCodes.BareSpecifierUnmapped, "HMR100" }, strict.Errors.Select(e => e.Code).ToArray());
        Assert.IsTrue(strict.Messages.Any(m => m.Message?.Contains("up to date, no bundling", StringComparison.Ordinal) == true));
    }

    [TestMethod]
    public void Without_prebundling_the_analysis_warns_about_bare_imports_again()
    {
        var engine = Analyze(prebundle: false);
        CollectionAssert.AreEquivalent(new[] { 1, 2, 3 },
            engine.Warnings.Where(w => w.Code == GraphDiagnosticCodes.BareSpecifierUnmapped).Select(w => w.LineNumber).ToArray());
    }

    [TestMethod]
    public void No_readable_graph_is_a_warning_not_a_failed_build()
    {
        var (_, engine, result) = Bundle();
        Assert.IsTrue(result);
        Assert.AreEqual(GraphDiagnosticCodes.DependencyBundlingFailed, engine.Warnings.Single().Code);
    }
}
