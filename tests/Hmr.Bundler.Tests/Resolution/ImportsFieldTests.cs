using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary><c>#name</c> specifiers through the <c>imports</c> of the importing file's package.</summary>
[TestClass]
public sealed class ImportsFieldTests
{
    private static FixtureFolder WithImports(string imports, params string[] files) =>
        new FixtureFolder()
            .Package("node_modules/pkg", $$"""{ "name": "pkg", "imports": {{imports}} }""", ["src/index.js", .. files]);

    [TestMethod]
    public void ExactKeysPatternsAndConditionsMatchLikeExports()
    {
        using var project = WithImports("""
            {
              "#config": "./src/config.js",
              "#internal/*": "./src/internal/*.js",
              "#platform": { "node": "./src/node.js", "browser": "./src/browser.js", "default": "./src/default.js" },
              "#format": { "require": "./src/format.cjs", "default": "./src/format.js" }
            }
            """, "src/config.js", "src/internal/a.js", "src/node.js", "src/browser.js", "src/default.js", "src/format.cjs", "src/format.js");

        Assert.AreEqual("node_modules/pkg/src/config.js", project.Resolve("#config", "node_modules/pkg/src/index.js"));
        Assert.AreEqual("node_modules/pkg/src/internal/a.js", project.Resolve("#internal/a", "node_modules/pkg/src/index.js"));
        Assert.AreEqual("node_modules/pkg/src/browser.js", project.Resolve("#platform", "node_modules/pkg/src/index.js"));
        Assert.AreEqual("node_modules/pkg/src/format.js", project.Resolve("#format", "node_modules/pkg/src/index.js"));
        Assert.AreEqual("node_modules/pkg/src/format.cjs", project.Resolve("#format", "node_modules/pkg/src/index.js", ImportKind.Require));
    }

    [TestMethod]
    public void ABareTargetIsResolvedAsAPackageFromTheImportingPackage()
    {
        using var project = WithImports("""{ "#dep": "dep/feature", "#dep/*": "dep/*" }""")
            .Package("node_modules/pkg/node_modules/dep", """{ "name": "dep", "exports": { "./feature": "./feature.js", "./other": "./other.js" } }""", "feature.js", "other.js");

        Assert.AreEqual("node_modules/pkg/node_modules/dep/feature.js", project.Resolve("#dep", "node_modules/pkg/src/index.js"));
        Assert.AreEqual("node_modules/pkg/node_modules/dep/other.js", project.Resolve("#dep/other", "node_modules/pkg/src/index.js"));
    }

    [TestMethod]
    public void AnUndefinedNameIsAnErrorListingTheDefinedOnes()
    {
        using var project = WithImports("""{ "#a": "./src/a.js", "#b": null }""", "src/a.js");

        var message = project.Fail("#missing", ResolutionCodes.ImportNotDefined, "node_modules/pkg/src/index.js");
        Assert.Contains("does not define it in \"imports\"", message);
        Assert.Contains("defined: '#a', '#b'", message);
        project.Fail("#b", ResolutionCodes.ImportNotDefined, "node_modules/pkg/src/index.js");
    }

    [TestMethod]
    public void APackageWithoutImportsOrNoPackageAtAllIsAnError()
    {
        using var project = new FixtureFolder()
            .Package("node_modules/plain", """{ "name": "plain" }""", "index.js");

        Assert.Contains("has no \"imports\" field", project.Fail("#x", ResolutionCodes.ImportNotDefined, "node_modules/plain/index.js"));
        Assert.Contains("no package.json at or above", project.Fail("#x", ResolutionCodes.ImportNotDefined, "node_modules/stray.js"));
    }

    [TestMethod]
    public void TargetsAreExactAndMayNotLeaveThePackage()
    {
        using var project = WithImports("""{ "#noext": "./src/a", "#up": "../outside.js", "#deep-up": "./src/../../outside.js" }""", "src/a.js");
        project.File("node_modules/outside.js");

        project.Fail("#noext", ResolutionCodes.TargetMissing, "node_modules/pkg/src/index.js");
        project.Fail("#up", ResolutionCodes.TargetOutsidePackage, "node_modules/pkg/src/index.js");
        project.Fail("#deep-up", ResolutionCodes.TargetOutsidePackage, "node_modules/pkg/src/index.js");
    }

    [TestMethod]
    public void HashAloneOrHashSlashIsInvalid()
    {
        using var project = WithImports("""{ "#/x": "./src/index.js" }""");

        project.Fail("#", ResolutionCodes.InvalidSpecifier, "node_modules/pkg/src/index.js");
        project.Fail("#/x", ResolutionCodes.InvalidSpecifier, "node_modules/pkg/src/index.js");
    }
}
