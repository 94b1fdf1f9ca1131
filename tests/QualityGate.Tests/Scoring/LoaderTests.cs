using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Verbs;
using QualityGate.Metrics;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>The shapes of model and data the gate reads: both kinds of saved ML.NET model, vector inputs, TSV and precomputed scores.</summary>
[Collection(SpamModelsGroup.Name)]
public sealed class LoaderTests(SpamModels models) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private GateResult Run(string yaml, string name = "qualitygate.yml") =>
        Check.Run(ConfigLoader.Parse(yaml, _directory.Write(name, yaml)));

    private static SetEvaluation Heldout(GateResult result) => result.Sets.Single(s => s.Name == "heldout");

    [Fact]
    public void A_model_saved_with_its_input_schema_reads_scalar_columns_by_header_name()
    {
        var result = Run(SampleConfigs.ForModel(models.ScalarInputsModel, inputs: null));
        var heldout = Heldout(result);
        Assert.Equal(1150, heldout.Confusion.Total);
        Assert.Equal(440, heldout.Confusion.Positives);
        Assert.InRange(heldout.Find(new MetricName("auc"))!.Value, 0.9, 1.0);
        Assert.Equal("ML.NET model saved with an input schema", result.Model.Loading);
        Assert.Equal("Probability", result.Model.ScoreColumn);
    }

    [Fact]
    public void A_model_saved_with_its_loader_reads_data_with_that_loader_and_agrees_with_the_schema_path()
    {
        var viaLoader = Heldout(Run(SampleConfigs.ForModel(models.EmbeddedLoaderModel, inputs: null)));
        var viaSchema = Heldout(Run(SampleConfigs.ForModel(models.ScalarInputsModel, inputs: null), "other.yml"));
        Assert.Equal(viaSchema.Confusion, viaLoader.Confusion);
        Assert.Equal(viaSchema.Find(new MetricName("auc"))!.Value, viaLoader.Find(new MetricName("auc"))!.Value);

        // Identity hashes typed loader values and raw text alike, so the same examples get the same ids.
        Assert.Equal(viaSchema.WrongIds, viaLoader.WrongIds);
        Assert.NotEmpty(viaLoader.WrongIds);
    }

    [Fact]
    public void A_vector_input_is_filled_from_a_range_of_columns()
    {
        var heldout = Heldout(Run(SampleConfigs.ForModel(SampleConfigs.SampleModel)));
        Assert.Equal(1150, heldout.Confusion.Total);
        Assert.InRange(heldout.Find(new MetricName("auc"))!.Value, 0.98, 1.0);
    }

    [Fact]
    public void A_vector_input_without_a_mapping_is_an_error_that_says_how_to_map_it()
    {
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(SampleConfigs.SampleModel, inputs: null)));
        Assert.Equal(ErrorCodes.ModelSchemaMismatch, error.Code);
        Assert.Contains("Features (a vector of 57 Single)", error.Hint, StringComparison.Ordinal);
        Assert.Contains("model.inputs", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_of_the_wrong_size_is_an_error_at_its_yaml_line()
    {
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(SampleConfigs.SampleModel, inputs: "make..edu")));
        Assert.Equal(ErrorCodes.ModelSchemaMismatch, error.Code);
        Assert.Contains("vector of 57 values", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Location!.Line);
    }

    [Fact]
    public void Tab_separated_data_gives_the_same_result_as_csv()
    {
        var tsv = _directory.File("heldout.tsv");
        File.WriteAllLines(tsv, File.ReadLines(RepositoryPaths.SpambaseHeldout).Select(line => line.Replace(',', '\t')));
        var fromTsv = Heldout(Run(SampleConfigs.ForModel(SampleConfigs.SampleModel, heldout: tsv)));
        var fromCsv = Heldout(Run(SampleConfigs.ForModel(SampleConfigs.SampleModel), "csv.yml"));
        Assert.Equal(fromCsv.Confusion, fromTsv.Confusion);
        Assert.Equal(fromCsv.WrongIds, fromTsv.WrongIds);
    }

    [Fact]
    public void Precomputed_scores_are_gated_like_the_model_that_produced_them()
    {
        var scored = WriteScoredCopy(models.ScalarInputsModel);
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores, score_column: Probability {"}"}
            label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            data: {"{"} heldout: {scored} {"}"}
            threshold: 0.5
            region: {"{"} quantile: 0.05 {"}"}
            """;
        var fromScores = Run(yaml);
        var fromModel = Heldout(Run(SampleConfigs.ForModel(models.ScalarInputsModel, inputs: null), "model.yml"));
        Assert.Equal("scores", fromScores.Model.Kind);
        Assert.Equal(fromModel.Confusion, Heldout(fromScores).Confusion);
        Assert.Equal(fromModel.Find(new MetricName("auc"))!.Value, Heldout(fromScores).Find(new MetricName("auc"))!.Value, 1e-9);

        // The score column is not a feature: ids match the model run's.
        Assert.Equal(fromModel.WrongIds, Heldout(fromScores).WrongIds);
    }

    [Fact]
    public void An_unknown_label_value_names_file_and_line()
    {
        var lines = File.ReadAllLines(RepositoryPaths.SpambaseHeldout);
        lines[7] = "spam" + lines[7][1..];
        var data = _directory.File("bad-label.csv");
        File.WriteAllLines(data, lines);
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(SampleConfigs.SampleModel, heldout: data)));
        Assert.Equal(ErrorCodes.DataBadLabel, error.Code);
        Assert.Equal(new SourceLocation("bad-label.csv", 8, 0), error.Location);
        Assert.Contains("'spam'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_score_names_file_and_line()
    {
        var scored = WriteScoredCopy(models.ScalarInputsModel);
        var lines = File.ReadAllLines(scored);
        lines[4] = lines[4][..lines[4].LastIndexOf(',')] + ",NaN";
        File.WriteAllLines(scored, lines);
        var yaml = $"version: 1\nmodel: {{ kind: scores }}\nlabel: Label\ndata: {{ heldout: {scored} }}\nthreshold: 0.5\nregion: {{ width: 0.1 }}\n";
        var error = Assert.Throws<DataException>(() => Run(yaml));
        Assert.Equal(ErrorCodes.DataBadScore, error.Code);
        Assert.Equal(5, error.Location!.Line);
    }

    [Fact]
    public void A_missing_label_column_suggests_the_closest_header_name()
    {
        var yaml = SampleConfigs.ForModel(SampleConfigs.SampleModel).Replace("column: Label", "column: Labels", StringComparison.Ordinal);
        var error = Assert.Throws<DataException>(() => Run(yaml));
        Assert.Equal(ErrorCodes.DataMissingColumn, error.Code);
        Assert.Equal("Did you mean 'Label'?", error.Hint);
    }

    [Fact]
    public void A_held_out_set_with_one_class_is_an_error_not_a_pass()
    {
        var data = _directory.File("negatives.csv");
        File.WriteAllLines(data, File.ReadLines(RepositoryPaths.SpambaseHeldout).Where((line, i) => i == 0 || line.StartsWith('0')));
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(SampleConfigs.SampleModel, heldout: data)));
        Assert.Equal(ErrorCodes.DataOneClass, error.Code);
    }

    [Fact]
    public void An_empty_held_out_set_is_an_error_not_a_pass()
    {
        var data = _directory.Write("empty.csv", File.ReadLines(RepositoryPaths.SpambaseHeldout).First() + "\n");
        var error = Assert.Throws<DataException>(() => Run(SampleConfigs.ForModel(SampleConfigs.SampleModel, heldout: data)));
        Assert.Equal(ErrorCodes.DataEmpty, error.Code);
    }

    /// <summary>The held-out file with the model's probability appended, as a Python or Spark job would write it.</summary>
    private string WriteScoredCopy(string modelPath)
    {
        var context = new MLContext(seed: 1);
        var model = context.Model.Load(modelPath, out _);
        var loaderColumns = new List<Microsoft.ML.Data.TextLoader.Column> { new("Label", Microsoft.ML.Data.DataKind.Boolean, 0) };
        loaderColumns.AddRange(models.FeatureNames.Select((name, i) => new Microsoft.ML.Data.TextLoader.Column(name, Microsoft.ML.Data.DataKind.Single, i + 1)));
        var data = context.Data.CreateTextLoader([.. loaderColumns], separatorChar: ',', hasHeader: true).Load(RepositoryPaths.SpambaseHeldout);
        var probabilities = model.Transform(data).GetColumn<float>("Probability").ToArray();
        var lines = File.ReadAllLines(RepositoryPaths.SpambaseHeldout);
        var output = new List<string> { lines[0] + ",Probability" };
        output.AddRange(lines.Skip(1).Select((line, i) => line + "," + probabilities[i].ToString("R", CultureInfo.InvariantCulture)));
        var path = _directory.File("scored.csv");
        File.WriteAllLines(path, output);
        return path;
    }
}
