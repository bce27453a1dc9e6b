using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hmr.Build.Tests;

/// <summary>Dependency pre-bundling through the packed package and the real <c>dotnet build</c>: a module imports
/// lodash-es by bare name from the project's node_modules (copied from the real package installed for the bundler's
/// tests).</summary>
[TestClass]
public sealed class PrebundleEndToEndTests
{
    private const string ManifestFile = "obj/Debug/net10.0/hmr/deps/deps-manifest.json";

    [ClassInitialize]
    public static void Pack(TestContext _) => PackageFeed.EnsurePacked();

    private static void AssertSucceeded(DotnetCli.Result result) => Assert.AreEqual(0, result.ExitCode, result.ToString());

    private static void CopyInstalledPackage(string name, string projectDirectory)
    {
        var source = Path.Combine(DotnetCli.RepositoryRoot(), "tests", "Hmr.Bundler.Tests", "packages", "node_modules", name);
        if (!File.Exists(Path.Combine(source, "package.json")))
            Assert.Fail($"{name} is not installed in {source}: run `cd tests/Hmr.Bundler.Tests/packages && npm ci` (./test.sh does it).");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(projectDirectory, "node_modules", name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TestMethod]
    public void A_debug_build_bundles_bare_imports_reports_missing_packages_and_bundles_again_only_when_a_lock_file_or_a_read_package_file_changed()
    {
        using var project = new TestWebProject("prebundle");
        CopyInstalledPackage("lodash-es", project.Directory);
        project.Write("package-lock.json", """{ "name": "app", "lockfileVersion": 3, "packages": {} }""");
        project.Write("wwwroot/index.html", """<!doctype html><script type="module" src="/js/app.js"></script>""");
        project.Write("wwwroot/js/app.js", "import { debounce } from 'lodash-es';\nimport missing from 'not-installed';\nconsole.log(debounce, missing);\n");

        var cold = project.Build();
        AssertSucceeded(cold);
        Assert.DoesNotContain("HMR020", cold.Output);
        StringAssert.Matches(cold.Output, new Regex(@"wwwroot/js/app\.js\(2,\d+\): warning HMR100: Hmr: cannot resolve 'not-installed'"));
        StringAssert.Contains(cold.Output, "Hmr: 1 dependencies bundled into 1 files (1 failed)");

        using (var manifest = JsonDocument.Parse(project.Read(ManifestFile)))
        {
            var url = manifest.RootElement.GetProperty("imports").GetProperty("lodash-es").GetString()!;
            StringAssert.Matches(url, new Regex(@"^/_deps/lodash_es\.[0-9a-f]{8}\.js$"));
            StringAssert.Contains(project.Read("obj/Debug/net10.0/hmr/deps/" + url["/_deps/".Length..]), "function debounce(");
            Assert.AreEqual("not-installed", manifest.RootElement.GetProperty("failed")[0].GetProperty("specifier").GetString());
        }
        StringAssert.Contains(project.Read("bin/Debug/net10.0/App.runtimeconfig.json"),
            $"\"Hmr.DependencyManifestFile\": \"{project.PathOf(ManifestFile)}\"");
        var output = Directory.GetFiles(project.PathOf("bin"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.DoesNotContain("Acornima.dll", output);
        Assert.DoesNotContain("Hmr.Bundler.dll", output);

        var manifestTime = File.GetLastWriteTimeUtc(project.PathOf(ManifestFile));
        project.AssertNoOpBuild("_HmrBundleDependencies", ManifestFile);

        // A module edited, no new dependency: the target runs (the graph changed), the optimizer bundles nothing.
        project.Write("wwwroot/js/app.js", "import { debounce } from 'lodash-es';\nimport missing from 'not-installed';\n\nconsole.log(debounce, missing);\n");
        var edit = project.Build();
        AssertSucceeded(edit);
        StringAssert.Contains(edit.Output, "Hmr: 1 dependencies up to date, no bundling (1 failed)");
        Assert.AreEqual(manifestTime, File.GetLastWriteTimeUtc(project.PathOf(ManifestFile)));

        // The lock file changed (a package installed, upgraded or removed): the target runs and the optimizer bundles
        // again, since a package's files may have changed with it.
        project.Write("package-lock.json", """{ "name": "app", "lockfileVersion": 3, "packages": { "node_modules/left-pad": { "version": "1.3.0" } } }""");
        var locked = project.Build();
        AssertSucceeded(locked);
        StringAssert.Contains(locked.Output, "Hmr: 1 dependencies bundled into 1 files (1 failed)");
        Assert.AreNotEqual(manifestTime, File.GetLastWriteTimeUtc(project.PathOf(ManifestFile)));

        // A local patch of a file the bundle read (an editor, patch-package): no version or lock file changes, yet the
        // target runs (the file is one of its inputs) and the optimizer bundles again; other package files do not count.
        project.AssertNoOpBuild("_HmrBundleDependencies", ManifestFile);
        File.AppendAllText(project.PathOf("node_modules/lodash-es/README.md"), "\nnot read by any bundle\n");
        project.AssertNoOpBuild("_HmrBundleDependencies", ManifestFile);
        File.AppendAllText(project.PathOf("node_modules/lodash-es/debounce.js"), "\n// patched locally\n");
        var patched = project.Build();
        AssertSucceeded(patched);
        StringAssert.Contains(patched.Output, "Hmr: 1 dependencies bundled into 1 files (1 failed)");
        project.AssertNoOpBuild("_HmrBundleDependencies", ManifestFile);

        // Pre-bundling off: bare imports are the analysis's HMR020 again, and no manifest is handed to the runtime.
        var off = project.Build("-p:HmrPrebundle=false");
        AssertSucceeded(off);
        StringAssert.Matches(off.Output, new Regex(@"wwwroot/js/app\.js\(1,\d+\): warning HMR020: "));
        Assert.DoesNotContain("Hmr.DependencyManifestFile", project.Read("bin/Debug/net10.0/App.runtimeconfig.json"));
    }
}
