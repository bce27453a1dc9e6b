using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>Packages without <c>exports</c>: <c>module</c>, then <c>browser</c> (string form), then <c>main</c>, then
/// <c>index.js</c>; sub-paths and relative specifiers with extension and index probing, as esbuild bundles.</summary>
[TestClass]
public sealed class EntryFieldTests
{
    [TestMethod]
    public void ModuleThenBrowserThenMainThenIndex()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/all", """{ "module": "esm.js", "browser": "browser.js", "main": "main.js" }""", "esm.js", "browser.js", "main.js")
            .Package("node_modules/browser-main", """{ "browser": "./browser.js", "main": "main.js" }""", "browser.js", "main.js")
            .Package("node_modules/main-only", """{ "main": "./lib/main" }""", "lib/main.js")
            .Package("node_modules/index-only", """{ "name": "index-only" }""", "index.js")
            .File("node_modules/no-package-json/index.mjs");

        Assert.AreEqual("node_modules/all/esm.js", project.Resolve("all"));
        Assert.AreEqual("node_modules/browser-main/browser.js", project.Resolve("browser-main"));
        Assert.AreEqual("node_modules/main-only/lib/main.js", project.Resolve("main-only"));
        Assert.AreEqual("node_modules/index-only/index.js", project.Resolve("index-only"));
        Assert.AreEqual("node_modules/no-package-json/index.mjs", project.Resolve("no-package-json"));
    }

    [TestMethod]
    public void TheBrowserFieldsObjectFormIsNotAnEntry()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/mapped", """{ "main": "main.js", "browser": { "./main.js": "./main.browser.js" } }""", "main.js", "main.browser.js");

        Assert.AreEqual("node_modules/mapped/main.js", project.Resolve("mapped"));
    }

    [TestMethod]
    public void AnEntryFieldThatLeadsNowhereFallsToTheNextOne()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/stale", """{ "module": "dist/esm.js", "main": "dist/cjs" }""", "dist/cjs/index.js")
            .Package("node_modules/folder-main", """{ "main": "lib" }""", "lib/index.cjs");

        Assert.AreEqual("node_modules/stale/dist/cjs/index.js", project.Resolve("stale"));
        Assert.AreEqual("node_modules/folder-main/lib/index.cjs", project.Resolve("folder-main"));
    }

    [TestMethod]
    public void APackageWithNoEntryNamesWhatItTried()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/broken", """{ "name": "broken", "module": "esm.js", "main": "main.js" }""", "readme.js");

        var message = project.Fail("broken", ResolutionCodes.NoEntryPoint);
        Assert.Contains("package 'broken' (node_modules/broken/package.json) has no \"exports\" and no entry file", message);
        Assert.Contains("\"module\": \"esm.js\", \"main\": \"main.js\", index.js/.mjs/.cjs/.json", message);
    }

    [TestMethod]
    public void SubpathsProbeExtensionsInOrderThenFolders()
    {
        using var project = new FixtureFolder()
            .File("app.js")
            .Package("node_modules/lib", """{ "main": "index.js" }""", "index.js",
                "both.js", "both.mjs", "only.mjs", "only-cjs.cjs", "data.json", "exact.ts",
                "plugin/utc.js", "esm/index.js", "locale/fr/index.mjs")
            .File("node_modules/lib/nested/package.json", """{ "module": "./nested.esm.js", "main": "./nested.cjs.js" }""")
            .File("node_modules/lib/nested/nested.esm.js");

        Assert.AreEqual("node_modules/lib/both.js", project.Resolve("lib/both"));
        Assert.AreEqual("node_modules/lib/only.mjs", project.Resolve("lib/only"));
        Assert.AreEqual("node_modules/lib/only-cjs.cjs", project.Resolve("lib/only-cjs"));
        Assert.AreEqual("node_modules/lib/data.json", project.Resolve("lib/data"));
        Assert.AreEqual("node_modules/lib/exact.ts", project.Resolve("lib/exact.ts"));
        Assert.AreEqual("node_modules/lib/plugin/utc.js", project.Resolve("lib/plugin/utc"));
        Assert.AreEqual("node_modules/lib/esm/index.js", project.Resolve("lib/esm"));
        Assert.AreEqual("node_modules/lib/esm/index.js", project.Resolve("lib/esm/"));
        Assert.AreEqual("node_modules/lib/locale/fr/index.mjs", project.Resolve("lib/locale/fr"));
        Assert.AreEqual("node_modules/lib/nested/nested.esm.js", project.Resolve("lib/nested"));
        Assert.Contains("has no \"exports\" and no file for './missing'", project.Fail("lib/missing", ResolutionCodes.FileNotFound));
        Assert.Contains("climbs out of package", project.Fail("lib/../app.js", ResolutionCodes.InvalidSpecifier));
    }

    [TestMethod]
    public void RelativeSpecifiersProbeLikeSubpaths()
    {
        using var project = new FixtureFolder()
            .File("node_modules/lib/src/a.js")
            .File("node_modules/lib/src/b.mjs")
            .File("node_modules/lib/src/dir/index.js")
            .File("node_modules/lib/util.cjs")
            .File("node_modules/lib/src/same.js")
            .File("node_modules/lib/src/same/index.js");

        Assert.AreEqual("node_modules/lib/src/b.mjs", project.Resolve("./b", "node_modules/lib/src/a.js"));
        Assert.AreEqual("node_modules/lib/src/dir/index.js", project.Resolve("./dir", "node_modules/lib/src/a.js"));
        Assert.AreEqual("node_modules/lib/util.cjs", project.Resolve("../util", "node_modules/lib/src/a.js"));
        Assert.AreEqual("node_modules/lib/src/same.js", project.Resolve("./same", "node_modules/lib/src/a.js"));
        Assert.AreEqual("node_modules/lib/src/same/index.js", project.Resolve("./same/", "node_modules/lib/src/a.js"));
        Assert.AreEqual("node_modules/lib/src/dir/index.js", project.Resolve(".", "node_modules/lib/src/dir/other.js"));

        var message = project.Fail("./missing", ResolutionCodes.FileNotFound, "node_modules/lib/src/a.js");
        Assert.Contains("'node_modules/lib/src/missing', with .js, .mjs, .cjs, .json, and as a folder", message);
    }

    [TestMethod]
    public void UrlsAreLeftToTheBrowser()
    {
        using var project = new FixtureFolder().File("app.js");
        var resolver = project.Resolver();

        Assert.IsTrue(resolver.Resolve("https://cdn.example/x.js", project.PathOf("app.js"), ImportKind.Static).IsExternal);
        Assert.IsTrue(resolver.Resolve("data:text/javascript,export{}", project.PathOf("app.js"), ImportKind.Static).IsExternal);
    }
}
