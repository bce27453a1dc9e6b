using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Loading;

/// <summary>Bad input gives a diagnostic with a place, fails only the entries that need it, and never crashes.</summary>
[TestClass]
public sealed class LoadingDiagnosticsTests
{
    [TestMethod]
    public void BinaryHugeAndInvalidFilesAreDiagnosticsNotCrashes()
    {
        using var fixture = new BundleFixture(
            ("bad.json", "{ \"a\": 1,\n  \"b\": }"),
            ("uses-json.js", "import data from './bad.json';\nexport { data };\n"),
            ("uses-binary.js", "import './image.js';\n"),
            ("uses-huge.js", "import './huge.js';\n"),
            ("fine.js", "export const fine = 'fine';\n"));
        File.WriteAllBytes(Path.Combine(fixture.Root, "image.js"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        File.WriteAllText(Path.Combine(fixture.Root, "huge.js"), "// " + new string('x', 21 * 1024 * 1024));
        var result = fixture.Bundle(("json", "uses-json.js"), ("binary", "uses-binary.js"), ("huge", "uses-huge.js"), ("fine", "fine.js"));
        CollectionAssert.AreEquivalent(new[] { "json", "binary", "huge" }, result.FailedEntries.ToArray());
        var json = result.Diagnostics.Single(d => d.Code == BundleCodes.InvalidJson);
        Assert.AreEqual((2, 8), (json.Line, json.Column));
        StringAssert.EndsWith(result.Diagnostics.Single(d => d.Code == BundleCodes.Binary).File, "image.js");
        StringAssert.EndsWith(result.Diagnostics.Single(d => d.Code == BundleCodes.TooLarge).File, "huge.js");
        Assert.AreEqual("""{"log":[],"value":"fine"}""", fixture.RunBundled("return mods.fine.fine;").GetRawText());
    }

    [TestMethod]
    public void UnresolvedImportsMissingExportsAndAssetsArePlacedAtTheImport()
    {
        using var fixture = new BundleFixture(
            ("lib.js", "export const present = 1;\n"),
            ("missing-file.js", "export {};\n\nimport './nowhere.js';\n"),
            ("missing-export.js", "import { present, absent } from './lib.js';\n"),
            ("style.css", "body {}"),
            ("asset.js", "import './style.css';\n"),
            ("cjs.js", "const name = 'x';\nmodule.exports = require(name);\n"));
        var result = fixture.Bundle(("file", "missing-file.js"), ("export", "missing-export.js"), ("asset", "asset.js"), ("cjs", "cjs.js"));
        CollectionAssert.AreEquivalent(new[] { "file", "export", "asset" }, result.FailedEntries.ToArray());
        var unresolved = result.Diagnostics.Single(d => d.Code == BundleCodes.Unresolved);
        Assert.AreEqual((3, 8), (unresolved.Line, unresolved.Column));
        StringAssert.Contains(unresolved.Message, "nowhere.js");
        var missing = result.Diagnostics.Single(d => d.Code == BundleCodes.MissingExport);
        StringAssert.Contains(missing.Message, "'absent'");
        Assert.AreEqual(BundleCodes.UnsupportedAsset, result.Diagnostics.Single(d => d.File.EndsWith("asset.js", StringComparison.Ordinal) && d.Code != BundleCodes.EntryFailed).Code);
        var computed = result.Diagnostics.Single(d => d.Code == BundleCodes.RequireNotLiteral);
        Assert.AreEqual((2, 18), (computed.Line, computed.Column));
        // The computed require runs when the entry chunk initialises the module: importing it throws.
        Assert.AreEqual("""{"log":[],"error":"Error"}""", fixture.RunBundled("return 'imported';").GetRawText());
        StringAssert.Contains(fixture.EntryChunk("cjs").Code, "Dynamic require of");
    }

    [TestMethod]
    public void CommonJsThatIsNotAValidModuleIsLoadedAsAScript()
    {
        using var fixture = new BundleFixture(
            ("early-return.js", "exports.word = 'returned early';\nif (typeof exports === 'object') return;\nexports.word = 'not reached';\n"),
            ("main.js", "import { word } from './early-return.js';\nexport { word };\n"));
        var result = fixture.Bundle(("main", "main.js"));
        Assert.AreEqual(0, result.Diagnostics.Count, string.Join("\n", result.Diagnostics));
        Assert.AreEqual("""{"log":[],"value":"returned early"}""", fixture.RunBundled("return mods.main.word;").GetRawText());
    }
}
