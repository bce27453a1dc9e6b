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

    /// <summary>Where a quiet run ends is found by AVX2 stop masks where the CPU has them and by the vector search
    /// elsewhere; whichever this machine uses must stop at exactly the characters outside the set.</summary>
    [TestMethod]
    public void RunEndsFallExactlyOnTheCharactersOutsideTheSet()
    {
        // Every code unit at every one of the 64 positions, among quiet neighbours: a stop there and only there.
        var block = new char[64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var position = c % 64;
            Array.Fill(block, 'a');
            block[position] = (char)c;
            var quiet = QuietCharacters.Contains((char)c);
            if (QuietCharacters.StopMasksSupported)
                Assert.AreEqual(quiet ? 0UL : 1UL << position, QuietCharacters.StopMask(ref block[0]), $"U+{c:X4} at {position}");
            else
                Assert.AreEqual(quiet ? -1 : position, block.AsSpan().IndexOfAnyExcept(QuietCharacters.SearchSet), $"U+{c:X4} at {position}");
        }
        // And a block of stops with one quiet character, at every position.
        for (var position = 0; position < 64; position++)
        {
            Array.Fill(block, '\u00e9');
            block[position] = '_';
            if (QuietCharacters.StopMasksSupported)
                Assert.AreEqual(~(1UL << position), QuietCharacters.StopMask(ref block[0]), $"quiet at {position}");
            else
                Assert.AreEqual(position == 0 ? 1 : 0, block.AsSpan().IndexOfAnyExcept(QuietCharacters.SearchSet), $"quiet at {position}");
        }
    }
}
