using System.Globalization;
using QualityGate.Data;
using QualityGate.Metrics;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Explain;

/// <summary>The three groups that explain compares.</summary>
public enum ExampleGroup
{
    /// <summary>Negatives scored at or above threshold - margin: the close calls and the mistakes.</summary>
    HardNegative,

    /// <summary>Held-out negatives scored below threshold - margin.</summary>
    EasyNegative,

    /// <summary>Held-out positives.</summary>
    Positive,
}

/// <summary>An example in the threshold region, kept as text so it can be scored again with a feature shuffled.</summary>
public sealed record RegionExample(IReadOnlyList<string> Fields, double Score, bool Positive);

/// <summary>
/// The examples explain looks at, drawn with the seed so the output is the same on every run:
/// at most <c>explain.sample</c> per group, feature values parsed (NaN for a missing value),
/// and the region's examples as text. Hard negatives come from the held-out set and the suite's
/// active items; suite items that are no longer hard (fixed) are in no group, since they were
/// chosen for having been hard and would not stand for the easy negatives.
/// </summary>
public sealed class ExampleSample
{
    private readonly Dictionary<ExampleGroup, List<double[]>> _values = new()
    {
        [ExampleGroup.HardNegative] = [],
        [ExampleGroup.EasyNegative] = [],
        [ExampleGroup.Positive] = [],
    };

    private readonly Dictionary<ExampleGroup, List<IReadOnlyDictionary<int, string>>> _texts = new()
    {
        [ExampleGroup.HardNegative] = [],
        [ExampleGroup.EasyNegative] = [],
        [ExampleGroup.Positive] = [],
    };

    private readonly Dictionary<ExampleGroup, (int Heldout, int Suite)> _totals = [];

    private static readonly IReadOnlyDictionary<int, string> NoTexts = new Dictionary<int, string>();

    private ExampleSample(FeatureLayout layout) => Layout = layout;

    public FeatureLayout Layout { get; }

    /// <summary>Each sampled example's feature values, in <see cref="FeatureLayout.Features"/> order.</summary>
    public IReadOnlyList<double[]> Values(ExampleGroup group) => _values[group];

    /// <summary>Each sampled example's values that are not numbers (text), by feature index, in <see cref="Values"/>' order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<int, string>> Texts(ExampleGroup group) => _texts[group];

    /// <summary>How many examples the group has in all, before sampling, in the held-out set and in the suite.</summary>
    public (int Heldout, int Suite) Total(ExampleGroup group) => _totals[group];

    public List<RegionExample> Region { get; } = [];

    public int RegionTotal { get; private set; }

    /// <summary>Features with a value that is not a number, and the first such value and where it is.</summary>
    public Dictionary<int, string> NotNumeric { get; } = [];

    public static ExampleSample Draw(FeatureLayout layout, ScoredSet heldout, ScoredSuite? suite, OperatingPoint point, double hardFrom, Configuration.ExplainSettings settings)
    {
        var sample = new ExampleSample(layout);
        var random = new Random(settings.Seed);
        var suiteItems = suite?.Document.Items.Where(i => i.Status == SuiteStatus.Active).ToList() ?? [];
        var (members, heldoutCounts, region) = Members(heldout, suite?.Active, point, hardFrom);

        var chosen = new Dictionary<(int Source, int Row), ExampleGroup>();
        foreach (var (group, rows) in members)
        {
            sample._totals[group] = (heldoutCounts[group], rows.Count - heldoutCounts[group]);
            foreach (var member in Choose(rows, settings.Sample, random))
            {
                chosen[member] = group;
            }
        }

        sample.RegionTotal = region.Count;
        var inRegion = Choose(region, Math.Min(settings.Sample, RegionCap), random).ToHashSet();

        void Take((int Source, int Row) member, IReadOnlyList<string> fields, double score, bool positive, Func<string> where)
        {
            if (chosen.TryGetValue(member, out var group))
            {
                var (values, texts) = sample.Parse(fields, where);
                sample._values[group].Add(values);
                sample._texts[group].Add(texts);
            }

            if (inRegion.Contains(member))
            {
                sample.Region.Add(new RegionExample(fields, score, positive));
            }
        }

        // The held-out rows read back as text, parsed one at a time, so only their numbers are kept.
        var wanted = chosen.Keys.Concat(inRegion).Where(m => m.Source == 0).Select(m => m.Row).Distinct();
        foreach (var (row, record) in RowFetcher.Stream(heldout.File, wanted))
        {
            Take((0, row), record.Fields, heldout.Scores[row], heldout.Positive[row], () => $"{record.Location.File}, line {record.Location.Line}");
        }

        for (var row = 0; row < suiteItems.Count; row++)
        {
            var item = suiteItems[row];
            Take((1, row), item.Fields, suite!.Active.Scores[row], item.Positive, () => $"suite item {item.Id}");
        }

        return sample;
    }

    /// <summary>
    /// Which rows each group and the region take, as (source, row): source 0 the held-out set,
    /// 1 the suite's active items (only its hard negatives join a group), with each group's
    /// held-out count.
    /// </summary>
    private static (Dictionary<ExampleGroup, List<(int Source, int Row)>> Members, Dictionary<ExampleGroup, int> HeldoutCounts, List<(int Source, int Row)> Region) Members(
        ScoredSet heldout, ScoredSet? suiteSet, OperatingPoint point, double hardFrom)
    {
        ExampleGroup GroupOf(double score, bool positive) =>
            positive ? ExampleGroup.Positive : score >= hardFrom ? ExampleGroup.HardNegative : ExampleGroup.EasyNegative;

        var members = Enum.GetValues<ExampleGroup>().ToDictionary(g => g, _ => new List<(int Source, int Row)>());
        var region = new List<(int Source, int Row)>();
        for (var row = 0; row < heldout.Count; row++)
        {
            members[GroupOf(heldout.Scores[row], heldout.Positive[row])].Add((0, row));
            if (point.InRegion(heldout.Scores[row]))
            {
                region.Add((0, row));
            }
        }

        var heldoutCounts = members.ToDictionary(m => m.Key, m => m.Value.Count);
        for (var row = 0; row < (suiteSet?.Count ?? 0); row++)
        {
            var score = suiteSet!.Scores[row];
            if (!suiteSet.Positive[row] && score >= hardFrom)
            {
                members[ExampleGroup.HardNegative].Add((1, row));
            }

            if (point.InRegion(score))
            {
                region.Add((1, row));
            }
        }

        return (members, heldoutCounts, region);
    }

    /// <summary>Region examples scored again once per shuffle and group: enough for stable averages, and bounded for wide inputs.</summary>
    private const int RegionCap = 2_000;

    /// <summary>All of the rows, or <paramref name="cap"/> of them drawn without replacement; in their original order either way.</summary>
    private static List<(int Source, int Row)> Choose(List<(int Source, int Row)> rows, int cap, Random random)
    {
        if (rows.Count <= cap)
        {
            return rows;
        }

        var copy = rows.ToArray();
        for (var i = 0; i < cap; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return [.. copy.Take(cap).Order()];
    }

    private (double[] Values, IReadOnlyDictionary<int, string> Texts) Parse(IReadOnlyList<string> fields, Func<string> where)
    {
        var features = Layout.Features;
        var values = new double[features.Count];
        Dictionary<int, string>? texts = null;
        for (var f = 0; f < features.Count; f++)
        {
            var text = features[f].Column < fields.Count ? fields[features[f].Column] : string.Empty;
            if (IsMissing(text))
            {
                values[f] = double.NaN;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                values[f] = value;
            }
            else
            {
                values[f] = double.NaN;
                NotNumeric.TryAdd(f, $"'{Excerpt(text)}' at {where()}");
                (texts ??= [])[f] = text;
            }
        }

        return (values, texts ?? NoTexts);
    }

    /// <summary>A value as a note quotes it: a long text cut to its start.</summary>
    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static bool IsMissing(string text) =>
        text.Length == 0 || text == "?" || text.Equals("NaN", StringComparison.OrdinalIgnoreCase) || text.Equals("NA", StringComparison.Ordinal);
}
