using System.Collections;

namespace QualityGate.Metrics;

/// <summary>
/// A ranked set's scores, highest first, as single-precision numbers when every score is one
/// (an ML.NET model scores in float: 4 bytes a row instead of 8, 20 MB less on 5M rows), else as
/// doubles. Either way each reads as the double it was.
/// </summary>
internal sealed class RankedScores : IReadOnlyList<double>
{
    private readonly float[]? _singles;
    private readonly double[]? _doubles;

    public RankedScores(float[] scores) => _singles = scores;

    public RankedScores(double[] scores) => _doubles = scores;

    public int Count => _singles?.Length ?? _doubles!.Length;

    public double this[int index] => _singles is { } singles ? singles[index] : _doubles![index];

    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
