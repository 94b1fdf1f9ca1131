using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using QualityGate.Gate;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// The report's plots, drawn by OxyPlot as SVG with managed code only (text measured with the
/// PDF standard fonts' metrics), so the page stays one self-contained file, the same bytes on
/// every machine, and the packages carry no native graphics library.
/// </summary>
internal static class Plots
{
    private const int Width = 560;
    private const int Height = 340;

    /// <summary>The page's own font, so plot text reads like the rest of the report.</summary>
    private const string Font = "system-ui, sans-serif";

    private static readonly OxyColor Negatives = OxyColor.FromRgb(70, 130, 180);
    private static readonly OxyColor Positives = OxyColor.FromRgb(255, 69, 0);
    private static readonly OxyColor Third = OxyColor.FromRgb(46, 139, 87);

    /// <summary>
    /// Per-class score histograms on a log count axis, so the few examples per bin near the
    /// threshold stay visible beside the hundreds at the extremes; the threshold line and the
    /// threshold region shaded.
    /// </summary>
    public static string ScoreDistribution(DataSetSection set, double threshold, double regionLow, double regionHigh)
    {
        var plot = NewPlot($"Scores on {set.Name}");
        var histogram = set.Histogram;
        var width = (histogram.High - histogram.Low) / Math.Max(1, histogram.Positives.Count);
        var highest = histogram.Positives.Concat(histogram.Negatives).DefaultIfEmpty(1).Max();
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "score", Minimum = histogram.Low, Maximum = histogram.High });
        plot.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Left, Title = "examples (log scale)", Minimum = 0.7, Maximum = Math.Max(2, highest * 1.5) });
        MarkOperatingPoint(plot, threshold, Math.Max(regionLow, histogram.Low), Math.Min(regionHigh, histogram.High));
        plot.Series.Add(Bars(histogram.Negatives, histogram.Low, width, Negatives, "negatives", offset: 0));
        plot.Series.Add(Bars(histogram.Positives, histogram.Low, width, Positives, "positives", offset: 0.5));
        return Svg(plot);
    }

    public static string Roc(DataSetSection set, double? fpr, double? tpr) =>
        Curve($"ROC on {set.Name}", "false-positive rate", "true-positive rate", [.. set.Curves.Roc.Select(p => (p.Fpr ?? double.NaN, p.Tpr ?? double.NaN))], fpr, tpr, diagonal: true);

    public static string PrecisionRecall(DataSetSection set, double? recall, double? precision) =>
        Curve($"Precision-recall on {set.Name}", "recall", "precision", [.. set.Curves.PrecisionRecall.Select(p => (p.Recall ?? double.NaN, p.Precision ?? double.NaN))], recall, precision, diagonal: false);

    /// <summary>
    /// Recall, precision and false-positive rate at every threshold (read off the thinned ROC and
    /// precision-recall points), with the operating point's threshold and the region marked.
    /// </summary>
    public static string AcrossThresholds(DataSetSection set, double threshold, double regionLow, double regionHigh)
    {
        var plot = NewPlot($"Metrics across thresholds on {set.Name}");
        var finite = set.Curves.Roc.Where(p => p.Threshold is { } t && double.IsFinite(t)).ToList();
        var (low, high) = finite.Count == 0 ? (0.0, 1.0) : (Math.Min(finite.Min(p => p.Threshold!.Value), regionLow), Math.Max(finite.Max(p => p.Threshold!.Value), regionHigh));
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "threshold", Minimum = low, Maximum = high });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "rate", Minimum = 0, Maximum = 1.02 });
        MarkOperatingPoint(plot, threshold, regionLow, regionHigh);
        plot.Series.Add(Line("recall", Positives, finite.Select(p => (p.Threshold!.Value, p.Tpr))));
        plot.Series.Add(Line("false-positive rate", Negatives, finite.Select(p => (p.Threshold!.Value, p.Fpr))));
        plot.Series.Add(Line("precision", Third, set.Curves.PrecisionRecall.Where(p => p.Threshold is { } t && double.IsFinite(t)).Select(p => (p.Threshold!.Value, p.Precision))));
        return Svg(plot);
    }

    /// <summary>
    /// Reliability: in each score bin of the histogram, the share of positives against the bin's
    /// middle score. A calibrated model's points lie on the diagonal.
    /// </summary>
    public static string Calibration(DataSetSection set)
    {
        var plot = NewPlot($"Calibration on {set.Name}");
        var histogram = set.Histogram;
        var width = (histogram.High - histogram.Low) / Math.Max(1, histogram.Positives.Count);
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "score (bin middle)", Minimum = 0, Maximum = 1 });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "share of positives", Minimum = 0, Maximum = 1.02 });
        plot.Series.Add(new LineSeries { Title = "calibrated", Color = OxyColors.LightGray, LineStyle = LineStyle.Dot, Points = { new DataPoint(0, 0), new DataPoint(1, 1) } });
        var observed = new LineSeries { Title = "observed", Color = Negatives, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 3, MarkerFill = Negatives };
        for (var i = 0; i < histogram.Positives.Count; i++)
        {
            var total = histogram.Positives[i] + histogram.Negatives[i];
            if (total > 0)
            {
                observed.Points.Add(new DataPoint(histogram.Low + ((i + 0.5) * width), histogram.Positives[i] / (double)total));
            }
        }

        plot.Series.Add(observed);
        return Svg(plot);
    }

    private static LineSeries Line(string title, OxyColor color, IEnumerable<(double X, double? Y)> points)
    {
        var series = new LineSeries { Title = title, Color = color, StrokeThickness = 2 };
        series.Points.AddRange(points.Where(p => p.Y is not null).Select(p => new DataPoint(p.X, p.Y!.Value)));
        return series;
    }

    /// <summary>Error rates inside the threshold region, each with its confidence bounds, one group per data set.</summary>
    public static string RegionRates(IReadOnlyList<DataSetSection> sets) =>
        RatesWithBounds("Error rates in the threshold region", [.. sets.Select(s => (s.Name, s.Metrics))]);

    /// <summary>The region's error rates of every slice of the held-out set, each with its bounds.</summary>
    public static string SliceRegionRates(IReadOnlyList<SliceRow> slices) =>
        RatesWithBounds("Region error rates per slice", [.. slices.Select(s => (s.Name, s.Metrics))], width: Math.Max(Width, 60 * slices.Count * 3));

    /// <summary>Region FPR, FNR and error rate per group (a data set or a slice), each with its confidence bounds.</summary>
    private static string RatesWithBounds(string title, IReadOnlyList<(string Label, IReadOnlyDictionary<string, MetricCell> Metrics)> groups, int width = Width)
    {
        var plot = NewPlot(title);
        string[] metrics = ["region.fpr", "region.fnr", "region.error_rate"];
        OxyColor[] palette = [Negatives, Positives, Third];
        var labels = new Dictionary<int, string>();
        var series = metrics.Select((m, i) => new ScatterSeries { Title = m["region.".Length..], MarkerType = MarkerType.Circle, MarkerSize = 4.5, MarkerFill = palette[i] }).ToArray();
        var position = 0;
        foreach (var (label, values) in groups)
        {
            labels[position + 1] = Text(label);
            for (var m = 0; m < metrics.Length; m++, position++)
            {
                if (values.GetValueOrDefault(metrics[m]) is { Value: { } value } cell)
                {
                    series[m].Points.Add(new ScatterPoint(position, value));
                    ErrorBar(plot, position, cell.Lower, cell.Upper, palette[m]);
                }
            }

            position++;
        }

        plot.Axes.Add(LabelledPositions(labels, Math.Max(position - 1, 1)));
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "rate", Minimum = 0, Maximum = 1 });
        foreach (var s in series)
        {
            plot.Series.Add(s);
        }

        return Svg(plot, width);
    }

    /// <summary>Each check against the baseline: the blessed value, and the candidate's with the bounds of the change drawn as an error bar.</summary>
    public static string CandidateAgainstBaseline(IReadOnlyList<CheckDecision> checks)
    {
        var plot = NewPlot("Candidate against baseline");
        var rows = checks.Where(c => c.BaselineValue is not null && c.CandidateValue is not null).ToList();
        var baseline = new ScatterSeries { Title = "baseline", MarkerType = MarkerType.Circle, MarkerSize = 4.5, MarkerFill = OxyColors.Gray };
        var passed = new ScatterSeries { Title = "candidate", MarkerType = MarkerType.Diamond, MarkerSize = 5.5, MarkerFill = Third };
        var failed = new ScatterSeries { Title = "candidate (failed)", MarkerType = MarkerType.Diamond, MarkerSize = 5.5, MarkerFill = OxyColors.Red };
        for (var i = 0; i < rows.Count; i++)
        {
            var (blessed, candidate) = (rows[i].BaselineValue!.Value, rows[i].CandidateValue!.Value);
            baseline.Points.Add(new ScatterPoint(i - 0.15, blessed));
            (rows[i].Verdict == Verdict.Failed ? failed : passed).Points.Add(new ScatterPoint(i + 0.15, candidate));
            if (rows[i] is { ChangeLower: { } low, ChangeUpper: { } high, Relative: false })
            {
                // A decrease is measured as baseline - candidate: its bounds lie below the baseline.
                var (from, to) = rows[i].MaxDecrease is not null ? (blessed - high, blessed - low) : (blessed + low, blessed + high);
                ErrorBar(plot, i + 0.15, from, to, rows[i].Verdict == Verdict.Failed ? OxyColors.Red : Third);
            }
        }

        plot.Axes.Add(LabelledPositions(rows.Select((row, i) => (i, Text(row.Check))).ToDictionary(p => p.i, p => p.Item2), Math.Max(rows.Count - 0.2, 0.8)));
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "value", Minimum = 0, Maximum = 1 });
        plot.Series.Add(baseline);
        plot.Series.Add(passed);
        if (failed.Points.Count > 0)
        {
            plot.Series.Add(failed);
        }

        return Svg(plot);
    }

    private static string Curve(string title, string x, string y, IReadOnlyList<(double X, double Y)> points, double? pointX, double? pointY, bool diagonal)
    {
        var plot = NewPlot(title);
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = x, Minimum = 0, Maximum = 1 });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = y, Minimum = 0, Maximum = 1.02 });
        if (diagonal)
        {
            plot.Series.Add(new LineSeries { Title = "chance", Color = OxyColors.LightGray, LineStyle = LineStyle.Dot, Points = { new DataPoint(0, 0), new DataPoint(1, 1) } });
        }

        var curve = new LineSeries { Color = Negatives, StrokeThickness = 2 };
        curve.Points.AddRange(points.Select(p => new DataPoint(p.X, p.Y)));
        plot.Series.Add(curve);
        if (pointX is { } px && pointY is { } py)
        {
            plot.Series.Add(new ScatterSeries { Title = "operating point", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = OxyColors.Black, Points = { new ScatterPoint(px, py) } });
        }

        return Svg(plot);
    }

    /// <summary>One feature's distribution in each group, as shares of the group per bin, so groups of any size compare.</summary>
    public static string FeatureDistribution(ExplainedDistribution distribution)
    {
        // A mostly-zero feature: the zero shares go in the subtitle, the bins show the non-zero values.
        var plot = NewPlot(distribution.Feature);
        if (distribution.ZerosApart is { } zeros)
        {
            plot.Subtitle = $"zeros, not drawn: easy {Percent(zeros.EasyNegatives)}, hard {Percent(zeros.HardNegatives)}, positive {Percent(zeros.Positives)}";
        }

        var bins = distribution.HardNegatives.Count;
        var width = (distribution.High - distribution.Low) / Math.Max(1, bins);
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = Text(distribution.Feature), Minimum = distribution.Low, Maximum = distribution.High });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "share of the group", Minimum = 0 });
        plot.Series.Add(Steps(distribution.EasyNegatives, distribution.Low, width, Negatives, "easy negatives", LineStyle.Solid));
        plot.Series.Add(Steps(distribution.HardNegatives, distribution.Low, width, OxyColors.DarkOrange, "hard negatives", LineStyle.Solid));
        plot.Series.Add(Steps(distribution.Positives, distribution.Low, width, OxyColors.Crimson, "positives", LineStyle.Dash));
        return Svg(plot);
    }

    private static string Percent(double? share) => (share ?? double.NaN).ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>A bin's share drawn flat across the bin, with a closing step at the last bin's right edge.</summary>
    private static StairStepSeries Steps(IReadOnlyList<double> shares, double low, double width, OxyColor color, string label, LineStyle style)
    {
        var series = new StairStepSeries { Title = label, Color = color, StrokeThickness = 2, LineStyle = style };
        series.Points.AddRange(shares.Select((share, i) => new DataPoint(low + (i * width), share)));
        if (shares.Count > 0)
        {
            series.Points.Add(new DataPoint(low + (shares.Count * width), shares[^1]));
        }

        return series;
    }

    /// <summary>Each class's bars side by side within a bin (half a bin each), so neither hides the other; empty bins draw nothing on the log axis.</summary>
    private static RectangleBarSeries Bars(IReadOnlyList<long> counts, double low, double width, OxyColor color, string label, double offset)
    {
        var series = new RectangleBarSeries { Title = label, FillColor = OxyColor.FromAColor(200, color), StrokeThickness = 0 };
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0)
            {
                var start = low + ((i + offset) * width);
                series.Items.Add(new RectangleBarItem(start, 0.7, start + (width * 0.5), counts[i]));
            }
        }

        return series;
    }

    /// <summary>The threshold as a dashed line and the threshold region shaded behind the series.</summary>
    private static void MarkOperatingPoint(PlotModel plot, double threshold, double regionLow, double regionHigh)
    {
        plot.Annotations.Add(new RectangleAnnotation
        {
            MinimumX = regionLow,
            MaximumX = regionHigh,
            Fill = OxyColor.FromAColor(60, OxyColors.Gold),
            Layer = AnnotationLayer.BelowSeries,
            Text = "threshold region",
            TextVerticalAlignment = VerticalAlignment.Top,
        });
        plot.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Vertical, X = threshold, Color = OxyColors.Black, LineStyle = LineStyle.Dash, Text = "threshold" });
    }

    /// <summary>A bottom axis of whole positions, each labelled with its group's name (unnamed positions blank).</summary>
    private static LinearAxis LabelledPositions(IReadOnlyDictionary<int, string> labels, double maximum) => new()
    {
        Position = AxisPosition.Bottom, Minimum = -0.8, Maximum = maximum, MajorStep = 1, MinorStep = 1,
        LabelFormatter = x => Math.Abs(x - Math.Round(x)) < 1e-9 ? labels.GetValueOrDefault((int)Math.Round(x), string.Empty) : string.Empty,
    };

    private static void ErrorBar(PlotModel plot, double x, double? low, double? high, OxyColor color)
    {
        if (low is { } l && high is { } h && double.IsFinite(l) && double.IsFinite(h))
        {
            plot.Series.Add(new LineSeries { Color = color, StrokeThickness = 2, Points = { new DataPoint(x, l), new DataPoint(x, h) } });
        }
    }

    /// <summary>A plot with the page's font and its legend above the plot area, where it covers nothing.</summary>
    private static PlotModel NewPlot(string title)
    {
        var plot = new PlotModel { Title = Text(title), DefaultFont = Font, TitleFontSize = 14, DefaultFontSize = 11, PlotAreaBorderColor = OxyColors.LightGray };
        plot.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.TopCenter, LegendOrientation = LegendOrientation.Horizontal, LegendFont = Font });
        return plot;
    }

    /// <summary>Text from data or config as SVG (XML) can hold it: control characters as their Unicode pictures.</summary>
    private static string Text(string text) => Errors.VisibleText.Of(text);

    private static string Svg(PlotModel plot, int width = Width) =>
        SvgExporter.ExportToString(plot, width, Height, isDocument: false, new PageTextMeasurer(width, Height));

    /// <summary>
    /// Measures text by OxyPlot's managed Helvetica metrics, doubled: at the SVG's pixel sizes they
    /// come out at about half the width the page's sans-serif font (DejaVu Sans on Linux, Segoe UI
    /// on Windows) draws, and a legend sized by them is cut off. Too wide costs a little space.
    /// </summary>
    private sealed class PageTextMeasurer(double width, double height) : PdfRenderContext(width, height, OxyColors.White)
    {
        public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
        {
            var size = base.MeasureText(text, "Helvetica", fontSize, fontWeight);
            return new OxySize(size.Width * 2, size.Height);
        }
    }
}
