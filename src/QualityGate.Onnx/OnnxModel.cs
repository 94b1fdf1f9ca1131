using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Scoring;

namespace QualityGate.Onnx;

/// <summary>
/// An ONNX model, scored by ONNX Runtime through ML.NET's ONNX transformer, so that it reads
/// data exactly as an ML.NET model saved with its input schema does: inputs by name, or a vector
/// input from a range of columns in <c>model.inputs</c>. The score is a named output: a
/// probability or raw-score tensor, one value per row or one per class (then
/// <c>model.positive_class</c> picks the slot).
/// </summary>
public sealed class OnnxModel : IModelScorer
{
    /// <summary>Output names that hold probabilities, as ML.NET's converter, scikit-learn's and others name them.</summary>
    private static readonly string[] ProbabilityOutputs = ["Probability", "probability", "probabilities", "output_probability", "probs"];

    private static readonly string[] ScoreOutputs = ["Score", "score", "scores", "logits", "variable"];

    private const string OutputSuffix = ".output";

    private readonly MLContext _context = new(seed: 0);
    private readonly GateConfig _config;
    private readonly ModelInputs _inputs;
    private readonly int? _slot;
    private readonly string _outputTensor;
    private Microsoft.ML.Transforms.Onnx.OnnxTransformer? _transformer;

    private OnnxModel(GateConfig config, DataViewSchema inputSchema, string scoreOutput, int? slot, bool probabilities)
    {
        // The transformer is asked for the tensor by its ONNX name, and names the column without ML.NET's ".output".
        _outputTensor = scoreOutput;
        _config = config;
        _inputs = new ModelInputs(config, inputSchema);
        _slot = slot;
        ScoreColumnName = scoreOutput.EndsWith(OutputSuffix, StringComparison.Ordinal) ? scoreOutput[..^OutputSuffix.Length] : scoreOutput;
        ScoresAreProbabilities = probabilities;
    }

    public string Description => "ONNX model scored with ONNX Runtime";

    public string ScoreColumnName { get; }

    public bool ScoresAreProbabilities { get; }

    public DataViewSchema DeclaredInputs => _inputs.Schema;

    public static OnnxModel Load(GateConfig config)
    {
        var settings = config.Model;
        var path = settings.Path!;
        var display = config.Display(path);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new DataException(ErrorCodes.ModelMissing, $"The model '{display}' does not exist.", settings.Location, "Export the model to ONNX first, or fix 'model.path'.");
        }

        QualityGate.Storage.InputFile.RequireRegular(path, display, "model", settings.Location);

        IReadOnlyDictionary<string, NodeMetadata> inputs, outputs;
        try
        {
            using var session = new InferenceSession(path);
            inputs = session.InputMetadata.ToDictionary();
            outputs = session.OutputMetadata.ToDictionary();
        }
        catch (OnnxRuntimeException e)
        {
            throw new DataException(ErrorCodes.ModelUnreadable, $"'{display}' is not a readable ONNX model: {ModelInputs.FirstLine(e)}", settings.Location, inner: e);
        }

        var schema = InputSchema(inputs, display, settings.Location);
        var (output, slot) = ScoreOutput(outputs, settings, display);
        var probabilities = output.Contains("prob", StringComparison.OrdinalIgnoreCase);
        return new OnnxModel(config, schema, output, slot, probabilities);
    }

    public ScoredColumns Score(DataFile file, IReadOnlyCollection<string> notFeatures) =>
        _inputs.Score(_context, file, notFeatures, "ONNX model", input =>
            (_transformer ??= _context.Transforms.ApplyOnnxModel([_outputTensor], [.. _inputs.Schema.Select(c => c.Name)], _config.Model.Path!).Fit(input)).Transform(input), ScoreColumnName, _slot);

    /// <summary>The model's inputs as ML.NET columns: one value per row for a [batch] or [batch, 1] tensor, a vector for [batch, n].</summary>
    private static DataViewSchema InputSchema(IReadOnlyDictionary<string, NodeMetadata> inputs, string display, SourceLocation location)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var (name, node) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var item = ItemType(node) ?? throw new DataException(ErrorCodes.ModelSchemaMismatch,
                $"The input '{name}' of '{display}' is {Describe(node)}; QualityGate feeds ONNX models tensors of numbers, Booleans or text from CSV columns.", location);
            var size = PerRow(node);
            builder.AddColumn(name, size == 1 ? item : new VectorDataViewType(item, Math.Max(size, 0)));
        }

        return builder.ToSchema();
    }

    private static (string Output, int? Slot) ScoreOutput(IReadOnlyDictionary<string, NodeMetadata> outputs, ModelSettings settings, string display)
    {
        var names = string.Join(", ", outputs.Select(o => $"{o.Key} ({Describe(o.Value)})"));
        string output;
        // ML.NET's converter names the output of column X "X.output"; either name finds it.
        string? Find(string name) => outputs.ContainsKey(name) ? name : outputs.ContainsKey(name + OutputSuffix) ? name + OutputSuffix : null;
        if (settings.ScoreColumn is { } named)
        {
            output = Find(named) ?? throw new DataException(ErrorCodes.ModelSchemaMismatch, $"'{display}' has no output '{named}'.", settings.Location, $"Its outputs are: {names}.");
        }
        else
        {
            output = ProbabilityOutputs.Concat(ScoreOutputs).Select(Find).FirstOrDefault(found => found is not null)
                ?? (outputs.Where(o => o.Value.IsTensor && o.Value.ElementType == typeof(float)).Select(o => o.Key).ToList() is [var only] ? only : null)
                ?? throw new DataException(ErrorCodes.ModelSchemaMismatch, $"Which output of '{display}' is the score?", settings.Location, $"Name it with 'model.score_column'. Its outputs are: {names}.");
        }

        var node = outputs[output];
        if (node.OnnxValueType == OnnxValueType.ONNX_TYPE_SEQUENCE)
        {
            // scikit-learn's ZipMap: a map from class label to probability per row.
            return (output, settings.PositiveClass);
        }

        if (!node.IsTensor)
        {
            throw new DataException(ErrorCodes.ModelSchemaMismatch,
                $"The output '{output}' of '{display}' is {Describe(node)}, not a tensor of scores.", settings.Location,
                "scikit-learn converters emit probabilities as a list of maps (ZipMap) unless told otherwise: convert with options={'zipmap': False} to get a probability tensor, or name another output with 'model.score_column'.");
        }

        if (node.ElementType != typeof(float) && node.ElementType != typeof(double))
        {
            throw new DataException(ErrorCodes.ModelSchemaMismatch, $"The output '{output}' of '{display}' is {Describe(node)}, not a tensor of scores.", settings.Location, $"Name the score output with 'model.score_column'. Its outputs are: {names}.");
        }

        var perRow = PerRow(node);
        if (perRow > 1 && settings.PositiveClass >= perRow)
        {
            throw new DataException(ErrorCodes.ModelSchemaMismatch,
                $"The output '{output}' of '{display}' holds {perRow} values per row, so 'model.positive_class' {settings.PositiveClass} is out of range.", settings.Location);
        }

        return (output, perRow > 1 ? settings.PositiveClass : null);
    }

    /// <summary>Values per row: the product of every dimension after the batch; 0 when one of them is unknown.</summary>
    private static int PerRow(NodeMetadata node)
    {
        var dimensions = node.Dimensions;
        if (dimensions.Length <= 1)
        {
            return 1;
        }

        return dimensions.Skip(1).Any(d => d <= 0) ? 0 : dimensions.Skip(1).Aggregate(1, (a, b) => a * b);
    }

    private static PrimitiveDataViewType? ItemType(NodeMetadata node) => !node.IsTensor ? null : node.ElementType switch
    {
        var t when t == typeof(float) => NumberDataViewType.Single,
        var t when t == typeof(double) => NumberDataViewType.Double,
        var t when t == typeof(long) => NumberDataViewType.Int64,
        var t when t == typeof(int) => NumberDataViewType.Int32,
        var t when t == typeof(bool) => BooleanDataViewType.Instance,
        var t when t == typeof(string) => TextDataViewType.Instance,
        _ => null,
    };

    private static string Describe(NodeMetadata node) => node.IsTensor
        ? $"a {node.ElementType.Name} tensor [{string.Join(", ", node.Dimensions.Select(d => d <= 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"
        : $"a {node.OnnxValueType switch { OnnxValueType.ONNX_TYPE_SEQUENCE => "sequence", OnnxValueType.ONNX_TYPE_MAP => "map", var other => other.ToString() }}";
}
