using Hmr.Bundler.Prebundling;

namespace Hmr.Bundler.Tests.Prebundling;

/// <summary>Chunk names carry a hash of their content and of the chunks they import, computed bottom-up; chunks that
/// import each other share one hash.</summary>
[TestClass]
public sealed class ContentHashedNamesTests
{
    private static BundleChunk Chunk(string name, string code) => new(name, code, ChunkKind.Shared, null, []);

    private static Dictionary<string, HashedChunk> Assign(params BundleChunk[] chunks) =>
        ContentHashedNames.Assign(chunks).ToDictionary(c => c.Chunk.FileName);

    [TestMethod]
    public void A_hash_covers_the_imported_chunks_and_a_cycle_shares_one_hash()
    {
        var named = Assign(
            Chunk("a.js", "import { b } from \"./b.js\";\nexport const a = 1;\n"),
            Chunk("b.js", "import { a } from \"./a.js\";\nexport const b = () => import(\"./lazy.js\");\n"),
            Chunk("lazy.js", "export const lazy = 1;\n"),
            Chunk("top.js", "import { a } from \"./a.js\";\nconsole.log(a, './a.js', \"./a.jsx\");\n"));

        Assert.AreEqual(named["a.js"].Hash, named["b.js"].Hash);
        StringAssert.StartsWith(named["a.js"].FileName, "a.");
        StringAssert.Contains(named["b.js"].Code, $"import {{ a }} from \"./{named["a.js"].FileName}\"");
        StringAssert.Contains(named["b.js"].Code, $"import(\"./{named["lazy.js"].FileName}\")");
        StringAssert.Contains(named["top.js"].Code, $"from \"./{named["a.js"].FileName}\";\nconsole.log(a, './a.js', \"./a.jsx\")");

        // A change in the lazy chunk renames everything that imports it, directly or not; nothing else.
        var changed = Assign(
            Chunk("a.js", "import { b } from \"./b.js\";\nexport const a = 1;\n"),
            Chunk("b.js", "import { a } from \"./a.js\";\nexport const b = () => import(\"./lazy.js\");\n"),
            Chunk("lazy.js", "export const lazy = 2;\n"),
            Chunk("top.js", "import { a } from \"./a.js\";\nconsole.log(a, './a.js', \"./a.jsx\");\n"),
            Chunk("other.js", "export {};\n"));
        foreach (var name in new[] { "a.js", "b.js", "lazy.js", "top.js" })
        {
            Assert.AreNotEqual(named[name].FileName, changed[name].FileName, name);
        }

        var unrelated = Assign(
            Chunk("lazy.js", "export const lazy = 1;\n"),
            Chunk("other.js", "export const other = 3;\n"));
        Assert.AreEqual(named["lazy.js"].FileName, unrelated["lazy.js"].FileName);
    }
}
