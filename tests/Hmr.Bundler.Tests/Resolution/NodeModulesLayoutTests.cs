using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>Finding a package folder by name in the layouts npm, yarn classic and pnpm write.</summary>
[TestClass]
public sealed class NodeModulesLayoutTests
{
    [TestMethod]
    public void NpmFlatLayoutFindsPlainAndScopedPackages()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/lodash-es", """{ "name": "lodash-es", "main": "lodash.js" }""", "lodash.js", "debounce.js")
            .Package("node_modules/@scope/pkg", """{ "name": "@scope/pkg", "main": "main.js" }""", "main.js", "sub/deep.js");

        Assert.AreEqual("node_modules/lodash-es/lodash.js", project.Resolve("lodash-es"));
        Assert.AreEqual("node_modules/lodash-es/debounce.js", project.Resolve("lodash-es/debounce.js"));
        Assert.AreEqual("node_modules/@scope/pkg/main.js", project.Resolve("@scope/pkg"));
        Assert.AreEqual("node_modules/@scope/pkg/sub/deep.js", project.Resolve("@scope/pkg/sub/deep.js"));
    }

    [TestMethod]
    public void NodeModulesOfEveryParentFolderAreSearchedNearestFirst()
    {
        using var project = new FixtureFolder()
            .File("src/pages/deep/app.js")
            .Package("node_modules/far", """{ "main": "far.js" }""", "far.js")
            .Package("src/node_modules/near", """{ "main": "near.js" }""", "near.js")
            .Package("node_modules/near", """{ "main": "wrong.js" }""", "wrong.js");

        Assert.AreEqual("node_modules/far/far.js", project.Resolve("far", "src/pages/deep/app.js"));
        Assert.AreEqual("src/node_modules/near/near.js", project.Resolve("near", "src/pages/deep/app.js"));
    }

    [TestMethod]
    public void NestedNodeModulesShadowAHoistedVersion()
    {
        // npm and yarn classic: a dependency needing another major version gets its own copy below itself.
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/lib", """{ "name": "lib", "version": "2.0.0", "main": "v2.js" }""", "v2.js")
            .Package("node_modules/old-user", """{ "name": "old-user", "main": "index.js" }""", "index.js")
            .Package("node_modules/old-user/node_modules/lib", """{ "name": "lib", "version": "1.0.0", "main": "v1.js" }""", "v1.js")
            .Package("node_modules/new-user", """{ "name": "new-user", "main": "index.js" }""", "index.js");

        Assert.AreEqual("node_modules/lib/v2.js", project.Resolve("lib"));
        Assert.AreEqual("node_modules/old-user/node_modules/lib/v1.js", project.Resolve("lib", "node_modules/old-user/index.js"));
        Assert.AreEqual("node_modules/lib/v2.js", project.Resolve("lib", "node_modules/new-user/index.js"));
    }

    [TestMethod]
    public void PnpmSymlinksResolveToRealPathsWhoseSiblingsAreTheDependencies()
    {
        // pnpm: only direct dependencies are linked at the top; lit's own dependency lit-html is a sibling of the real
        // lit folder inside the store, and is not reachable from the project's node_modules at all.
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/.pnpm/lit@3.3.3/node_modules/lit", """{ "name": "lit", "version": "3.3.3", "exports": { ".": "./index.js" } }""", "index.js")
            .Package("node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html", """{ "name": "lit-html", "version": "3.3.3", "exports": { ".": "./lit-html.js" } }""", "lit-html.js")
            .Link("node_modules/.pnpm/lit@3.3.3/node_modules/lit-html", "../../lit-html@3.3.3/node_modules/lit-html")
            .Link("node_modules/lit", ".pnpm/lit@3.3.3/node_modules/lit");
        var resolver = project.Resolver();

        var lit = project.Resolve("lit", resolver: resolver);
        Assert.AreEqual("node_modules/.pnpm/lit@3.3.3/node_modules/lit/index.js", lit);
        Assert.AreEqual("node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/lit-html.js", project.Resolve("lit-html", lit, resolver: resolver));
        // Through the link path too: the importer's real folder is what counts.
        Assert.AreEqual("node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/lit-html.js", project.Resolve("lit-html", "node_modules/lit/index.js", resolver: resolver));
        project.Fail("lit-html", ResolutionCodes.PackageNotFound, resolver: resolver);
    }

    [TestMethod]
    public void NodeModulesInsideNodeModulesIsNotAPackageFolder()
    {
        // From node_modules/a/index.js the folders are node_modules/a/node_modules, then node_modules (itself, not node_modules/node_modules).
        using var project = new FixtureFolder()
            .Package("node_modules/a", """{ "main": "index.js" }""", "index.js")
            .Package("node_modules/node_modules/b", """{ "main": "index.js" }""", "index.js");

        var message = project.Fail("b", ResolutionCodes.PackageNotFound, "node_modules/a/index.js");
        Assert.Contains("node_modules/a/node_modules", message);
        Assert.DoesNotContain("node_modules/node_modules", message);
    }

    [TestMethod]
    public void AMissingPackageNamesEveryFolderItLookedIn()
    {
        using var project = new FixtureFolder().File("src/app.js");

        var message = project.Fail("lodash-es/debounce", ResolutionCodes.PackageNotFound, "src/app.js");

        Assert.Contains("'lodash-es/debounce'", message);
        Assert.Contains("package 'lodash-es' not found", message);
        Assert.Contains("the import map (no entry for 'lodash-es/debounce')", message);
        Assert.Contains("src/node_modules;", message);
        Assert.Contains($"; node_modules;", message);
        Assert.Contains(Path.Combine(Path.GetDirectoryName(project.Root)!, "node_modules"), message);
        Assert.Contains("libman.json (none in the project folder)", message);
    }

    [TestMethod]
    public void ANodeBuiltinIsNamedAsSuch()
    {
        using var project = new FixtureFolder().File("app.js");

        Assert.Contains("Node built-in", project.Fail("node:fs", ResolutionCodes.NodeBuiltin));
        Assert.Contains("Node built-in", project.Fail("fs/promises", ResolutionCodes.NodeBuiltin));
    }

    [TestMethod]
    public void ABrowserPolyfillPackageNamedLikeABuiltinWins()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/events", """{ "main": "events.js" }""", "events.js");

        Assert.AreEqual("node_modules/events/events.js", project.Resolve("events"));
    }

    [TestMethod]
    public void InvalidPackageNamesAreRejected()
    {
        using var project = new FixtureFolder().File("app.js");

        project.Fail("@scope", ResolutionCodes.InvalidSpecifier);
        project.Fail("", ResolutionCodes.InvalidSpecifier);
        project.Fail("bad%name", ResolutionCodes.InvalidSpecifier);
        project.Fail("/absolute/path.js", ResolutionCodes.InvalidSpecifier);
    }
}
