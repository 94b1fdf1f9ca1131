using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Training;

/// <summary><c>qgate export-training</c> through the real program: the way from the suite back into training.</summary>
public sealed class ExportTrainingTests
{
    [Fact]
    public void The_training_data_is_followed_by_the_active_suite_items_not_mined_from_the_heldout_set()
    {
        using var sample = new SampleCopy();
        var run = QgateProcess.Run(sample.Root, "export-training", "-o", "out/train-plus.csv", "--weight-column", "Weight", "--hard-weight", "3");

        Assert.Equal(0, run.ExitCode);
        var training = File.ReadAllLines(Path.Combine(sample.Root, "data", "train.csv"));
        var exported = File.ReadAllLines(Path.Combine(sample.Root, "out", "train-plus.csv"));
        var suite = SuiteRows(sample);
        var expected = suite.Where(r => r.Status is "active" or "pinned" && r.Source != "data/heldout.csv").ToList();
        var fromHeldout = suite.Count(r => r.Status is "active" or "pinned" && r.Source == "data/heldout.csv");
        Assert.True(expected.Count > 0 && fromHeldout > 0);

        // The training file as it was, each row weighted 1, then the suite's items, weighted 3.
        Assert.Equal(training[0] + ",Weight", exported[0]);
        Assert.Equal(training[1..].Select(l => l + ",1"), exported[1..training.Length]);
        Assert.Equal(expected.Select(r => r.DataFields + ",3").Order(StringComparer.Ordinal), exported[training.Length..].Order(StringComparer.Ordinal));
        Assert.Contains($"Left out {fromHeldout} items mined from the held-out set", run.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sample.Root, "quality", "hard-negatives.in-training.txt")));
    }

    [Fact]
    public void Heldout_items_exported_on_request_leave_the_heldout_metrics_with_a_warning()
    {
        using var sample = new SampleCopy();
        var before = Heldout(QgateProcess.Run(sample.Root, "check", "--report-dir", "before"), sample, "before");

        var run = QgateProcess.Run(sample.Root, "export-training", "-o", "out/train-plus.csv", "--include-heldout-mined");
        Assert.Equal(0, run.ExitCode);
        var fromHeldout = SuiteRows(sample).Where(r => r.Status is "active" or "pinned" && r.Source == "data/heldout.csv").Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fromHeldout, File.ReadAllLines(Path.Combine(sample.Root, "quality", "hard-negatives.in-training.txt")));
        Assert.Contains("warning", run.StandardOutput, StringComparison.Ordinal);

        var check = QgateProcess.Run(sample.Root, "check", "--report-dir", "after");
        var after = Heldout(check, sample, "after");
        Assert.Equal(before.Total - fromHeldout.Count, after.Total);
        Assert.Contains($"{fromHeldout.Count} held-out examples are in the training data", check.StandardOutput + check.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_retrained_on_the_export_scores_the_suite_items_lower()
    {
        using var sample = new SampleCopy();
        Assert.Equal(0, QgateProcess.Run(sample.Root, "export-training", "-o", "train-plus.csv", "--weight-column", "Weight").ExitCode);

        var context = new MLContext(seed: 1);
        var columns = new[] { new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, 57), new TextLoader.Column("Weight", DataKind.Single, 58) };
        var options = new FastTreeBinaryTrainer.Options { NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1, Seed = 1 };
        ITransformer Train(string file, string? weight)
        {
            options.ExampleWeightColumnName = weight;
            return context.BinaryClassification.Trainers.FastTree(options).Fit(context.Data.CreateTextLoader(columns, ',', hasHeader: true).Load(Path.Combine(sample.Root, file)));
        }

        var withoutSuite = Train("data/train.csv", null);
        var withSuite = Train("train-plus.csv", "Weight");

        // Score the exported suite items (the rows after the training data) with both models.
        var trainingRows = File.ReadAllLines(Path.Combine(sample.Root, "data", "train.csv")).Length - 1;
        var items = context.Data.SkipRows(context.Data.CreateTextLoader(columns, ',', hasHeader: true).Load(Path.Combine(sample.Root, "train-plus.csv")), trainingRows);
        double Mean(ITransformer model) => model.Transform(items).GetColumn<float>("Probability").Average();
        Assert.True(Mean(withSuite) < Mean(withoutSuite) - 0.05, $"{Mean(withSuite)} with the suite, {Mean(withoutSuite)} without");
    }

    [Fact]
    public void Without_training_data_in_the_config_the_export_says_what_to_add_and_writes_nothing()
    {
        using var sample = new SampleCopy();
        sample.EditConfig(yaml => yaml.Replace("  training: data/train.csv\n", string.Empty, StringComparison.Ordinal));
        var run = QgateProcess.Run(sample.Root, "export-training", "-o", "out.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'data.training' is required", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sample.Root, "out.csv")));
    }

    [Fact]
    public void Training_data_with_a_column_the_suite_lacks_is_refused_at_its_header()
    {
        using var sample = new SampleCopy();
        var train = Path.Combine(sample.Root, "data", "train.csv");
        File.WriteAllLines(train, File.ReadAllLines(train).Select((l, i) => l + (i == 0 ? ",received" : ",2024")));
        var run = QgateProcess.Run(sample.Root, "export-training", "-o", "out.csv");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("data/train.csv(1)", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("'received'", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sample.Root, "out.csv")));
    }

    private static readonly string[] ConfusionCells = ["truePositives", "falsePositives", "trueNegatives", "falseNegatives"];

    private sealed record SuiteRow(string Id, string Status, string Source, string DataFields);

    private static List<SuiteRow> SuiteRows(SampleCopy sample)
    {
        var lines = File.ReadAllLines(sample.SuitePath);
        var header = lines[0].Split(',');
        var idIndex = Array.IndexOf(header, "qg_id");
        return [.. lines[1..].Select(l => l.Split(',')).Select(f => new SuiteRow(f[idIndex], f[idIndex + 1], f[idIndex + 5], string.Join(',', f[..idIndex])))];
    }

    private static (int Total, int Positives) Heldout(QgateProcess.Result run, SampleCopy sample, string directory)
    {
        Assert.True(run.ExitCode is 0 or 1, run.All);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Root, directory, "qualitygate-result.json")));
        var confusion = json.RootElement.GetProperty("dataSets")[0].GetProperty("confusion");
        var total = ConfusionCells.Sum(n => confusion.GetProperty(n).GetInt32());
        return (total, confusion.GetProperty("truePositives").GetInt32() + confusion.GetProperty("falseNegatives").GetInt32());
    }

    [Fact]
    public void A_parquet_output_from_csv_training_data_is_refused_and_nothing_is_written()
    {
        using var sample = new SampleCopy();
        var run = QgateProcess.Run(sample.Root, "export-training", "-o", "out/train-plus.parquet");
        Assert.Equal(QualityGate.Errors.ExitCodes.UsageOrConfiguration, run.ExitCode);
        Assert.Contains("'data/train.csv' is CSV, which has none", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Name the output 'train-plus.csv'", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sample.Root, "out", "train-plus.parquet")));
    }

    [Fact]
    public void An_output_named_gz_is_the_same_csv_compressed()
    {
        using var sample = new SampleCopy();
        Assert.Equal(0, QgateProcess.Run(sample.Root, "export-training", "-o", "plain.csv", "--weight-column", "Weight").ExitCode);
        Assert.Equal(0, QgateProcess.Run(sample.Root, "export-training", "-o", "packed.csv.gz", "--weight-column", "Weight").ExitCode);

        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(sample.Root, "packed.csv.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        gzip.CopyTo(unpacked);
        Assert.Equal(File.ReadAllBytes(Path.Combine(sample.Root, "plain.csv")), unpacked.ToArray());
    }

    [Fact]
    public void Parquet_training_data_is_exported_as_parquet_with_its_own_column_types()
    {
        using var sample = new SampleCopy();
        // Typed as a Spark job would write it: the label an integer, the features doubles.
        DuckDb.Execute(sample.Root, "COPY (SELECT * FROM read_csv('~/data/train.csv')) TO '~/data/train.parquet' (FORMAT PARQUET)");
        sample.EditConfig(yaml => yaml.Replace("training: data/train.csv", "training: data/train.parquet", StringComparison.Ordinal));

        var csv = QgateProcess.Run(sample.Root, "export-training", "-o", "plus.csv", "--weight-column", "Weight");
        var parquet = QgateProcess.Run(sample.Root, "export-training", "-o", "plus.parquet", "--weight-column", "Weight");
        Assert.True(parquet.ExitCode == 0, parquet.All);
        Assert.Equal(csv.StandardOutput.Replace("plus.csv", "plus.parquet", StringComparison.Ordinal), parquet.StandardOutput);

        // Read back by DuckDB: the training file's types, a double weight, and the rows of the CSV export.
        var types = DuckDb.Rows(sample.Root, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM '~/plus.parquet')");
        var trainingTypes = DuckDb.Rows(sample.Root, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM '~/data/train.parquet')");
        Assert.Equal([.. trainingTypes, "Weight DOUBLE"], types);
        Assert.Equal(
            DuckDb.Rows(sample.Root, "SELECT * EXCLUDE (Weight), Weight FROM read_csv('~/plus.csv', types = {'Weight': 'DOUBLE'})"),
            DuckDb.Rows(sample.Root, "SELECT * FROM '~/plus.parquet'"));
    }
}
