using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Linking;

/// <summary><c>export *</c> chains and conflicts, and namespace objects (<c>import * as</c>, <c>export * as</c>).</summary>
[TestClass]
public sealed class ExportStarTests
{
    private static BundleFixture StarFixture() => new(
        ("one.js", "export const shared = 'one';\nexport const onlyOne = 1;\nexport const same = 'same';\nexport default 'one default';\n"),
        ("two.js", "export const shared = 'two';\nexport const onlyTwo = 2;\nexport { same } from './one.js';\n"),
        ("both.js", "export * from './one.js';\nexport * from './two.js';\nexport const shared2 = 'own wins';\n"),
        ("override.js", "export * from './one.js';\nexport * from './two.js';\nexport const shared = 'explicit';\n"));

    [TestMethod]
    public void ConflictingStarNamesAreLeftOutAndTheSameBindingTwiceIsNotAConflict()
    {
        using var fixture = StarFixture();
        fixture.Write("main.js", "import * as both from './both.js';\nimport * as override from './override.js';\nexport { both, override };\n");
        var output = fixture.AssertSameAsUnbundled(
            "const b = mods.main.both; return [Object.keys(b), 'shared' in b, b.same, b.onlyOne, b.onlyTwo, Object.keys(mods.main.override), mods.main.override.shared];",
            ("main", "main.js"));
        StringAssert.Contains(output.GetRawText(), "[\"onlyOne\",\"onlyTwo\",\"same\",\"shared2\"],false,\"same\"");
    }

    [TestMethod]
    public void ImportingAnAmbiguousStarNameIsADiagnosticAndFailsOnlyThatEntry()
    {
        using var fixture = StarFixture();
        fixture.Write("bad.js", "import { shared } from './both.js';\nexport { shared };\n");
        fixture.Write("good.js", "import { onlyOne } from './both.js';\nexport { onlyOne };\n");
        var result = fixture.Bundle(("bad", "bad.js"), ("good", "good.js"));
        CollectionAssert.AreEqual(new[] { "bad" }, result.FailedEntries.ToArray());
        var diagnostic = result.Diagnostics.Single(d => d.Code == BundleCodes.AmbiguousExport);
        Assert.AreEqual((1, 24), (diagnostic.Line, diagnostic.Column), "the place of the import's specifier");
        StringAssert.EndsWith(diagnostic.File, "bad.js");
        Assert.AreEqual("{\"log\":[],\"value\":1}", fixture.RunBundled("return mods.good.onlyOne;").GetRawText());
    }

    [TestMethod]
    public void NamespaceObjectsAreFrozenLiveAndTaggedAsModules()
    {
        using var fixture = new BundleFixture(
            ("counter.js", "export let count = 0;\nexport function increment() { count++; }\nexport default 'd';\n"),
            ("reexport.js", "export * as counterNs from './counter.js';\n"),
            ("main.js", """
                import * as ns from './counter.js';
                import { counterNs } from './reexport.js';
                export function probe() {
                  const before = ns.count;
                  ns.increment();
                  let assignError = null;
                  try { ns.count = 5; } catch (e) { assignError = e.constructor.name; }
                  return [before, ns.count, counterNs.count, counterNs === ns, Object.isExtensible(ns), Object.isSealed(ns), Object.getPrototypeOf(ns),
                    Object.prototype.toString.call(ns), Object.keys(ns), assignError, ns.default];
                }
                """));
        fixture.AssertSameAsUnbundled("return mods.main.probe();", ("main", "main.js"));
    }

    [TestMethod]
    public void ReExportChainsResolveToTheDefiningModule()
    {
        using var fixture = new BundleFixture(
            ("source.js", "export let value = 'v1';\nexport function set(v) { value = v; }\n"),
            ("hop1.js", "export { value as renamed, set } from './source.js';\n"),
            ("hop2.js", "import { renamed } from './hop1.js';\nexport { renamed as again };\nexport * from './hop1.js';\n"),
            ("main.js", "import { again, renamed, set } from './hop2.js';\nexport function probe() { const a = [again, renamed]; set('v2'); return [...a, again, renamed]; }\n"));
        fixture.AssertSameAsUnbundled("return mods.main.probe();", ("main", "main.js"));
    }
}
