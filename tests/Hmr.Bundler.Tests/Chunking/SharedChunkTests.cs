using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Chunking;

/// <summary>A module two entries reach goes into a shared chunk: one instance per page, live bindings across chunks.</summary>
[TestClass]
public sealed class SharedChunkTests
{
    private static BundleFixture TwoEntryFixture() => new(
        ("shared/state.js", """
            log('state instantiated');
            export let count = 0;
            export function increment() { count++; }
            export const identity = {};
            """),
        ("shared/only-one.js", "log('only one');\nexport const one = 1;\n"),
        ("dom/client.js", """
            import { count, increment, identity } from '../shared/state.js';
            import { one } from '../shared/only-one.js';
            export { count, identity };
            export function clickTwice() { increment(); increment(); return count + one; }
            """),
        ("core/index.js", "export { count, increment, identity } from '../shared/state.js';\n"));

    [TestMethod]
    public void AModuleReachedByTwoEntriesIsInstantiatedOnceAndItsBindingsStayLive()
    {
        using var fixture = TwoEntryFixture();
        var output = fixture.AssertSameAsUnbundled(
            """
            const before = mods.core.count;
            const fromClient = mods['dom/client'].clickTwice();
            mods.core.increment();
            return [before, fromClient, mods.core.count, mods['dom/client'].count, mods.core.identity === mods['dom/client'].identity];
            """,
            ("core", "core/index.js"), ("dom/client", "dom/client.js"));
        Assert.AreEqual("""{"log":["state instantiated","only one"],"value":[0,3,3,3,true]}""", output.GetRawText());
        var result = fixture.Result!;
        Assert.AreEqual(3, result.Chunks.Count, fixture.DescribeChunks());
        var shared = result.Chunks.Single(c => c.Kind == ChunkKind.Shared);
        StringAssert.Contains(shared.Code, "state instantiated");
        Assert.IsFalse(fixture.EntryChunk("core").Code.Contains("state instantiated", StringComparison.Ordinal));
        StringAssert.Contains(fixture.EntryChunk("dom/client").Code, "only one", "a module only one entry reaches stays in its chunk");
        StringAssert.Contains(fixture.EntryChunk("dom/client").Code, $"from \"./{shared.FileName}\"");
    }

    [TestMethod]
    public void AnEntryThatAnotherEntryImportsIsAFacadeOverTheSharedChunk()
    {
        using var fixture = new BundleFixture(
            ("react/index.js", "module.exports = { version: '19', createElement: () => 'element' };\nlog('react instantiated');\n"),
            ("react-dom/client.js", "const React = require('../react/index.js');\nexports.createRoot = () => 'root with ' + React.version;\n"));
        var result = fixture.Bundle(("react", "react/index.js"), ("react-dom/client", "react-dom/client.js"));
        Assert.AreEqual(0, result.Diagnostics.Count, string.Join("\n", result.Diagnostics));
        var output = fixture.RunBundled("return [mods.react.default.version, mods.react.version, mods['react-dom/client'].createRoot()];");
        Assert.AreEqual("""{"log":["react instantiated"],"value":["19","19","root with 19"]}""", output.GetRawText());
        Assert.AreEqual(ChunkKind.Shared, result.Chunks.Single(c => c.Code.Contains("react instantiated", StringComparison.Ordinal)).Kind);
    }

    [TestMethod]
    public void AFailingEntryDoesNotStopTheOthers()
    {
        using var fixture = TwoEntryFixture();
        fixture.Write("broken.js", "import { count } from './shared/state.js';\nexport const x = count +;\n");
        var result = fixture.Bundle(("core", "core/index.js"), ("broken", "broken.js"));
        CollectionAssert.AreEqual(new[] { "broken" }, result.FailedEntries.ToArray());
        var syntax = result.Diagnostics.Single(d => d.Code == BundleCodes.SyntaxError);
        Assert.AreEqual((2, 25), (syntax.Line, syntax.Column));
        Assert.IsTrue(result.Diagnostics.Any(d => d.Code == BundleCodes.EntryFailed && d.Message.Contains("'broken'", StringComparison.Ordinal)));
        Assert.AreEqual("""{"log":["state instantiated"],"value":0}""", fixture.RunBundled("return mods.core.count;").GetRawText());
        Assert.AreEqual(1, result.Chunks.Count, "the state module is only the working entry's now: no shared chunk");
    }
}
