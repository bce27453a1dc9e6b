using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary><c>package.json</c> <c>exports</c> in every form Node defines, with the browser bundler's conditions.</summary>
[TestClass]
public sealed class ExportsFieldTests
{
    private static FixtureFolder WithPackage(string exports, params string[] files) =>
        new FixtureFolder().File("app.js").Package("node_modules/pkg", $$"""{ "name": "pkg", "main": "main.js", "module": "module.js", "exports": {{exports}} }""",
            ["main.js", "module.js", .. files]);

    [TestMethod]
    public void AStringIsTheMainExportAndHidesEverythingElse()
    {
        using var project = WithPackage("\"./dist/index.js\"", "dist/index.js", "dist/other.js");

        Assert.AreEqual("node_modules/pkg/dist/index.js", project.Resolve("pkg"));
        var message = project.Fail("pkg/dist/other.js", ResolutionCodes.NotExported);
        Assert.Contains("'./dist/other.js' is not exported by package 'pkg' (node_modules/pkg/package.json)", message);
        Assert.Contains("exported: '.'", message);
    }

    [TestMethod]
    public void SubpathKeysMapExactSubpaths()
    {
        using var project = WithPackage("""{ ".": "./index.js", "./decorators.js": "./lib/decorators.js", "./package.json": "./package.json" }""",
            "index.js", "lib/decorators.js", "lib/hidden.js");

        Assert.AreEqual("node_modules/pkg/index.js", project.Resolve("pkg"));
        Assert.AreEqual("node_modules/pkg/lib/decorators.js", project.Resolve("pkg/decorators.js"));
        Assert.AreEqual("node_modules/pkg/package.json", project.Resolve("pkg/package.json"));
        var message = project.Fail("pkg/lib/hidden.js", ResolutionCodes.NotExported);
        Assert.Contains("exported: '.', './decorators.js', './package.json'", message);
    }

    [TestMethod]
    public void TargetsAreExactFilesWithoutExtensionProbing()
    {
        using var project = WithPackage("""{ ".": "./index", "./feature": "./feature.js" }""", "index.js", "feature.js");

        Assert.Contains("'node_modules/pkg/index', which does not exist", project.Fail("pkg", ResolutionCodes.TargetMissing));
        Assert.AreEqual("node_modules/pkg/feature.js", project.Resolve("pkg/feature"));
        project.Fail("pkg/feature.js", ResolutionCodes.NotExported);
    }

    [TestMethod]
    public void TheFirstMatchingConditionInThePackagesOwnKeyOrderWins()
    {
        // Our conditions are a set: "node" is never one, and the package's key order decides between browser and import.
        using var project = WithPackage("""
            {
              ".": { "types": "./index.d.ts", "node": "./node.js", "import": "./esm.js", "browser": "./browser.js", "default": "./default.js" },
              "./b": { "browser": "./browser.js", "import": "./esm.js" },
              "./dev": { "production": "./prod.js", "development": "./dev.js", "default": "./default.js" },
              "./mod": { "module": "./module.js", "import": "./esm.js" },
              "./fallback": { "worker": "./worker.js", "default": "./default.js" }
            }
            """, "node.js", "esm.js", "browser.js", "default.js", "dev.js", "prod.js", "worker.js");

        Assert.AreEqual("node_modules/pkg/esm.js", project.Resolve("pkg"));
        Assert.AreEqual("node_modules/pkg/browser.js", project.Resolve("pkg/b"));
        Assert.AreEqual("node_modules/pkg/dev.js", project.Resolve("pkg/dev"));
        Assert.AreEqual("node_modules/pkg/module.js", project.Resolve("pkg/mod"));
        Assert.AreEqual("node_modules/pkg/default.js", project.Resolve("pkg/fallback"));
    }

    [TestMethod]
    public void RequireUsesRequireAndNotImportOrModule()
    {
        using var project = WithPackage("""
            {
              ".": { "import": "./esm.js", "require": "./cjs.cjs" },
              "./m": { "module": "./esm.js", "default": "./cjs.cjs" },
              "./b": { "browser": { "require": "./browser.cjs", "import": "./browser.mjs" }, "default": "./cjs.cjs" }
            }
            """, "esm.js", "cjs.cjs", "browser.cjs", "browser.mjs");

        Assert.AreEqual("node_modules/pkg/esm.js", project.Resolve("pkg", kind: ImportKind.Static));
        Assert.AreEqual("node_modules/pkg/esm.js", project.Resolve("pkg", kind: ImportKind.Dynamic));
        Assert.AreEqual("node_modules/pkg/cjs.cjs", project.Resolve("pkg", kind: ImportKind.Require));
        Assert.AreEqual("node_modules/pkg/esm.js", project.Resolve("pkg/m"));
        Assert.AreEqual("node_modules/pkg/cjs.cjs", project.Resolve("pkg/m", kind: ImportKind.Require));
        Assert.AreEqual("node_modules/pkg/browser.mjs", project.Resolve("pkg/b"));
        Assert.AreEqual("node_modules/pkg/browser.cjs", project.Resolve("pkg/b", kind: ImportKind.Require));
    }

    [TestMethod]
    public void NestedConditionsThatMatchNothingFallThroughToTheNextKey()
    {
        using var project = WithPackage("""{ ".": { "browser": { "worker": "./worker.js" }, "import": { "node": "./node.js" }, "default": "./default.js" } }""",
            "worker.js", "node.js", "default.js");

        Assert.AreEqual("node_modules/pkg/default.js", project.Resolve("pkg"));
    }

    [TestMethod]
    public void AConditionsObjectAtTheTopIsTheMainExport()
    {
        using var project = WithPackage("""{ "umd": "./umd.js", "default": "./esm.js" }""", "umd.js", "esm.js");

        Assert.AreEqual("node_modules/pkg/esm.js", project.Resolve("pkg"));
        project.Fail("pkg/umd.js", ResolutionCodes.NotExported);
    }

    [TestMethod]
    public void ArraysAreFallbacksPastInvalidTargetsAndNull()
    {
        using var project = WithPackage("""
            {
              ".": ["not-relative.js", null, { "node": "./node.js" }, "./first.js", "./second.js"],
              "./only-invalid": ["bad.js", "../escape.js"],
              "./empty": [],
              "./null-last": ["bad.js", null]
            }
            """, "first.js", "second.js", "node.js");

        Assert.AreEqual("node_modules/pkg/first.js", project.Resolve("pkg"));
        Assert.Contains("points outside the package", project.Fail("pkg/only-invalid", ResolutionCodes.TargetOutsidePackage));
        project.Fail("pkg/empty", ResolutionCodes.NotExported);
        project.Fail("pkg/null-last", ResolutionCodes.NotExported);
    }

    [TestMethod]
    public void PatternsReplaceEveryStarAndTheLongestPrefixWins()
    {
        using var project = WithPackage("""
            {
              "./*": "./dist/*.js",
              "./features/*": "./dist/features/*/index.js",
              "./features/private/*": null,
              "./addons/*": "./examples/jsm/*",
              "./locale/*.json": "./data/*/*.json"
            }
            """, "dist/a.js", "dist/features/x/index.js", "dist/features/private/secret.js", "examples/jsm/controls/Orbit.js", "data/fr/fr.json");

        Assert.AreEqual("node_modules/pkg/dist/a.js", project.Resolve("pkg/a"));
        Assert.AreEqual("node_modules/pkg/dist/features/x/index.js", project.Resolve("pkg/features/x"));
        Assert.AreEqual("node_modules/pkg/examples/jsm/controls/Orbit.js", project.Resolve("pkg/addons/controls/Orbit.js"));
        Assert.AreEqual("node_modules/pkg/data/fr/fr.json", project.Resolve("pkg/locale/fr.json"));
        project.Fail("pkg/features/private/secret", ResolutionCodes.NotExported);
    }

    [TestMethod]
    public void APatternWithATrailerNeedsTheTrailerAndALongerSpecifier()
    {
        using var project = WithPackage("""{ "./icons/*.svg.js": "./icons/*.js", "./icons/*": "./raw/*" }""", "icons/home.js", "raw/home.svg");

        Assert.AreEqual("node_modules/pkg/icons/home.js", project.Resolve("pkg/icons/home.svg.js"));
        Assert.AreEqual("node_modules/pkg/raw/home.svg", project.Resolve("pkg/icons/home.svg"));
    }

    [TestMethod]
    public void FolderMappingsEndingInSlashAreNotSupported()
    {
        // htm and tslib still carry "./": "./" from before Node 17; Node ignores such keys, and so do we.
        using var project = WithPackage("""{ ".": "./index.js", "./": "./", "./lib/": "./lib/" }""", "index.js", "lib/a.js");

        project.Fail("pkg/", ResolutionCodes.NotExported);
        project.Fail("pkg/lib/", ResolutionCodes.NotExported);
        project.Fail("pkg/lib/a.js", ResolutionCodes.NotExported);
    }

    [TestMethod]
    public void AnExactKeyWinsOverAPattern()
    {
        using var project = WithPackage("""{ "./x/*": "./pattern/*.js", "./x/special": "./special.js" }""", "pattern/special.js", "special.js");

        Assert.AreEqual("node_modules/pkg/special.js", project.Resolve("pkg/x/special"));
    }

    [TestMethod]
    public void APatternMatchWithDotDotOrNodeModulesIsAnInvalidSpecifier()
    {
        using var project = WithPackage("""{ "./*": "./dist/*" }""", "dist/a.js", "package-secret.js");

        project.Fail("pkg/../package-secret.js", ResolutionCodes.InvalidSpecifier);
        project.Fail("pkg/x/../../package-secret.js", ResolutionCodes.InvalidSpecifier);
        project.Fail("pkg/node_modules/x.js", ResolutionCodes.InvalidSpecifier);
    }

    [TestMethod]
    public void TargetsLeavingThePackageAreErrors()
    {
        using var project = WithPackage("""{ "./up": "./../other/x.js", "./parent": "../x.js", "./abs": "/etc/passwd", "./url": "file:///etc/passwd", "./nm": "./node_modules/dep/x.js", "./bare": "dep" }""");
        project.File("node_modules/other/x.js").File("node_modules/x.js");

        Assert.Contains("points outside the package", project.Fail("pkg/up", ResolutionCodes.TargetOutsidePackage));
        project.Fail("pkg/parent", ResolutionCodes.TargetOutsidePackage);
        project.Fail("pkg/abs", ResolutionCodes.TargetOutsidePackage);
        project.Fail("pkg/url", ResolutionCodes.TargetOutsidePackage);
        project.Fail("pkg/nm", ResolutionCodes.InvalidPackageConfig);
        Assert.Contains("must start with './'", project.Fail("pkg/bare", ResolutionCodes.InvalidPackageConfig));
    }

    [TestMethod]
    public void MixingSubpathAndConditionKeysIsInvalid()
    {
        using var project = WithPackage("""{ ".": "./index.js", "import": "./esm.js" }""", "index.js", "esm.js");

        Assert.Contains("mixes sub-path keys", project.Fail("pkg", ResolutionCodes.InvalidPackageConfig));
    }

    [TestMethod]
    public void ATargetThatIsAFolderIsNotAFile()
    {
        using var project = WithPackage("""{ ".": "./dist" }""", "dist/index.js");

        Assert.Contains("is a folder, not a file", project.Fail("pkg", ResolutionCodes.TargetMissing));
    }

    [TestMethod]
    public void ExportsWinOverEntryFieldsAndAMissingMainExportIsNotExported()
    {
        using var project = WithPackage("""{ "./feature": "./feature.js" }""", "feature.js");

        var message = project.Fail("pkg", ResolutionCodes.NotExported);
        Assert.Contains("'.' is not exported", message);
        Assert.Contains("exported: './feature'", message);
    }

    [TestMethod]
    public void APackageImportsItselfByNameThroughItsExports()
    {
        using var project = WithPackage("""{ ".": "./index.js", "./utils": "./src/utils.js" }""", "index.js", "src/utils.js", "src/feature.js");

        Assert.AreEqual("node_modules/pkg/src/utils.js", project.Resolve("pkg/utils", "node_modules/pkg/src/feature.js"));
        project.Fail("pkg/src/utils.js", ResolutionCodes.NotExported, "node_modules/pkg/src/feature.js");
    }

    [TestMethod]
    public void ALongListOfExportsIsCutShortInTheMessage()
    {
        var keys = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"\"./f{i}\": \"./f{i}.js\""));
        using var project = WithPackage("{ " + keys + " }");

        var message = project.Fail("pkg/nope", ResolutionCodes.NotExported);
        Assert.Contains("'./f0', './f1'", message);
        Assert.Contains("and 18 more", message);
        Assert.DoesNotContain("'./f29'", message);
    }
}
