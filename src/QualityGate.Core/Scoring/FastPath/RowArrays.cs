namespace QualityGate.Scoring.FastPath;

/// <summary>The pass's per-row arrays, sized by the file's estimated rows and grown past it.</summary>
internal static class RowArrays
{
    /// <summary>A larger array holding the first <paramref name="used"/> entries: the rest was never written, and copying it would make it resident.</summary>
    public static T[] Grown<T>(T[] array, int capacity, int used)
    {
        var grown = new T[capacity];
        Array.Copy(array, grown, used);
        return grown;
    }
}
