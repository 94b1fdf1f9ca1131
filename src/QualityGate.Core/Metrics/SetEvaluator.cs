using QualityGate.Configuration;
using QualityGate.Scoring;
using QualityGate.Statistics;

namespace QualityGate.Metrics;

/// <summary>Computes every metric of PRODUCT.md for one scored set at an operating point.</summary>
internal static class SetEvaluator
{
    /// <param name="identifyOutcomes">
    /// Whether to list the ids of the rows the model got wrong or had in its region: a data set's
    /// result and baseline name them; a slice needs them only for its regression checks.
    /// </param>
    public static SetEvaluation Evaluate(
        ScoredSet set,
        RankedExamples ranked,
        OperatingPoint point,
        StatisticsSettings statistics,
        bool probabilities,
        IReadOnlySet<MetricName> bounded,
        bool identifyOutcomes = true)
    {
        var confusion = default(ConfusionCounts);
        var region = default(ConfusionCounts);
        for (var i = 0; i < set.Count; i++)
        {
            var score = set.Scores[i];
            var predicted = point.IsPredictedPositive(score);
            confusion = confusion.Add(set.PositiveArray[i], predicted);
            if (point.InRegion(score))
            {
                region = region.Add(set.PositiveArray[i], predicted);
            }
        }

        var metrics = new List<MetricValue>
        {
            MetricValue.Count(new MetricName("count"), confusion.Total),
            MetricValue.Rate(new MetricName("fpr"), confusion.FalsePositives, confusion.Negatives, statistics),
            MetricValue.Rate(new MetricName("fnr"), confusion.FalseNegatives, confusion.Positives, statistics),
            MetricValue.Rate(new MetricName("precision"), confusion.TruePositives, confusion.TruePositives + confusion.FalsePositives, statistics),
            MetricValue.Rate(new MetricName("recall"), confusion.TruePositives, confusion.Positives, statistics),
            MetricValue.Rate(new MetricName("accuracy"), confusion.TruePositives + confusion.TrueNegatives, confusion.Total, statistics),
            MetricValue.Rate(new MetricName("error_rate"), confusion.FalsePositives + confusion.FalseNegatives, confusion.Total, statistics),
            Auc(ranked, statistics),
            MetricValue.Rate(new MetricName("region.share"), region.Total, confusion.Total, statistics),
            MetricValue.Rate(new MetricName("region.error_rate"), region.Errors, region.Total, statistics),
            MetricValue.Rate(new MetricName("region.fpr"), region.FalsePositives, region.Negatives, statistics),
            MetricValue.Rate(new MetricName("region.fnr"), region.FalseNegatives, region.Positives, statistics),
            MetricValue.Count(new MetricName("region.count"), region.Total),
        };
        metrics.AddRange(Bootstrapped(ranked, point, statistics, probabilities, bounded));
        metrics.Sort((a, b) => Order(a.Metric).CompareTo(Order(b.Metric)));

        var outcomes = identifyOutcomes ? Identified(set, point) : new RowOutcomes([], [], [], []);
        return new SetEvaluation(
            set.Name,
            set.File.DisplayPath,
            confusion,
            region,
            metrics,
            CurveBuilder.Build(ranked),
            CurveBuilder.Histogram(ranked, probabilities),
            outcomes);
    }

    private static MetricValue Auc(RankedExamples ranked, StatisticsSettings statistics)
    {
        var name = new MetricName("auc");
        if (ranked.Positives == 0 || ranked.Negatives == 0)
        {
            return MetricValue.Missing(name, "the set has only one class");
        }

        var result = DeLong.ComputeSorted(ranked.Scores, ranked.Positive);
        return new MetricValue(name, result.Auc, null, null, result.BoundsAt(statistics.Confidence), "delong")
        {
            SampleSize = Math.Min(ranked.Positives, ranked.Negatives),
            BoundsAt = result.BoundsAt,
        };
    }

    /// <summary>
    /// f1, pr_auc, log_loss and tpr_at_fpr(x): estimates with weight 1, and bounds from one shared
    /// bootstrap for the metrics a limit or check names (<paramref name="bounded"/>). A thousand
    /// replicates cost a thousand passes over the data, so metrics nobody gates on are reported
    /// without bounds.
    /// </summary>
    private static IEnumerable<MetricValue> Bootstrapped(RankedExamples r, OperatingPoint point, StatisticsSettings statistics, bool probabilities, IReadOnlySet<MetricName> bounded)
    {
        var tprAtFpr = bounded.Where(m => m.Name == MetricName.TprAtFpr).Select(m => m.Argument!.Value);
        var definitions = new List<(MetricName Name, Func<int[]?, double> Compute, string? Unavailable, long SampleSize)>
        {
            (new MetricName("f1"), w => WeightedMetrics.F1(r, w, point.Threshold), null, r.Count),
            (new MetricName("pr_auc"), w => WeightedMetrics.AveragePrecision(r, w), r.Positives == 0 ? "the set has no positives" : null, r.Positives),
            (new MetricName("log_loss"), w => WeightedMetrics.LogLoss(r, w), probabilities ? null : "the scores are not probabilities", r.Count),
        };
        foreach (var x in tprAtFpr.Distinct().Order())
        {
            definitions.Add((new MetricName(MetricName.TprAtFpr, x), w => WeightedMetrics.TprAtFpr(r, w, x),
                r.Positives == 0 || r.Negatives == 0 ? "the set has only one class" : null, Math.Min(r.Positives, r.Negatives)));
        }

        // Each estimate once, side by side on the cores: on a million rows each is a pass over them.
        var values = new double[definitions.Count];
        Parallel.For(0, definitions.Count, i => values[i] = definitions[i].Unavailable is null ? definitions[i].Compute(null) : double.NaN);
        var computable = definitions.Index().Where(d => bounded.Contains(d.Item.Name) && !double.IsNaN(values[d.Index])).ToList();
        var distributions = r.Count <= RowBootstrapLimit
            ? StratifiedBootstrap.Replicate(
                r.Positive,
                [.. computable.Select(d => (Func<int[], double>)(w => d.Item.Compute(w)))],
                statistics.BootstrapSamples,
                statistics.BootstrapSeed)
            : BinnedReplicates(r, point, statistics, [.. computable.Select(d => d.Item.Name)], [.. computable.Select(d => values[d.Index])]);
        for (var i = 0; i < definitions.Count; i++)
        {
            var (d, value) = (definitions[i], values[i]);
            var index = computable.FindIndex(c => c.Index == i);
            yield return d.Unavailable is not null || double.IsNaN(value)
                ? MetricValue.Missing(d.Name, d.Unavailable ?? "it is undefined on this set")
                : index < 0
                    ? new MetricValue(d.Name, value, null, null, Statistics.Bounds.Unknown, "none") { SampleSize = d.SampleSize }
                    : new MetricValue(d.Name, value, null, null, Containing(distributions[index].BoundsAt(statistics.Confidence), value), "bootstrap")
                    {
                        SampleSize = d.SampleSize,
                        BoundsAt = Within(distributions[index], value),
                    };
        }
    }

    /// <summary>Up to this many examples, bootstrap replicates redraw rows; above, bins (<see cref="ScoreBins"/>).</summary>
    internal const int RowBootstrapLimit = 20_000;

    /// <summary>How many bins a large set is folded into for its bootstrap.</summary>
    internal const int BootstrapBins = 2_000;

    /// <summary>
    /// A large set's replicates, over <see cref="BootstrapBins"/> bins by the Poisson bootstrap, so
    /// their cost does not grow with the rows. Folding ranks into bins moves a ranking metric a
    /// little; each distribution is moved by that much, so it is centred on the exact estimate
    /// and only its spread comes from the bins.
    /// </summary>
    private static StratifiedBootstrap.Distribution[] BinnedReplicates(RankedExamples r, OperatingPoint point, StatisticsSettings statistics, IReadOnlyList<MetricName> names, IReadOnlyList<double> exact)
    {
        var bins = ScoreBins.From(r, point.Threshold, BootstrapBins);
        var metrics = names.Select(name => (Func<double[], double[], double>)(name.Name switch
        {
            "f1" => bins.F1,
            "pr_auc" => bins.AveragePrecision,
            "log_loss" => bins.LogLoss,
            _ => (p, n) => bins.TprAtFpr(p, n, name.Argument!.Value),
        })).ToList();
        var distributions = PoissonBootstrap.Replicate(bins.Positives, bins.Negatives, metrics, statistics.BootstrapSamples, statistics.BootstrapSeed);
        return [.. distributions.Select((d, m) => d.Shifted(exact[m] - metrics[m](bins.Positives, bins.Negatives)))];
    }

    /// <summary>
    /// A bootstrapped metric's bounds at any confidence, made here so that the function holds the
    /// distribution and the estimate only: a lambda written in <see cref="Bootstrapped"/> shares its
    /// closure with the metrics' own, and so kept the ranked rows (5 MB a million rows) alive for
    /// as long as the result.
    /// </summary>
    private static Func<double, Statistics.Bounds> Within(StratifiedBootstrap.Distribution distribution, double value) =>
        confidence => Containing(distribution.BoundsAt(confidence), value);

    /// <summary>
    /// Percentile bounds of a biased statistic (average precision with ties, for one) can miss the
    /// estimate itself; widened to reach it, a bound is never laxer than deciding on the estimate.
    /// </summary>
    private static Statistics.Bounds Containing(Statistics.Bounds bounds, double value) =>
        new(Math.Min(bounds.Lower, value), Math.Max(bounds.Upper, value));

    private static RowOutcomes Identified(ScoredSet set, OperatingPoint point)
    {
        List<int> falsePositives = [], falseNegatives = [], regionNegatives = [], regionPositives = [];
        foreach (var row in set.Ids.Keys)
        {
            var score = set.Scores[row];
            var positive = set.PositiveArray[row];
            if (point.IsPredictedPositive(score) != positive)
            {
                (positive ? falseNegatives : falsePositives).Add(row);
            }

            if (point.InRegion(score))
            {
                (positive ? regionPositives : regionNegatives).Add(row);
            }
        }

        return new RowOutcomes(set.IdsOf(falsePositives), set.IdsOf(falseNegatives), set.IdsOf(regionNegatives), set.IdsOf(regionPositives));
    }

    private static int Order(MetricName metric)
    {
        var index = MetricName.Known.ToList().IndexOf(metric.Name);
        return (index * 1000) + (int)((metric.Argument ?? 0) * 999);
    }
}
