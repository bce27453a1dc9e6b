using System.Diagnostics;
using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>Bad input in node_modules: broken package.json files and symbolic link loops give clear errors, never a hang.</summary>
[TestClass]
public sealed class ResolutionErrorTests
{
    [TestMethod]
    public void InvalidPackageJsonNamesFileLineAndColumn()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("node_modules/broken/package.json", "{\n  \"name\": \"broken\",\n  \"main\": \"index.js\"\n  \"module\": \"x.js\"\n}\n")
            .File("node_modules/broken/index.js");

        var message = project.Fail("broken", ResolutionCodes.InvalidJson);
        Assert.Contains("node_modules/broken/package.json(4,3): invalid JSON", message);
    }

    [TestMethod]
    public void ABrokenPackageJsonIsReportedAtEveryImportOfIt()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("node_modules/broken/package.json", "{ \"exports\": ")
            .File("node_modules/broken/index.js");
        var resolver = project.Resolver();

        var first = project.Fail("broken", ResolutionCodes.InvalidJson, resolver: resolver);
        var second = project.Fail("broken/index.js", ResolutionCodes.InvalidJson, resolver: resolver);
        Assert.Contains("package.json(1,", first);
        Assert.Contains("package.json(1,", second);
    }

    [TestMethod]
    public void AByteOrderMarkIsNotAnError()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("node_modules/bom/package.json", "\uFEFF{ \"main\": \"main.js\" }")
            .File("node_modules/bom/main.js");

        Assert.AreEqual("node_modules/bom/main.js", project.Resolve("bom"));
    }

    [TestMethod]
    public void ASymlinkLoopBetweenPackagesIsAnErrorNotAHang()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Link("node_modules/a", "b")
            .Link("node_modules/b", "a")
            .Link("node_modules/self", "self");

        var clock = Stopwatch.StartNew();
        Assert.Contains("symbolic link loop", project.Fail("a", ResolutionCodes.SymlinkLoop));
        Assert.Contains("symbolic link loop", project.Fail("self/x.js", ResolutionCodes.SymlinkLoop));
        Assert.Contains("symbolic link loop", project.Fail("./node_modules/a/index.js", ResolutionCodes.SymlinkLoop));
        Assert.IsLessThan(TimeSpan.FromSeconds(30), clock.Elapsed, "a loop must be cut short, not followed");
    }

    [TestMethod]
    public void ALinkToAnAncestorFolderIsFollowedOnce()
    {
        // A cycle through folders (not a loop of links): lexically endless, but each resolution follows it only as far
        // as the specifier goes, and the real path collapses it.
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/pkg", """{ "name": "pkg", "main": "index.js" }""", "index.js")
            .Link("node_modules/pkg/node_modules/pkg", "../..");

        Assert.AreEqual("node_modules/pkg/index.js", project.Resolve("pkg", "node_modules/pkg/node_modules/pkg/node_modules/pkg/index.js"));
    }

    [TestMethod]
    public void ADanglingLinkIsSkippedAndNamed()
    {
        using var project = new FixtureFolder()
            .File("src/app.js")
            .Link("src/node_modules/gone", "../../store/gone")
            .Link("src/node_modules/lost", "../../store/lost")
            .Package("node_modules/gone", """{ "main": "index.js" }""", "index.js");

        Assert.AreEqual("node_modules/gone/index.js", project.Resolve("gone", "src/app.js"));
        var message = project.Fail("lost", ResolutionCodes.PackageNotFound, "src/app.js");
        Assert.Contains($"src/node_modules ('lost' is a link to '{project.PathOf("store/lost")}', which does not exist)", message);
    }
}
