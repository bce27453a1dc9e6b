using System.Text.RegularExpressions;
using Hmr.Core.Artifact;

namespace Hmr.Build.Tests;

/// <summary>The packed package in a real web project, built with the real <c>dotnet build</c>. Builds are slow
/// (seconds each on two cores), so each test walks one project through several builds.</summary>
[TestClass]
public sealed partial class PackageEndToEndTests
{
    private const string GraphFile = "obj/Debug/net10.0/hmr/module-graph.json";

    [ClassInitialize]
    public static void Pack(TestContext _) => PackageFeed.EnsurePacked();

    private static TestWebProject SampleProject(string name)
    {
        // "greet" comes from an HmrImportMap file, "config" from the page's import map.
        var project = new TestWebProject(name, "<HmrImportMap>importmap.json</HmrImportMap>");
        project.Write("importmap.json", """{ "imports": { "greet-lib/": "/js/lib/" } }""");
        project.Write("wwwroot/index.html", """
            <!doctype html>
            <html><head>
              <script type="importmap">{ "imports": { "config": "/js/config.js" } }</script>
              <script type="module" src="/js/app.js"></script>
            </head><body></body></html>
            """);
        project.Write("wwwroot/js/app.js", "import { greet } from 'greet-lib/greet.js';\nimport settings from 'config';\ngreet(settings);\n");
        project.Write("wwwroot/js/lib/greet.js", "export function greet(s) { console.log(s); }\n");
        project.Write("wwwroot/js/config.js", "export default { name: 'x' };\n");
        return project;
    }

    private static ModuleGraphDocument ReadGraph(TestWebProject project)
    {
        Assert.IsTrue(ModuleGraphSerializer.TryRead(project.PathOf(GraphFile), out var graph, out var problem), problem);
        return graph!;
    }

    private static void AssertSucceeded(DotnetCli.Result result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    [GeneratedRegex(@"Hmr: (\d+) modules, (\d+) imports, (\d+) bytes analysed in (\d+) ms \((\d+) re-parsed\)")]
    private static partial Regex Summary();

    [TestMethod]
    public void The_package_has_the_documented_layout_and_no_dependencies()
    {
        var entries = PackageFeed.Entries();
        foreach (var expected in new[]
                 {
                     "build/Hmr.Build.props", "build/Hmr.Build.targets", "buildTransitive/Hmr.Build.props", "buildTransitive/Hmr.Build.targets",
                     "tasks/net10.0/Hmr.Build.dll", "tasks/net10.0/Hmr.Core.dll", "lib/net10.0/Hmr.Runtime.dll", "lib/net10.0/Hmr.Core.dll",
                     "tasks/net10.0/Hmr.Bundler.dll", "tasks/net10.0/Acornima.dll",
                 })
            Assert.Contains(expected, entries);
        Assert.IsFalse(entries.Any(e => e.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase)), string.Join("\n", entries));
        // The bundler and its parser are build-time code: nothing the app references carries them.
        Assert.IsFalse(entries.Any(e => !e.StartsWith("tasks/", StringComparison.Ordinal) && (e.Contains("Acornima") || e.Contains("Hmr.Bundler"))), string.Join("\n", entries));
        var nuspec = PackageFeed.ReadEntry("Hmr.Build.nuspec");
        Assert.DoesNotContain("<dependency", nuspec);
        Assert.DoesNotContain("developmentDependency", nuspec);
    }

    [TestMethod]
    public void Debug_builds_write_the_graph_and_stay_incremental()
    {
        using var project = SampleProject("incremental");

        // Cold build: everything analysed, the hosting startup and the runtime options generated.
        var cold = project.Build();
        AssertSucceeded(cold);
        var summary = Summary().Match(cold.Output);
        Assert.IsTrue(summary.Success, cold.Output);
        Assert.AreEqual(("3", "2", "3"), (summary.Groups[1].Value, summary.Groups[2].Value, summary.Groups[5].Value));
        var graph = ReadGraph(project);
        CollectionAssert.AreEqual(new[] { "/js/app.js", "/js/config.js", "/js/lib/greet.js" }, graph.Modules.Select(m => m.Url).ToArray());
        CollectionAssert.AreEqual(new[] { "/js/lib/greet.js", "/js/config.js" }, graph.Modules[0].Imports.Select(i => i.Url).ToArray());
        CollectionAssert.AreEqual(new[] { "/js/app.js" }, graph.Roots.ToArray());
        StringAssert.Contains(project.Read("obj/Debug/net10.0/App.AssemblyInfo.cs"), "HostingStartupAttribute(typeof(Hmr.Runtime.HmrHostingStartup))");
        var runtimeConfig = project.Read("bin/Debug/net10.0/App.runtimeconfig.json");
        StringAssert.Contains(runtimeConfig, $"\"Hmr.ModuleGraphFile\": \"{project.PathOf(GraphFile)}\"");
        StringAssert.Contains(runtimeConfig, $"\"Hmr.WebRoot\": \"{project.PathOf("wwwroot")}\"");
        // Tiered PGO off in the builds HMR runs in (fewer recompilations during the first saves).
        StringAssert.Contains(runtimeConfig, "\"System.Runtime.TieredPGO\": false");
        // The dotnet watch mitigation must not lose the JS files as static web assets.
        StringAssert.Contains(project.Read("obj/Debug/net10.0/staticwebassets.build.json"), "js/lib/greet.js");

        // No-op build: the target is skipped, the graph untouched.
        var noop = project.AssertNoOpBuild("HmrAnalyzeModules", GraphFile);
        Assert.IsFalse(Summary().IsMatch(noop.Output), noop.Output);

        // One file edited: only it is lexed again.
        project.Write("wwwroot/js/lib/greet.js", "export function greet(s) { console.log('hi', s); }\nexport const extra = 1;\n");
        var edit = project.Build();
        AssertSucceeded(edit);
        StringAssert.Contains(edit.Output, "(1 re-parsed)");
        CollectionAssert.AreEqual(new[] { "extra", "greet" }, ReadGraph(project).Modules.Single(m => m.Url == "/js/lib/greet.js").Exports.ToArray());

        // A file added and one deleted: timestamps alone would not show it; the input list does.
        project.Write("wwwroot/js/added.mjs", "export const added = true;\n");
        project.Delete("wwwroot/js/config.js");
        var addDelete = project.Build();
        AssertSucceeded(addDelete);
        Assert.IsTrue(Summary().IsMatch(addDelete.Output), addDelete.Output);
        graph = ReadGraph(project);
        CollectionAssert.AreEqual(new[] { "/js/added.mjs", "/js/app.js", "/js/lib/greet.js" }, graph.Modules.Select(m => m.Url).ToArray());
        var app = graph.Modules.Single(m => m.Url == "/js/app.js");
        Assert.IsNull(app.Imports[1].Url, "config.js is gone");
        StringAssert.Matches(addDelete.Output, new Regex(@"wwwroot/js/app\.js\(2,22\): warning HMR021: .*config"));

        // A syntax error: a warning with code, file, line and column; the build still succeeds.
        project.Write("wwwroot/js/config.js", "export default {\n  name: 'never closed\n};\n");
        var syntax = project.Build();
        AssertSucceeded(syntax);
        StringAssert.Matches(syntax.Output, new Regex(@"wwwroot/js/config\.js\(2,\d+\): warning HMR0[01]\d: "));

        // The same problems fail the build when warnings are errors.
        var strict = project.Build("-p:HmrTreatWarningsAsErrors=true");
        Assert.AreNotEqual(0, strict.ExitCode, strict.Output);
        StringAssert.Matches(strict.Output, new Regex(@"wwwroot/js/config\.js\(2,\d+\): error HMR0[01]\d: "));

        // The HmrImportMap file is an input: remapping it re-resolves (the map's fingerprint changed, so all re-parse).
        project.Write("importmap.json", """{ "imports": { "greet-lib/": "/js/nowhere/" } }""");
        var remapped = project.Build();
        AssertSucceeded(remapped);
        StringAssert.Matches(remapped.Output, new Regex(@"wwwroot/js/app\.js\(1,23\): warning HMR021: .*/js/nowhere/greet\.js"));
        StringAssert.Contains(remapped.Output, "(4 re-parsed)");
    }

    [TestMethod]
    public void Release_builds_and_publish_carry_nothing_of_hmr_and_no_msbuild()
    {
        using var project = SampleProject("release");
        var release = project.Build("-c", "Release");
        AssertSucceeded(release);
        // The analysis runs (pre-bundling finds the npm packages through it); with none imported, nothing comes of it.
        Assert.IsTrue(File.Exists(project.PathOf("obj/Release/net10.0/hmr/module-graph.json")));
        Assert.IsFalse(File.Exists(project.PathOf("bin/Release/net10.0/hmr-deps-manifest.json")));
        Assert.DoesNotContain("HostingStartup", project.Read("obj/Release/net10.0/App.AssemblyInfo.cs"));
        Assert.DoesNotContain("Hmr.ModuleGraphFile", project.Read("bin/Release/net10.0/App.runtimeconfig.json"));
        Assert.DoesNotContain("TieredPGO", project.Read("bin/Release/net10.0/App.runtimeconfig.json"));

        var publish = project.Dotnet("publish", "-c", "Release", "-o", project.PathOf("out"), "--no-restore");
        AssertSucceeded(publish);
        var published = Directory.GetFiles(project.PathOf("out"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.IsFalse(published.Any(f => f!.StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase)), string.Join("\n", published));
        Assert.Contains("Hmr.Runtime.dll", published);
        Assert.Contains("app.js", published, "JS files are still published as static assets");
        Assert.DoesNotContain("hmr-deps-manifest.json", published);
        Assert.DoesNotContain("Acornima.dll", published);
        Assert.DoesNotContain("Hmr.Bundler.dll", published);
        Assert.DoesNotContain("Microsoft.Build", project.Read("out/App.deps.json"));
    }

    [TestMethod]
    public void A_project_that_sets_TieredPGO_keeps_its_own_choice()
    {
        using var project = new TestWebProject("pgo", "<TieredPGO>true</TieredPGO>");
        project.Write("wwwroot/js/app.js", "export const ready = true;\n");
        AssertSucceeded(project.Build());
        StringAssert.Contains(project.Read("bin/Debug/net10.0/App.runtimeconfig.json"), "\"System.Runtime.TieredPGO\": true");
    }
}
