using System.Runtime.Intrinsics.X86;
using Hmr.Core.Analysis.Lexing;

namespace Hmr.Core.Tests.Analysis;

/// <summary>
/// The forms of the quiet-run character set (QuietCharacters.cs) agree with the set itself for every UTF-16 code unit:
/// the bit map, and the stop masks computed with AVX2 (on this machine, if it has it) and without (the path of Arm and
/// older x86 machines, which runs anywhere).
/// </summary>
[TestClass]
public sealed class QuietCharactersTests
{
    [TestMethod]
    public void TheBitMapMatchesTheSet()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.AreEqual(QuietCharacters.All.Contains((char)c), QuietCharacters.Contains((char)c), $"U+{c:X4}");
        }
        Assert.IsTrue(QuietCharacters.Contains('|'));
        Assert.IsFalse(QuietCharacters.Contains('{'));
    }

    [TestMethod]
    public void StopMasksStopExactlyAtTheCharactersOutsideTheSet()
    {
        AssertStopsExactly(QuietCharacters.StopMaskPortable);
        if (Avx2.IsSupported)
        {
            AssertStopsExactly(QuietCharacters.StopMaskAvx2);
        }
    }

    private delegate ulong StopMaskOf(ref char at);

    private static void AssertStopsExactly(StopMaskOf stopMask)
    {
        // Every code unit at every one of the 64 positions, among quiet neighbours: a stop there and only there.
        var block = new char[64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var position = c % 64;
            Array.Fill(block, 'a');
            block[position] = (char)c;
            var quiet = QuietCharacters.All.Contains((char)c);
            Assert.AreEqual(quiet ? 0UL : 1UL << position, stopMask(ref block[0]), $"U+{c:X4} at {position}");
        }
        // And a block of stops with one quiet character, at every position.
        for (var position = 0; position < 64; position++)
        {
            Array.Fill(block, '\u00e9');
            block[position] = '_';
            Assert.AreEqual(~(1UL << position), stopMask(ref block[0]), $"quiet at {position}");
        }
    }
}
