using System.Runtime.CompilerServices;

namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// Numbers of a Parquet column taken as the numbers their CSV text would parse to, without
/// writing and parsing the text, where that is provably the same value.
/// </summary>
internal static class ParquetNumbers
{
    /// <summary>Integers up to 2^24 are floats exactly; up to 2^53, doubles.</summary>
    public const long ExactInFloat = 1L << 24;

    public const long ExactInDouble = 1L << 53;

    /// <summary>
    /// The float that the double's text (its shortest round-trip form) parses to, when rounding
    /// the double itself is sure to give the same; false otherwise (the caller parses the text).
    /// The text is within half a double's ulp of the double, so the two round to different floats
    /// only when a midpoint between two floats lies that close: such doubles, and those outside
    /// the normal floats, are declined.
    /// </summary>
    public static bool TryNarrow(double value, out float narrowed)
    {
        narrowed = (float)value;
        if ((double)narrowed == value)
        {
            // Exact: zero, small integers, and every value a float column widened.
            return true;
        }

        if (!double.IsFinite(value) || !float.IsNormal(narrowed) || Math.Abs(value) >= float.MaxValue)
        {
            return false;
        }

        // The midpoint between the float and its neighbour on the value's side: exact in a double
        // (a float's 24 significant bits and one more).
        var neighbour = value > narrowed ? MathF.BitIncrement(narrowed) : MathF.BitDecrement(narrowed);
        var midpoint = ((double)narrowed + neighbour) / 2;
        var magnitude = Math.Abs(value);
        var ulp = Math.BitIncrement(magnitude) - magnitude;
        return Math.Abs(value - midpoint) > 2 * ulp;
    }

    /// <summary>
    /// A column's value as the float its text parses to, where the value alone tells: a float, a
    /// double narrowed safely (<see cref="TryNarrow"/>), an integer of at most 24 bits.
    /// </summary>
    public static bool TryExactSingle<T>(T value, out float single)
    {
        // typeof(T) is a constant to the JIT: each column type compiles to its own branch, unboxed.
        if (typeof(T) == typeof(float))
        {
            single = Unsafe.As<T, float>(ref value);
            return true;
        }

        if (typeof(T) == typeof(double))
        {
            return TryNarrow(Unsafe.As<T, double>(ref value), out single);
        }

        single = 0;
        if (SmallInteger(value) is not { } integer || integer is < -ExactInFloat or > ExactInFloat)
        {
            return false;
        }

        single = integer;
        return true;
    }

    /// <summary>
    /// A column's value as the double its text parses to, where the value alone tells: a double
    /// (its text is its shortest round-trip form), an integer of at most 53 bits. Not a float:
    /// 0.1f is written "0.1", which parses to the double 0.1, not to the float widened.
    /// </summary>
    public static bool TryExactDouble<T>(T value, out double wide)
    {
        if (typeof(T) == typeof(double))
        {
            wide = Unsafe.As<T, double>(ref value);
            return true;
        }

        wide = 0;
        if (SmallInteger(value) is not { } integer || integer is < -ExactInDouble or > ExactInDouble)
        {
            return false;
        }

        wide = integer;
        return true;
    }

    /// <summary>A signed integer type's value, or a small unsigned one's; null for any other value.</summary>
    private static long? SmallInteger<T>(T value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        sbyte b => b,
        byte b => b,
        ushort u => u,
        uint u => u,
        _ => null,
    };
}
