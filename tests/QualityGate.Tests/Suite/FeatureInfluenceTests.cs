using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Errors;
using QualityGate.Results;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Suite;

/// <summary>
/// Beside each item it reports, the gate shows the feature values that move the item's score
/// most, with the change: checked here against the model itself, scoring the item with the
/// feature at a typical negative's value outside the gate.
/// </summary>
public sealed class FeatureInfluenceTests
{
    [Fact]
    public void Each_broken_item_shows_the_features_that_move_its_score_most_with_the_change_the_model_gives()
    {
        using var sample = new SampleCopy();
        var weak = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel, "--format", "json");
        Assert.Equal(ExitCodes.GateFailed, weak.ExitCode);
        var result = ResultJson.Read(File.ReadAllBytes(Path.Combine(sample.Root, "artifacts", "qualitygate", "qualitygate-result.json")), "result");
        var broken = result.Suite!.Broken;
        Assert.Equal(57, broken.Count);

        var header = File.ReadLines(Path.Combine(sample.Root, "data", "heldout.csv")).First().Split(',');
        var typical = TypicalNegativeValues(Path.Combine(sample.Root, "data", "heldout.csv"), header.Length);
        var suite = File.ReadLines(sample.SuitePath).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[header.Length], f => f[..header.Length]);
        using var model = new WeakModel(sample.WeakModel);
        foreach (var item in broken.Take(10))
        {
            Assert.InRange(item.Features.Count, 1, 5);
            var changes = item.Features.Select(f => f.ScoreChange!.Value).ToList();
            Assert.All(changes, c => Assert.NotEqual(0, c));
            Assert.Equal(changes.OrderByDescending(Math.Abs), changes);

            // The change is the model's: the item's score minus its score with that one value typical.
            var fields = suite[item.Id];
            var score = model.Score(fields);
            Assert.Equal(item.Score!.Value, score, 5);
            foreach (var feature in item.Features)
            {
                var column = Array.IndexOf(header, feature.Name);
                Assert.Equal(fields[column], feature.Value);
                var atTypical = (string[])fields.Clone();
                atTypical[column] = typical[column];
                Assert.Equal(score - model.Score(atTypical), feature.ScoreChange!.Value, 5);
            }
        }

        // The largest raw numbers (capital letter counts in the hundreds) are not what is shown
        // unless they move the score: the first broken item's largest value is not among its features.
        var first = suite[broken[0].Id];
        var largest = header.Select((name, i) => (name, i)).Skip(1).MaxBy(c => double.Parse(first[c.i], CultureInfo.InvariantCulture)).name;
        Assert.DoesNotContain(broken[0].Features, f => f.Name == largest);
    }

    /// <summary>The median of each column over the file's first 256 negatives (label 0), the lower one for an even count.</summary>
    private static string[] TypicalNegativeValues(string heldout, int columns)
    {
        var negatives = File.ReadLines(heldout).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "0").Take(256).ToList();
        return [.. Enumerable.Range(0, columns).Select(c =>
        {
            var sorted = negatives.Select(f => double.Parse(f[c], CultureInfo.InvariantCulture)).Order().ToList();
            return sorted[(sorted.Count - 1) / 2].ToString("R", CultureInfo.InvariantCulture);
        })];
    }

    /// <summary>The sample's weak model, scoring one row of the data's 57 feature columns at a time.</summary>
    private sealed class WeakModel : IDisposable
    {
        private readonly PredictionEngine<Email, Prediction> _engine;

        public WeakModel(string path)
        {
            var context = new MLContext();
            _engine = context.Model.CreatePredictionEngine<Email, Prediction>(context.Model.Load(path, out _));
        }

        public double Score(string[] fields) =>
            _engine.Predict(new Email { Features = [.. fields.Skip(1).Select(v => float.Parse(v, CultureInfo.InvariantCulture))] }).Probability;

        public void Dispose() => _engine.Dispose();

        private sealed class Email
        {
            [VectorType(57)]
            public float[] Features { get; set; } = [];
        }

        private sealed class Prediction
        {
            public float Probability { get; set; }
        }
    }
}
