using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>The two sources beside node_modules: the pages' import-map entries (local ones first of all, remote ones
/// external) and the folders LibMan restores.</summary>
[TestClass]
public sealed class ImportMapAndLibManTests
{
    [TestMethod]
    public void ALocalImportMapEntryWinsOverNodeModules()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("wwwroot/vendor/lodash.custom.js")
            .Package("node_modules/lodash-es", """{ "main": "lodash.js" }""", "lodash.js");
        var resolver = project.Resolver([new LocalImportMapEntry("lodash-es", project.PathOf("wwwroot/vendor/lodash.custom.js"))]);

        Assert.AreEqual("wwwroot/vendor/lodash.custom.js", project.Resolve("lodash-es", resolver: resolver));
        Assert.AreEqual("wwwroot/vendor/lodash.custom.js", project.Resolve("lodash-es", "node_modules/lodash-es/lodash.js", resolver: resolver));
    }

    [TestMethod]
    public void AnEntryToAPackageFolderUsesItsPackageJsonAndAPrefixEntryMapsPathsAsWritten()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("wwwroot/lib/lit", """{ "name": "lit", "exports": { ".": "./index.js", "./decorators.js": "./decorators.js" } }""", "index.js", "decorators.js", "internal.js");
        var folder = project.PathOf("wwwroot/lib/lit");
        var resolver = project.Resolver([new LocalImportMapEntry("lit", folder), new LocalImportMapEntry("lit/", folder + "/")]);

        Assert.AreEqual("wwwroot/lib/lit/index.js", project.Resolve("lit", resolver: resolver));
        Assert.AreEqual("wwwroot/lib/lit/decorators.js", project.Resolve("lit/decorators.js", resolver: resolver));
        // A prefix maps URLs as the browser would: the file named, whatever "exports" says, and no extension added.
        Assert.AreEqual("wwwroot/lib/lit/internal.js", project.Resolve("lit/internal.js", resolver: resolver));
        Assert.Contains("the import map maps 'lit/' to 'wwwroot/lib/lit/internal', where there is no file",
            project.Fail("lit/internal", ResolutionCodes.ImportMapTargetMissing, resolver: resolver));
        project.Fail("lit/../../secret.js", ResolutionCodes.InvalidSpecifier, resolver: resolver);
    }

    [TestMethod]
    public void AnEntryToAMissingPathIsAnError()
    {
        using var project = new FixtureFolder().File("app.js");
        var resolver = project.Resolver([new LocalImportMapEntry("gone", project.PathOf("wwwroot/gone.js"))]);

        Assert.Contains("'wwwroot/gone.js'", project.Fail("gone", ResolutionCodes.ImportMapTargetMissing, resolver: resolver));
    }

    [TestMethod]
    public void RemoteEntriesAreExternalAndTheMostSpecificKeyDecides()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/lit", """{ "exports": { ".": "./index.js", "./decorators.js": "./decorators.js" } }""", "index.js", "decorators.js")
            .Package("node_modules/three", """{ "exports": { ".": "./three.js", "./addons/*": "./jsm/*" } }""", "three.js", "jsm/x.js");
        var resolver = project.Resolver(
            [new LocalImportMapEntry("three/addons/x.js", project.PathOf("node_modules/three/jsm/x.js"))],
            ["lit", "three/", "react"]);

        Assert.IsTrue(resolver.Resolve("lit", project.PathOf("app.js"), ImportKind.Static).IsExternal);
        Assert.IsTrue(resolver.Resolve("three", project.PathOf("node_modules/lit/index.js"), ImportKind.Static) is { IsExternal: false, Succeeded: true },
            "'three' is not covered by the 'three/' prefix");
        Assert.IsTrue(resolver.Resolve("three/addons/y.js", project.PathOf("app.js"), ImportKind.Static).IsExternal);
        Assert.AreEqual("node_modules/three/jsm/x.js", project.Resolve("three/addons/x.js", resolver: resolver));
        Assert.AreEqual("node_modules/lit/decorators.js", project.Resolve("lit/decorators.js", resolver: resolver));
        var external = resolver.Resolve("react", project.PathOf("app.js"), ImportKind.Require);
        Assert.IsTrue(external.IsExternal && !external.Succeeded && external.Failure is null);
    }

    [TestMethod]
    public void LibManDestinationsWithAPackageJsonArePackages()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("libman.json", """
                {
                  "version": "1.0",
                  "defaultProvider": "jsdelivr",
                  "defaultDestination": "wwwroot/lib/default",
                  "libraries": [
                    { "library": "lodash-es@4.17.21", "destination": "wwwroot/lib/lodash-es/" },
                    { "library": "@lit/reactive-element@2.0.4", "destination": "wwwroot/lib/@lit/reactive-element" },
                    { "library": "lit@3.3.3", "destination": "wwwroot/lib/lit" },
                    { "library": "jquery@3.7.1", "provider": "cdnjs", "destination": "wwwroot/lib/jquery" },
                    { "library": "dayjs@1.11.13" }
                  ]
                }
                """)
            .Package("wwwroot/lib/lodash-es", """{ "name": "lodash-es", "module": "lodash.js" }""", "lodash.js", "debounce.js")
            .Package("wwwroot/lib/@lit/reactive-element", """{ "name": "@lit/reactive-element", "exports": { ".": "./reactive-element.js" } }""", "reactive-element.js")
            .Package("wwwroot/lib/lit", """{ "name": "lit", "exports": "./index.js" }""", "index.js")
            .File("wwwroot/lib/jquery/jquery.min.js")
            .Package("wwwroot/lib/default", """{ "name": "dayjs", "main": "dayjs.min.js" }""", "dayjs.min.js");

        Assert.AreEqual("wwwroot/lib/lodash-es/lodash.js", project.Resolve("lodash-es"));
        Assert.AreEqual("wwwroot/lib/lodash-es/debounce.js", project.Resolve("lodash-es/debounce"));
        Assert.AreEqual("wwwroot/lib/default/dayjs.min.js", project.Resolve("dayjs"));
        // A LibMan package's own dependencies are found among the other LibMan libraries.
        Assert.AreEqual("wwwroot/lib/@lit/reactive-element/reactive-element.js", project.Resolve("@lit/reactive-element", "wwwroot/lib/lit/index.js"));

        var message = project.Fail("jquery", ResolutionCodes.PackageNotFound);
        Assert.Contains("wwwroot/lib/jquery (libman.json's 'jquery@3.7.1', without a package.json)", message);
        Assert.Contains("libman.json (no library", project.Fail("react", ResolutionCodes.PackageNotFound));
    }

    [TestMethod]
    public void NodeModulesWinOverLibMan()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("libman.json", """{ "libraries": [ { "library": "lodash-es@4.17.21", "destination": "wwwroot/lib/lodash-es" } ] }""")
            .Package("wwwroot/lib/lodash-es", """{ "module": "lodash.js" }""", "lodash.js")
            .Package("node_modules/lodash-es", """{ "module": "lodash.js" }""", "lodash.js");

        Assert.AreEqual("node_modules/lodash-es/lodash.js", project.Resolve("lodash-es"));
    }

    [TestMethod]
    public void AnInvalidLibManJsonIsReportedWhereItIsNeeded()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .File("libman.json", "{\n  \"libraries\": [\n    { \"library\": \"x@1\", }\n  ]\n}")
            .Package("node_modules/present", """{ "main": "index.js" }""", "index.js");

        Assert.AreEqual("node_modules/present/index.js", project.Resolve("present"));
        Assert.Contains("libman.json(3,25): invalid JSON", project.Fail("absent", ResolutionCodes.InvalidJson));
    }
}
