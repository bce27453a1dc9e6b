using Hmr.Core.Analysis.Lexing;

namespace Hmr.Core.Tests.Analysis;

/// <summary>The three forms of the quiet-run character set (QuietCharacters.cs) agree for every UTF-16 code unit.</summary>
[TestClass]
public sealed class QuietCharactersTests
{
    [TestMethod]
    public void TheBitMapMatchesTheSearchSet()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.AreEqual(QuietCharacters.SearchSet.Contains((char)c), QuietCharacters.Contains((char)c), $"U+{c:X4}");
        }
        Assert.IsTrue(QuietCharacters.Contains('|'));
        Assert.IsFalse(QuietCharacters.Contains('{'));
    }

    [TestMethod]
    public void StopMasksMarkExactlyTheCharactersOutsideTheSet()
    {
        if (!QuietCharacters.StopMasksSupported)
        {
            Assert.Inconclusive("stop masks need AVX2; quiet runs end by searches on this machine");
        }
        // Every code unit at every one of the 64 positions, among quiet neighbours: the bit for it and only it.
        var block = new char[64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var position = c % 64;
            Array.Fill(block, 'a');
            block[position] = (char)c;
            var expected = QuietCharacters.Contains((char)c) ? 0UL : 1UL << position;
            Assert.AreEqual(expected, QuietCharacters.StopMask(ref block[0]), $"U+{c:X4} at {position}");
        }
        // And a block of stops with one quiet character, at every position.
        for (var position = 0; position < 64; position++)
        {
            Array.Fill(block, '\u00e9');
            block[position] = '_';
            Assert.AreEqual(~(1UL << position), QuietCharacters.StopMask(ref block[0]), $"quiet at {position}");
        }
    }
}
