using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hmr.Core.Analysis.Lexing;

/// <summary>
/// The characters a quiet run may contain (Lexer.QuietRuns.cs): names, digits, blanks and the operators other than
/// <c>+</c>/<c>-</c>/<c>/</c>. Anything else, every non-ASCII character included, ends a run. Two forms of the same
/// set: a bit map for one character, and <see cref="StopMask"/>, which answers for 64 at once.
/// </summary>
internal static class QuietCharacters
{
    public const string All = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$ \t\n\r\v\f!%&*,.:;<=>?@^|~";

    // Bit maps over ASCII: Low covers U+0000–U+003F, High U+0040–U+007F.
    private static readonly ulong Low = AsciiBits(0);
    private static readonly ulong High = AsciiBits(64);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(char c) => c < 64 ? (Low & (1UL << c)) != 0 : c < 128 && (High & (1UL << (c - 64))) != 0;

    /// <summary>
    /// Bit i set when the character at <paramref name="at"/> + i is not quiet, for 64 characters (all of which must be
    /// inside the text). A quiet run stops at the lowest set bit, and the next run after a bracket or a string often
    /// stops at the next one: one bit scan per stop instead of one search (each a dependent chain of loads, compares
    /// and a mispredicted exit). With AVX2 a nibble lookup; elsewhere (Arm, older x86) range compares.
    /// </summary>
    public static ulong StopMask(ref char at) => Avx2.IsSupported ? StopMaskAvx2(ref at) : StopMaskPortable(ref at);

    internal static ulong StopMaskAvx2(ref char at) =>
        StopMask32(ref at) | ((ulong)StopMask32(ref Unsafe.Add(ref at, 32)) << 32);

    internal static ulong StopMaskPortable(ref char at)
    {
        var stops = 0UL;
        for (var i = 0; i < 64; i += 8)
        {
            var v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref at, i)));
            stops |= (ulong)(~IsQuiet(v).ExtractMostSignificantBits() & 0xFF) << i;
        }
        return stops;
    }

    /// <summary>All lanes set for the characters of <see cref="All"/>: ranges where the set has them, single compares for the rest.</summary>
    private static Vector128<ushort> IsQuiet(Vector128<ushort> v)
    {
        static Vector128<ushort> InRange(Vector128<ushort> v, char first, char last) =>
            Vector128.LessThanOrEqual(v - Vector128.Create((ushort)first), Vector128.Create((ushort)(last - first)));
        static Vector128<ushort> Is(Vector128<ushort> v, char c) => Vector128.Equals(v, Vector128.Create((ushort)c));

        return InRange(v | Vector128.Create((ushort)0x20), 'a', 'z') // letters of either case
            | InRange(v, '0', '9') | InRange(v, '\t', '\r') | InRange(v, ':', '@') | InRange(v, '%', '&')
            | Is(v, ' ') | Is(v, '_') | Is(v, '$') | Is(v, '!') | Is(v, '*') | Is(v, ',') | Is(v, '.') | Is(v, '^') | Is(v, '|') | Is(v, '~');
    }

    // The classic nibble lookup: a byte is in the set when the bit for its high nibble is set in the table entry
    // for its low nibble. Characters are packed to bytes with unsigned saturation, which turns every character
    // above U+007F into 0x00 or 0xFF, both outside the set (the shuffle gives 0 for bytes with the top bit set).
    private static readonly Vector256<byte> HighNibbleBitsByLowNibble = NibbleTable();
    private static readonly Vector256<byte> BitOfHighNibble = Vector256.Create(
        (byte)1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint StopMask32(ref char at)
    {
        var first = Vector256.LoadUnsafe(ref Unsafe.As<char, short>(ref at));
        var second = Vector256.LoadUnsafe(ref Unsafe.As<char, short>(ref Unsafe.Add(ref at, 16)));
        // The pack interleaves the two inputs by 128-bit lane; the permutation puts the 32 bytes back in order.
        var bytes = Avx2.Permute4x64(Avx2.PackUnsignedSaturate(first, second).AsUInt64(), 0b11_01_10_00).AsByte();
        var lowNibbleEntry = Avx2.Shuffle(HighNibbleBitsByLowNibble, bytes);
        var highNibbleBit = Avx2.Shuffle(BitOfHighNibble, Avx2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F));
        return Vector256.Equals(lowNibbleEntry & highNibbleBit, Vector256<byte>.Zero).ExtractMostSignificantBits();
    }

    private static Vector256<byte> NibbleTable()
    {
        Span<byte> table = stackalloc byte[32];
        foreach (var c in All)
        {
            // The same 16 entries in both 128-bit lanes: the shuffle looks up within each lane.
            table[c & 0xF] |= (byte)(1 << (c >> 4));
            table[16 + (c & 0xF)] |= (byte)(1 << (c >> 4));
        }
        return Vector256.Create((ReadOnlySpan<byte>)table);
    }

    private static ulong AsciiBits(int from)
    {
        var bits = 0UL;
        foreach (var c in All)
        {
            if (c >= from && c < from + 64)
            {
                bits |= 1UL << (c - from);
            }
        }
        return bits;
    }
}
