using QualityGate.Gate;
using QualityGate.Results;
using ScottPlot;

namespace QualityGate.Reports;

/// <summary>The report's plots, drawn by ScottPlot as SVG so the HTML page stays one self-contained file.</summary>
internal static class Plots
{
    private const int Width = 560;
    private const int Height = 340;

    /// <summary>Per-class score histograms with the threshold line and the threshold region shaded.</summary>
    public static string ScoreDistribution(DataSetSection set, double threshold, double regionLow, double regionHigh)
    {
        var plot = NewPlot($"Scores on {set.Name}", "score", "examples");
        var histogram = set.Histogram;
        var bins = histogram.Positives.Count;
        var width = (histogram.High - histogram.Low) / bins;
        var region = plot.Add.HorizontalSpan(Math.Max(regionLow, histogram.Low), Math.Min(regionHigh, histogram.High));
        region.FillStyle.Color = Colors.Gold.WithAlpha(0.25);
        region.LineStyle.Width = 0;
        region.LegendText = "threshold region";
        AddHistogram(plot, histogram.Negatives, histogram.Low, width, Colors.SteelBlue, "negatives");
        AddHistogram(plot, histogram.Positives, histogram.Low, width, Colors.OrangeRed, "positives");
        var line = plot.Add.VerticalLine(threshold);
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "threshold";
        plot.ShowLegend(Alignment.UpperCenter);
        return plot.GetSvgXml(Width, Height);
    }

    public static string Roc(DataSetSection set, double? fpr, double? tpr) =>
        Curve($"ROC on {set.Name}", "false-positive rate", "true-positive rate", [.. set.Curves.Roc.Select(p => (p.Fpr ?? double.NaN, p.Tpr ?? double.NaN))], fpr, tpr, diagonal: true);

    public static string PrecisionRecall(DataSetSection set, double? recall, double? precision) =>
        Curve($"Precision-recall on {set.Name}", "recall", "precision", [.. set.Curves.PrecisionRecall.Select(p => (p.Recall ?? double.NaN, p.Precision ?? double.NaN))], recall, precision, diagonal: false);

    /// <summary>Error rates inside the threshold region, each with its confidence bounds, one group per data set.</summary>
    public static string RegionRates(IReadOnlyList<DataSetSection> sets) =>
        RatesWithBounds("Error rates in the threshold region", [.. sets.Select(s => (s.Name, s.Metrics))]);

    /// <summary>The region's error rates of every slice of the held-out set, each with its bounds.</summary>
    public static string SliceRegionRates(IReadOnlyList<SliceRow> slices) =>
        RatesWithBounds("Region error rates per slice", [.. slices.Select(s => (s.Name, s.Metrics))], width: Math.Max(Width, 60 * slices.Count * 3));

    /// <summary>Region FPR, FNR and error rate per group (a data set or a slice), each with its confidence bounds.</summary>
    private static string RatesWithBounds(string title, IReadOnlyList<(string Label, IReadOnlyDictionary<string, MetricCell> Metrics)> groups, int width = Width)
    {
        var plot = NewPlot(title, "", "rate");
        string[] metrics = ["region.fpr", "region.fnr", "region.error_rate"];
        var ticks = new List<Tick>();
        var position = 0.0;
        var palette = new[] { Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen };
        foreach (var (label, values) in groups)
        {
            for (var m = 0; m < metrics.Length; m++)
            {
                if (!values.TryGetValue(metrics[m], out var cell) || cell.Value is not { } value)
                {
                    position++;
                    continue;
                }

                var marker = plot.Add.Marker(position, value);
                marker.Color = palette[m];
                marker.Size = 9;
                if (cell.Lower is { } low && cell.Upper is { } high)
                {
                    var bar = plot.Add.Line(position, low, position, high);
                    bar.Color = palette[m];
                    bar.LineWidth = 2;
                }

                ticks.Add(new Tick(position, $"{label}\n{metrics[m]["region.".Length..]}"));
                position++;
            }

            position++;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimits(-0.8, Math.Max(position - 1, 1), 0, 1);
        return plot.GetSvgXml(width, Height);
    }

    /// <summary>Each paired regression check: the blessed and the candidate value side by side.</summary>
    public static string CandidateAgainstBaseline(IReadOnlyList<CheckDecision> checks)
    {
        var plot = NewPlot("Candidate against baseline", "", "value");
        var rows = checks.Where(c => c.BaselineValue is not null && c.CandidateValue is not null).ToList();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            var baseline = plot.Add.Marker(i - 0.15, rows[i].BaselineValue!.Value);
            baseline.Color = Colors.Gray;
            baseline.Size = 9;
            baseline.LegendText = i == 0 ? "baseline" : string.Empty;
            var candidate = plot.Add.Marker(i + 0.15, rows[i].CandidateValue!.Value);
            candidate.Color = rows[i].Verdict == Verdict.Failed ? Colors.Red : Colors.SeaGreen;
            candidate.Size = 9;
            candidate.LegendText = i == 0 ? "candidate" : string.Empty;
            ticks.Add(new Tick(i, rows[i].Check));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimits(-0.8, Math.Max(rows.Count - 0.2, 0.8), 0, 1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    private static string Curve(string title, string x, string y, IReadOnlyList<(double X, double Y)> points, double? pointX, double? pointY, bool diagonal)
    {
        var plot = NewPlot(title, x, y);
        if (diagonal)
        {
            var chance = plot.Add.Line(0, 0, 1, 1);
            chance.Color = Colors.LightGray;
            chance.LinePattern = LinePattern.Dotted;
        }

        var curve = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
        curve.Color = Colors.SteelBlue;
        curve.LineWidth = 2;
        if (pointX is { } px && pointY is { } py)
        {
            var marker = plot.Add.Marker(px, py);
            marker.Color = Colors.Black;
            marker.Size = 10;
            marker.LegendText = "operating point";
            plot.ShowLegend(Alignment.LowerRight);
        }

        plot.Axes.SetLimits(0, 1, 0, 1.02);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>One feature's distribution in each group, as shares of the group per bin, so groups of any size compare.</summary>
    public static string FeatureDistribution(ExplainedDistribution distribution)
    {
        // A mostly-zero feature: the zero shares go in the title, the bins show the non-zero values.
        var title = distribution.ZerosApart is { } zeros
            ? $"{distribution.Feature}\nzeros, not drawn: easy {Percent(zeros.EasyNegatives)}, hard {Percent(zeros.HardNegatives)}, positive {Percent(zeros.Positives)}"
            : distribution.Feature;
        var plot = NewPlot(title, distribution.Feature, "share of the group");
        var bins = distribution.HardNegatives.Count;
        var width = (distribution.High - distribution.Low) / bins;
        var centres = Enumerable.Range(0, bins).Select(i => distribution.Low + ((i + 0.5) * width)).ToArray();
        AddShares(plot, centres, distribution.EasyNegatives, Colors.SteelBlue, "easy negatives", LinePattern.Solid);
        AddShares(plot, centres, distribution.HardNegatives, Colors.DarkOrange, "hard negatives", LinePattern.Solid);
        AddShares(plot, centres, distribution.Positives, Colors.Crimson, "positives", LinePattern.Dashed);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    private static string Percent(double? share) => (share ?? double.NaN).ToString("0%", System.Globalization.CultureInfo.InvariantCulture);

    private static void AddShares(Plot plot, double[] centres, IReadOnlyList<double> shares, Color color, string label, LinePattern pattern)
    {
        var line = plot.Add.ScatterLine(centres, shares.ToArray());
        line.Color = color;
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.ConnectStyle = ConnectStyle.StepVertical;
        line.LegendText = label;
    }

    private static void AddHistogram(Plot plot, IReadOnlyList<long> counts, double low, double width, Color color, string label)
    {
        var bars = counts.Select((count, i) => new Bar
        {
            Position = low + ((i + 0.5) * width),
            Value = count,
            Size = width * 0.95,
            FillColor = color.WithAlpha(0.55),
            LineWidth = 0,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.LegendText = label;
        series.Color = color.WithAlpha(0.55);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }
}
