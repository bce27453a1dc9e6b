using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>Which package a resolved file belongs to (name, version, folder, package.json).</summary>
[TestClass]
public sealed class PackageInfoTests
{
    [TestMethod]
    public void FilesUnderNodeModulesBelongToThePackageFolderEvenWithNestedNamedPackageJsons()
    {
        using var project = new FixtureFolder()
            .Package("node_modules/preact", """{ "name": "preact", "version": "10.0.0" }""", "dist/preact.mjs")
            .Package("node_modules/preact/hooks", """{ "name": "preact-hooks", "private": true }""", "dist/hooks.mjs")
            .Package("node_modules/@lit/reactive-element", """{ "name": "@lit/reactive-element", "version": "2.0.4" }""", "decorators/property.js")
            .Package("node_modules/a/node_modules/b", """{ "name": "b", "version": "1.0.0" }""", "lib/b.js");
        var resolver = project.Resolver();

        Assert.AreEqual(new PackageInfo("preact", "10.0.0", project.PathOf("node_modules/preact"), project.PathOf("node_modules/preact/package.json")),
            resolver.FindPackage(project.PathOf("node_modules/preact/hooks/dist/hooks.mjs")));
        Assert.AreEqual(new PackageInfo("@lit/reactive-element", "2.0.4", project.PathOf("node_modules/@lit/reactive-element"), project.PathOf("node_modules/@lit/reactive-element/package.json")),
            resolver.FindPackage(project.PathOf("node_modules/@lit/reactive-element/decorators/property.js")));
        Assert.AreEqual("b", resolver.FindPackage(project.PathOf("node_modules/a/node_modules/b/lib/b.js"))?.Name);
    }

    [TestMethod]
    public void APnpmLinkedFileBelongsToItsRealStoreFolder()
    {
        using var project = new FixtureFolder()
            .Package("node_modules/.pnpm/lit@3.3.3/node_modules/lit", """{ "name": "lit", "version": "3.3.3" }""", "index.js")
            .Link("node_modules/lit", ".pnpm/lit@3.3.3/node_modules/lit");

        var info = project.Resolver().FindPackage(project.PathOf("node_modules/lit/index.js"));

        Assert.AreEqual("lit", info?.Name);
        Assert.AreEqual("3.3.3", info?.Version);
        Assert.AreEqual(project.PathOf("node_modules/.pnpm/lit@3.3.3/node_modules/lit"), info?.RootDirectory);
    }

    [TestMethod]
    public void LibManAndImportMapFoldersAreThePackagesTheyHold()
    {
        using var project = new FixtureFolder()
            .File("libman.json", """{ "libraries": [ { "library": "preact@10.0.0", "destination": "wwwroot/lib/preact" } ] }""")
            .Package("wwwroot/lib/preact", """{ "name": "preact", "version": "10.0.0" }""", "dist/preact.mjs")
            .Package("wwwroot/lib/preact/hooks", """{ "name": "preact-hooks" }""", "dist/hooks.mjs")
            .Package("wwwroot/vendor/htm", """{ "name": "htm", "version": "3.1.1" }""", "preact/index.mjs")
            .Package("wwwroot/vendor/htm/preact", """{ "name": "htm_preact" }""");
        var resolver = project.Resolver([new LocalImportMapEntry("htm/", project.PathOf("wwwroot/vendor/htm") + "/")]);

        Assert.AreEqual("preact", resolver.FindPackage(project.PathOf("wwwroot/lib/preact/hooks/dist/hooks.mjs"))?.Name);
        Assert.AreEqual("htm", resolver.FindPackage(project.PathOf("wwwroot/vendor/htm/preact/index.mjs"))?.Name);
    }

    [TestMethod]
    public void ElsewhereTheNearestNamedPackageJsonDecidesAndAnAppFileHasNone()
    {
        using var project = new FixtureFolder()
            .Package("vendor/tool", """{ "name": "tool" }""", "src/x.js")
            .File("vendor/tool/src/package.json", """{ "type": "module" }""")
            .File("wwwroot/js/app.js");
        var resolver = project.Resolver();

        var info = resolver.FindPackage(project.PathOf("vendor/tool/src/x.js"));
        Assert.AreEqual(new PackageInfo("tool", null, project.PathOf("vendor/tool"), project.PathOf("vendor/tool/package.json")), info);
        Assert.IsNull(resolver.FindPackage(project.PathOf("wwwroot/js/app.js")));
    }

    [TestMethod]
    public void APackageFolderWithoutPackageJsonIsNamedAfterItsFolder()
    {
        using var project = new FixtureFolder()
            .File("node_modules/@scope/bare/index.js")
            .File("node_modules/broken/package.json", "{ nope")
            .File("node_modules/broken/index.js");
        var resolver = project.Resolver();

        Assert.AreEqual(new PackageInfo("@scope/bare", null, project.PathOf("node_modules/@scope/bare"), null),
            resolver.FindPackage(project.PathOf("node_modules/@scope/bare/index.js")));
        Assert.AreEqual("broken", resolver.FindPackage(project.PathOf("node_modules/broken/index.js"))?.Name);
    }
}
