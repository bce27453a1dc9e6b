using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Chunking;

/// <summary>A dynamic <c>import()</c> inside a dependency loads a separate chunk, whose code runs only when imported.</summary>
[TestClass]
public sealed class LazyChunkTests
{
    [TestMethod]
    public void ADynamicallyImportedModuleIsALazyChunkThatRunsOnlyWhenImported()
    {
        using var fixture = new BundleFixture(
            ("locale/fr.js", "import { format } from '../format.js';\nlog('fr loaded');\nexport default { hello: format('bonjour') };\nexport const code = 'fr';\n"),
            ("format.js", "log('format loaded');\nexport const format = (s) => '[' + s + ']';\n"),
            ("main.js", """
                import { format } from './format.js';
                export const greet = () => format('hi');
                export async function loadLocale() { const m = await import('./locale/fr.js'); return [m.default.hello, m.code]; }
                """));
        var output = fixture.AssertSameAsUnbundled(
            "log('before import'); const first = mods.main.greet(); const locale = await mods.main.loadLocale(); log('after import'); return [first, locale];",
            ("main", "main.js"));
        Assert.AreEqual("""["format loaded","before import","fr loaded","after import"]""", output.GetProperty("log").GetRawText());
        var lazy = fixture.Result!.Chunks.Single(c => c.Kind == ChunkKind.Lazy);
        StringAssert.Contains(fixture.EntryChunk("main").Code, $"import(\"./{lazy.FileName}\")");
        Assert.IsFalse(fixture.EntryChunk("main").Code.Contains("fr loaded", StringComparison.Ordinal));
        CollectionAssert.AreEquivalent(new[] { "code", "default" }, lazy.Exports.ToArray());
    }

    [TestMethod]
    public void ADynamicallyImportedCommonJsModuleAndAStarReExportOfOne()
    {
        using var fixture = new BundleFixture(
            ("legacy.js", "log('legacy runs');\nexports.answer = 42;\nexports.ask = () => 'asked';\n"),
            ("facade.js", "export * from './legacy.js';\nexport const own = 'own';\n"),
            ("main.js", "export const load = () => import('./legacy.js');\nexport const loadFacade = () => import('./facade.js');\n"));
        fixture.Bundle(("main", "main.js"));
        var output = fixture.RunBundled("""
            log('before');
            const legacy = await mods.main.load();
            const facade = await mods.main.loadFacade();
            return [legacy.default.answer, legacy.answer, legacy.ask(), Object.keys(facade), facade.answer];
            """);
        Assert.AreEqual("""{"log":["before","legacy runs"],"value":[42,42,"asked",["answer","ask","own"],42]}""", output.GetRawText());
    }

    [TestMethod]
    public void AComputedDynamicImportIsLeftAsWrittenWithADiagnostic()
    {
        using var fixture = new BundleFixture(("main.js", "export const load = (name) => import('./' + name + '.js');\n"));
        var result = fixture.Bundle(("main", "main.js"));
        Assert.AreEqual(0, result.FailedEntries.Count);
        var diagnostic = result.Diagnostics.Single();
        Assert.AreEqual((BundleCodes.DynamicImportNotLiteral, 1, 31), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        StringAssert.Contains(fixture.EntryChunk("main").Code, "import('./' + name + '.js')");
    }
}
