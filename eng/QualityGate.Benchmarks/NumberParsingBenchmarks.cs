using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using QualityGate.Scoring.FastPath;

namespace QualityGate.Benchmarks;

/// <summary>
/// The fast pass's numbers alone: 100,000 rows of 50 features written as the data generator
/// writes them (Gaussian values to three decimals: "-0.252", "2.93"), split by Sep on one thread
/// and every field parsed to a float: by csFastFloat through Sep (what every field took before),
/// or by <see cref="ShortFloat"/> (one exact division), which the pass now tries first. Run it as
/// qgate runs, with tiered PGO off (its runtime config turns it off: a check lasts seconds):
/// <c>--filter "*NumberParsing*" --job short --envVars DOTNET_TieredPGO:0</c>. Measured so: 165-168
/// ms through Sep's parse, 102-105 ms with ShortFloat first, 81 ms since ShortFloat tests one
/// thing a character (at most ten characters after the sign, so no count of significant digits).
/// With PGO on (BenchmarkDotNet's default) the runtime recompiles csFastFloat from its profile
/// and the first two take the same, 90-104 ms.
/// </summary>
public class NumberParsingBenchmarks
{
    private const int Rows = 100_000;
    private const int Width = 50;
    private string _text = string.Empty;

    /// <summary>Sep's TryParse (what the pass called for every field before), Sep's Parse, or ShortFloat first.</summary>
    [Params("TryParse", "Parse", "ShortFloat")]
    public string Parser { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, Width).Select(f => $"f{f}"))).Append('\n');
        for (var row = 0; row < Rows; row++)
        {
            for (var f = 0; f < Width; f++)
            {
                var gaussian = Gaussian.Next(random);
                text.Append(f == 0 ? string.Empty : ",").Append(Math.Round(gaussian, 3).ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        _text = text.ToString();
    }

    [Benchmark]
    public double ParseEveryField()
    {
        var sum = 0.0;
        var (shortFloat, tryParse) = (Parser == "ShortFloat", Parser == "TryParse");
        using var reader = Sep.Reader(o => o with { DisableQuotesParsing = true }).FromText(_text);
        foreach (var row in reader)
        {
            for (var f = 0; f < Width; f++)
            {
                var column = row[f];
                if (tryParse)
                {
                    sum += column.TryParse<float>() ?? float.NaN;
                    continue;
                }

                if (!shortFloat || !ShortFloat.TryParse(column.Span, out var value))
                {
                    value = column.Parse<float>();
                }

                sum += value;
            }
        }

        return sum;
    }
}
