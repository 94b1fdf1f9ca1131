using System.Collections;

namespace QualityGate.Scoring;

/// <summary>
/// A set's scores, in row or rank order, as single-precision numbers when every score is one (an
/// ML.NET model scores in float: 4 bytes a row instead of 8, 20 MB less on 5M rows, for the
/// rows and again for their ranking), else as doubles. Either way each reads as the double it was.
/// </summary>
/// <param name="count">How many of the array's first entries are scores (a pass sizes its array by an estimate).</param>
public sealed class Scores : IReadOnlyList<double>
{
    private readonly float[]? _singles;
    private readonly double[]? _doubles;

    public Scores(float[] scores, int count)
    {
        _singles = scores;
        Count = count;
    }

    public Scores(double[] scores, int count)
    {
        _doubles = scores;
        Count = count;
    }

    public Scores(double[] scores)
        : this(scores, scores.Length)
    {
    }

    public int Count { get; }

    /// <summary>True when the scores are held as floats: every one of them is a single-precision number.</summary>
    public bool AreSingles => _singles is not null;

    public double this[int index] => _singles is { } singles ? singles[index] : _doubles![index];

    /// <summary>The score as the float it is; only when <see cref="AreSingles"/>.</summary>
    internal float Single(int index) => _singles![index];

    /// <summary>These rows' scores, in the order given, held as these are.</summary>
    public Scores Subset(IReadOnlyList<int> rows)
    {
        if (_singles is { } singles)
        {
            var subset = new float[rows.Count];
            for (var i = 0; i < subset.Length; i++)
            {
                subset[i] = singles[rows[i]];
            }

            return new Scores(subset, subset.Length);
        }

        return new Scores([.. rows.Select(row => _doubles![row])]);
    }

    /// <summary>Whether every score is a single-precision number.</summary>
    public static bool AllSingles(IReadOnlyList<double> scores)
    {
        for (var i = 0; i < scores.Count; i++)
        {
            if ((double)(float)scores[i] != scores[i])
            {
                return false;
            }
        }

        return true;
    }

    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
