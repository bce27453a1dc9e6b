using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.Prebundling;

/// <summary>A dependency that cannot be found or bundled fails alone, with diagnostics at the app's import and in the
/// package's file; the others are bundled and work.</summary>
[TestClass]
public sealed class FailedDependencyTests
{
    [TestMethod]
    public void A_missing_and_a_broken_package_are_reported_where_they_are_imported_and_the_others_bundle()
    {
        using var project = new PrebundleProject("lodash-es");
        project.Write("node_modules/broken-pkg/package.json", """{ "name": "broken-pkg", "version": "0.1.0", "module": "index.js" }""");
        project.Write("node_modules/broken-pkg/index.js", "export const ok = 1;\nexport const bad = ;\n");
        var uses = PrebundleProject.UsesFromApp("lodash-es", "not-installed", "broken-pkg");
        var result = project.Optimize(uses);

        CollectionAssert.AreEqual(new[] { "lodash-es" }, result.Manifest.Imports.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "broken-pkg", "not-installed" }, result.Manifest.Failed.Select(f => f.Specifier).ToArray());

        var missing = result.Diagnostics.Single(d => d.Code == ResolutionCodes.PackageNotFound);
        Assert.AreEqual(("wwwroot/js/app.js", 2, 20), (missing.File, missing.Line, missing.Column));
        StringAssert.Contains(missing.Message, "cannot resolve 'not-installed'");
        StringAssert.Contains(missing.Message, "Looked in");

        var notBundled = result.Diagnostics.Single(d => d.Code == BundleCodes.EntryFailed);
        Assert.AreEqual(("wwwroot/js/app.js", 3, 20), (notBundled.File, notBundled.Line, notBundled.Column));
        StringAssert.Contains(notBundled.Message, "'broken-pkg' is not bundled: node_modules/broken-pkg/index.js(2,");
        var syntax = result.Diagnostics.Single(d => d.Code == BundleCodes.SyntaxError);
        Assert.AreEqual(("node_modules/broken-pkg/index.js", 2), (syntax.File, syntax.Line));
        Assert.IsTrue(syntax.Column > 0);

        var stored = result.Manifest.Failed.Single(f => f.Specifier == "broken-pkg").Diagnostics;
        Assert.AreEqual(BundleCodes.EntryFailed, stored[0].Code);
        Assert.AreEqual(("node_modules/broken-pkg/index.js", 2), (stored[1].File, stored[1].Line));

        // The bundle that did build works.
        var lodash = Path.GetFileName(project.EntryFile(result, "lodash-es"));
        Assert.AreEqual("[[1,2],[3]]", project.RunInNode($"import {{ chunk }} from './{lodash}'; console.log(JSON.stringify(chunk([1, 2, 3], 2)));"));

        // Up to date, the failures are still reported, at the imports as they are now.
        var moved = new[] { uses[0], uses[1] with { Line = 7 }, uses[2] };
        var again = project.Optimize(moved);
        Assert.IsTrue(again.UpToDate);
        Assert.AreEqual(7, again.Diagnostics.Single(d => d.Code == ResolutionCodes.PackageNotFound).Line);
        Assert.AreEqual(2, again.Diagnostics.Single(d => d.Code == BundleCodes.SyntaxError).Line);

        // Fixing the package bundles it: its package.json is an input.
        project.Write("node_modules/broken-pkg/index.js", "export const ok = 1;\nexport const bad = 2;\n");
        project.Write("node_modules/broken-pkg/package.json", """{ "name": "broken-pkg", "version": "0.1.1", "module": "index.js" }""");
        var fixedResult = project.Optimize(uses);
        CollectionAssert.AreEqual(new[] { "broken-pkg", "lodash-es" }, fixedResult.Manifest.Imports.Keys.ToArray());
        Assert.AreEqual(result.Manifest.Imports["lodash-es"], fixedResult.Manifest.Imports["lodash-es"]);
    }
}
