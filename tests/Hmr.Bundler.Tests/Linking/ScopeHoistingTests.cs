using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Linking;

/// <summary>ES modules concatenated into one scope: names renamed only where they collide, shadowing respected,
/// every form of default export.</summary>
[TestClass]
public sealed class ScopeHoistingTests
{
    [TestMethod]
    public void CollidingTopLevelNamesAreRenamedAndShadowedLocalsAreLeftAlone()
    {
        using var fixture = new BundleFixture(
            ("a.js", """
                const value = 'a';
                export function readA() { return value; }
                export const shadow = (value) => value + '!';
                """),
            ("b.js", """
                const value = 'b';
                function helper() { const value = 'inner'; return value; }
                export function readB() { return value + helper(); }
                export let counter = 0;
                export function bump() { counter++; }
                """),
            ("main.js", """
                import { readA, shadow } from './a.js';
                import { readB, counter, bump as increment } from './b.js';
                const value = 'main';
                function useImported() { let readA = () => 'local'; return readA(); }
                const obj = { value, readA };
                export const result = () => [value, readA(), readB(), shadow('x'), useImported(), obj.value, typeof obj.readA];
                export function count() { increment(); increment(); return counter; }
                """));
        var output = fixture.AssertSameAsUnbundled("return [mods.main.result(), mods.main.count()];", ("main", "main.js"));
        StringAssert.Contains(output.GetRawText(), "\"main\",\"a\",\"binner\",\"x!\",\"local\"");
        var code = fixture.EntryChunk("main").Code;
        StringAssert.Contains(code, "value$1", "a colliding name gets a numbered suffix");
        Assert.IsFalse(code.Contains("import ", StringComparison.Ordinal), "no import declaration is left in a single-chunk bundle");
    }

    [TestMethod]
    public void AGlobalReadByOneModuleIsNotCapturedByAnotherModulesDeclaration()
    {
        using var fixture = new BundleFixture(
            ("a.js", "export function keys(o) { return Object.keys(o).join(); }\n"),
            ("b.js", "const Object = { keys: () => 'fake' };\nexport const fake = Object.keys();\n"),
            ("main.js", "import { keys } from './a.js';\nimport { fake } from './b.js';\nexport const both = () => [keys({ x: 1, y: 2 }), fake];\n"));
        fixture.AssertSameAsUnbundled("return mods.main.both();", ("main", "main.js"));
    }

    [TestMethod]
    public void ARenamedImportIsNotCapturedByANestedDeclarationOfTheNewName()
    {
        using var fixture = new BundleFixture(
            ("a.js", "export const item = 'outer';\n"),
            ("main.js", """
                import { item as thing } from './a.js';
                const item = 'main';
                export function read() { const item = 'nested'; return [thing, item]; }
                export const mine = item;
                """));
        fixture.AssertSameAsUnbundled("return [mods.main.read(), mods.main.mine];", ("main", "main.js"));
    }

    [TestMethod]
    public void DefaultExportsOfEveryForm()
    {
        using var fixture = new BundleFixture(
            ("named-function.js", "export default function named() { return 'named function'; }\n"),
            ("anonymous-function.js", "export default function () { return 'anonymous function'; }\n"),
            ("anonymous-generator.js", "export default function* () { yield 'generator'; }\n"),
            ("named-class.js", "export default class Named { get kind() { return 'named class'; } }\n"),
            ("anonymous-class.js", "export default class { get kind() { return 'anonymous class'; } }\n"),
            ("expression.js", "let n = 1;\nexport default (n + 41);\nn = 100;\nexport { n };\n"),
            ("snapshot.js", "export let live = 'before';\nexport default live;\nlive = 'after';\n"),
            ("as-default.js", "const value = 'as default';\nexport { value as default };\n"),
            ("reexport-default.js", "export { default } from './anonymous-function.js';\nexport { default as other } from './expression.js';\n"),
            ("main.js", """
                import namedFunction from './named-function.js';
                import anonymousFunction from './anonymous-function.js';
                import generator from './anonymous-generator.js';
                import NamedClass from './named-class.js';
                import AnonymousClass from './anonymous-class.js';
                import expression, { n } from './expression.js';
                import snapshot, { live } from './snapshot.js';
                import asDefault from './as-default.js';
                import reexported, { other } from './reexport-default.js';
                export const all = () => [namedFunction(), anonymousFunction(), [...generator()], new NamedClass().kind,
                  new AnonymousClass().kind, expression, n, snapshot, live, asDefault, reexported(), other, namedFunction.name];
                """));
        fixture.AssertSameAsUnbundled("return mods.main.all();", ("main", "main.js"));
    }

    [TestMethod]
    public void TheEntryChunkExportsTheEntryModulesExportsWithTheirPublicNames()
    {
        using var fixture = new BundleFixture(
            ("lib.js", "const internal = 1;\nexport { internal as 'public-name', internal as plain };\nexport default 'dflt';\n"),
            ("main.js", "export * from './lib.js';\nexport { default } from './lib.js';\nexport const own = 2;\n"));
        var output = fixture.AssertSameAsUnbundled("return Object.entries(mods.main);", ("main", "main.js"));
        Assert.AreEqual("""[["default","dflt"],["own",2],["plain",1],["public-name",1]]""", output.GetProperty("value").GetRawText());
        CollectionAssert.AreEquivalent(new[] { "default", "own", "plain", "public-name" }, fixture.EntryChunk("main").Exports.ToArray());
    }

    [TestMethod]
    public void ImportMetaUrlIsTheChunksOwnUrl_NeverTheOriginalFilesPath()
    {
        using var fixture = new BundleFixture(
            ("lib/deep/asset-user.js", "export const url = import.meta.url;\nexport const asset = new URL('./data.bin', import.meta.url).href;\n"),
            ("main.js", "export { url, asset } from './lib/deep/asset-user.js';\nexport const own = import.meta.url;\n"));
        fixture.Bundle(("main", "main.js"));
        var chunkUrl = new Uri(Path.Combine(fixture.OutputFolder, fixture.EntryChunk("main").FileName)).AbsoluteUri;
        var output = fixture.RunBundled("return [mods.main.url, mods.main.asset, mods.main.own];");
        var values = output.GetProperty("value").EnumerateArray().Select(v => v.GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { chunkUrl, chunkUrl[..(chunkUrl.LastIndexOf('/') + 1)] + "data.bin", chunkUrl }, values,
            "as esbuild and Vite leave it: where the chunk is served from");
        Assert.IsFalse(fixture.Result!.Chunks.Any(c => c.Code.Contains(fixture.Root, StringComparison.Ordinal)), "no build-machine path in a bundle");
    }
}
