using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Slices;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// The slice columns as the pass reads them, in file order: per column, each row's value as an
/// index into the column's distinct values. Given up (<see cref="Memberships"/> null) at a row
/// the pass could not read as the text reader would, or at a column with more values than any
/// slicing keeps; the text pass then reads the file's slices, and says what is wrong.
/// </summary>
internal sealed class PassSlices(int columns)
{
    // A worker hands out one array per combination of values, so most rows are found by reference.
    private readonly Dictionary<string[], int[]> _byCombination = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int>[] _values = [.. Enumerable.Range(0, columns).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private int[][] _rows = [.. Enumerable.Range(0, columns).Select(_ => Array.Empty<int>())];
    private bool _givenUp;

    public void Add(int row, string[] values)
    {
        if (_givenUp)
        {
            return;
        }

        if (!_byCombination.TryGetValue(values, out var indexes))
        {
            if (ReferenceEquals(values, SliceValues.Unreadable) || (indexes = IndexesOf(values)) is null)
            {
                GiveUp();
                return;
            }

            _byCombination[values] = indexes;
        }

        for (var c = 0; c < _rows.Length; c++)
        {
            _rows[c][row] = indexes[c];
        }
    }

    /// <summary>Room for <paramref name="capacity"/> rows, the first <paramref name="used"/> kept.</summary>
    public void Grow(int capacity, int used)
    {
        for (var c = 0; !_givenUp && c < _rows.Length; c++)
        {
            _rows[c] = RowArrays.Grown(_rows[c], capacity, used);
        }
    }

    /// <summary>The memberships of the pass's <paramref name="count"/> rows, one per column; null when given up.</summary>
    public IReadOnlyList<SliceMembership>? Memberships(DataFile file, IReadOnlyList<SliceColumn> sliceColumns, int count) => _givenUp
        ? null
        : [.. sliceColumns.Select((column, c) => SliceMembership.OfValues(file, column, [.. _values[c].OrderBy(p => p.Value).Select(p => p.Key)], _rows[c][..count]))];

    private int[]? IndexesOf(string[] values)
    {
        var indexes = new int[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            if (!_values[c].TryGetValue(values[c], out indexes[c]))
            {
                if (_values[c].Count == SliceMembership.MaxRawValues)
                {
                    return null;
                }

                indexes[c] = _values[c][values[c]] = _values[c].Count;
            }
        }

        return indexes;
    }

    private void GiveUp()
    {
        _givenUp = true;
        _rows = [];
    }
}
