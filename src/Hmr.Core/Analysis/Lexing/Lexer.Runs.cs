using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hmr.Core.Analysis.Lexing;

// Runs of name characters and of blanks, measured eight characters at a time. Most names and most
// indentation are shorter than eight, so a name costs one vector test instead of one predicted branch
// per character plus a mispredicted one at its end (measured: the main loop's largest cost).
internal ref partial struct Lexer
{
    /// <summary>The end of the run of ASCII name characters ([A-Za-z0-9_$]) starting at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NameRunEnd(ref char first, int pos, int length)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            while (pos + 8 <= length)
            {
                var v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref first, pos)));
                var letter = Vector128.LessThanOrEqual((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
                var digit = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
                var other = Vector128.Equals(v, Vector128.Create((ushort)'_')) | Vector128.Equals(v, Vector128.Create((ushort)'$'));
                var stops = ~(letter | digit | other).ExtractMostSignificantBits() & 0xFF;
                if (stops != 0)
                {
                    return pos + BitOperations.TrailingZeroCount(stops);
                }
                pos += 8;
            }
        }
        for (; pos < length; pos++)
        {
            uint d = Unsafe.Add(ref first, pos);
            if (d >= 128 || AsciiClasses[(int)d] - 1u > 1u) break; // not a NameStart or Digit
        }
        return pos;
    }

    /// <summary>The end of the run of blanks (space, tab) and, when <paramref name="lineBreaks"/>, \n and \r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BlankRunEnd(ref char first, int pos, int length, bool lineBreaks)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            while (pos + 8 <= length)
            {
                var v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref first, pos)));
                var blank = Vector128.Equals(v, Vector128.Create((ushort)' ')) | Vector128.Equals(v, Vector128.Create((ushort)'\t'));
                if (lineBreaks)
                {
                    blank |= Vector128.Equals(v, Vector128.Create((ushort)'\n')) | Vector128.Equals(v, Vector128.Create((ushort)'\r'));
                }
                var stops = ~blank.ExtractMostSignificantBits() & 0xFF;
                if (stops != 0)
                {
                    return pos + BitOperations.TrailingZeroCount(stops);
                }
                pos += 8;
            }
        }
        for (; pos < length; pos++)
        {
            var d = Unsafe.Add(ref first, pos);
            if (!(d == ' ' || d == '\t' || (lineBreaks && (d == '\n' || d == '\r')))) break;
        }
        return pos;
    }
}
