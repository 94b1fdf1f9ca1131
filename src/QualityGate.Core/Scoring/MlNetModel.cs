using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// An ML.NET model zip. A model saved with its data loader reads data with that exact loader;
/// a model saved with only an input schema gets a TextLoader built from the file's header and
/// that schema (vector inputs from the ranges in <c>model.inputs</c>).
/// </summary>
public sealed class MlNetModel : IModelScorer
{
    private readonly MLContext _context;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly IDataLoader<IMultiStreamSource>? _loader;
    private readonly GateConfig _config;
    private readonly ModelInputs _inputs;
    private FastPath.RowModel? _rowModel;
    private bool _rowModelTried;

    private MlNetModel(MLContext context, ITransformer transformer, DataViewSchema inputSchema, IDataLoader<IMultiStreamSource>? loader, GateConfig config, string scoreColumn, bool probabilities)
    {
        _context = context;
        _transformer = transformer;
        _inputSchema = inputSchema;
        _loader = loader;
        _config = config;
        _inputs = new ModelInputs(config, inputSchema);
        ScoreColumnName = scoreColumn;
        ScoresAreProbabilities = probabilities;
    }

    public string Description => _loader is null ? "ML.NET model saved with an input schema" : "ML.NET model saved with its data loader";

    public string ScoreColumnName { get; }

    public bool ScoresAreProbabilities { get; }

    public bool HasEmbeddedLoader => _loader is not null;

    public DataViewSchema InputSchema => _inputSchema;

    public DataViewSchema? DeclaredInputs => _loader is null ? _inputSchema : null;

    public static MlNetModel Load(GateConfig config)
    {
        var settings = config.Model;
        var path = settings.Path!;
        var display = config.Display(path);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new DataException(ErrorCodes.ModelMissing, $"The model '{display}' does not exist.", settings.Location, "Train and save the model first, or fix 'model.path'.");
        }

        Storage.InputFile.RequireRegular(path, display, "model", settings.Location);

        var context = new MLContext(seed: 0);
        CustomComponents.Register(context, config);
        var (transformer, inputSchema, loader) = Read(context, path, display, settings.Location);
        var outputSchema = transformer.GetOutputSchema(inputSchema);
        var scoreColumn = settings.ScoreColumn
            ?? (outputSchema.GetColumnOrNull("Probability") is not null ? "Probability" : outputSchema.GetColumnOrNull("Score") is not null ? "Score" : null)
            ?? throw new DataException(ErrorCodes.ModelSchemaMismatch, $"'{display}' produces neither a 'Probability' nor a 'Score' column; is it a binary classifier?", settings.Location, "Name its score column with 'model.score_column'.");
        var column = outputSchema.GetColumnOrNull(scoreColumn)
            ?? throw new DataException(ErrorCodes.ModelSchemaMismatch, $"'{display}' has no output column '{scoreColumn}'.", settings.Location,
                $"Its outputs are: {string.Join(", ", outputSchema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        // Trainers mark their score column with the kind of task; only a binary classifier's is gated.
        var kind = ScoreColumnKind(outputSchema.GetColumnOrNull("Score"));
        if (kind is not null && kind != "BinaryClassification")
        {
            throw new DataException(ErrorCodes.ModelNotBinary, $"'{display}' is a {kind} model, not a binary classifier.", settings.Location,
                "QualityGate gates binary classifiers: models with a single score and a decision threshold.");
        }

        if (column.Type != NumberDataViewType.Single && column.Type != NumberDataViewType.Double)
        {
            throw new DataException(ErrorCodes.ModelSchemaMismatch, $"The output column '{scoreColumn}' of '{display}' is {column.Type}, not a single score; QualityGate gates binary classifiers.", settings.Location);
        }

        return new MlNetModel(context, transformer, inputSchema, loader, config, scoreColumn, scoreColumn == "Probability");
    }

    /// <summary>
    /// A model saved with Save(model, schema) has a "Schema" entry; one saved with its loader has
    /// none, and LoadWithDataLoader gives that loader back.
    /// </summary>
    private static (ITransformer Transformer, DataViewSchema InputSchema, IDataLoader<IMultiStreamSource>? Loader) Read(MLContext context, string path, string display, SourceLocation location)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (HasSchemaEntry(path))
            {
                return (context.Model.Load(stream, out var inputSchema), inputSchema, null);
            }

            var transformer = context.Model.LoadWithDataLoader(stream, out var embedded);
            return (transformer, embedded.GetOutputSchema(), embedded);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException or NotSupportedException or System.Reflection.TargetInvocationException)
        {
            var cause = CustomComponents.Cause(e);
            if (InTemporaryFolder(cause, path))
            {
                throw new DataException(ErrorCodes.ModelUnreadable, $"'{display}' could not be read: {ModelInputs.FirstLine(cause)}", location,
                    $"ML.NET unpacks the model into the temporary folder '{Path.GetTempPath()}' to read it: make that a folder this user can write, or point TMPDIR (TEMP on Windows) at one.", e);
            }

            throw new DataException(ErrorCodes.ModelUnreadable, $"'{display}' is not a readable ML.NET model: {ModelInputs.FirstLine(cause)}", location, MissingComponentHint(cause), e);
        }
    }

    public ScoredColumns Score(DataFile file, IReadOnlyCollection<string> notFeatures) =>
        _loader is null ? ScoreWithBuiltLoader(file, notFeatures) : ScoreWithEmbeddedLoader(file);

    private ScoredColumns ScoreWithEmbeddedLoader(DataFile file)
    {
        var data = _loader!.Load(FileContent.Source(file.Parts));
        var schema = data.Schema;
        var label = schema.GetColumnOrNull(_config.Label.Column)?.Name
            ?? throw new DataException(ErrorCodes.DataMissingColumn, $"The model's own data loader has no label column '{_config.Label.Column}'.", _config.Model.Location,
                $"Its columns are: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        var id = _config.IdColumn is { } idName
            ? schema.GetColumnOrNull(idName)?.Name ?? throw new DataException(ErrorCodes.DataMissingColumn, $"The model's own data loader has no id column '{idName}'.", _config.Model.Location)
            : null;
        var identity = schema.Where(c => !c.IsHidden && c.Name != label && c.Name != id).Select(c => c.Name).ToList();
        var numeric = schema.Where(c => !c.IsHidden && c.Name != label && c.Name != id && IsNumeric(c.Type)).Select(c => new NumericInput(c.Name, [])).ToList();
        return new ScoredColumns(Transform(data, file), ScoreColumnName, label, id, identity, null, numeric);
    }

    private ScoredColumns ScoreWithBuiltLoader(DataFile file, IReadOnlyCollection<string> notFeatures) =>
        _inputs.Score(_context, file, notFeatures, "model", Apply, ScoreColumnName, scoreSlot: null, fast: RowModelFor);

    /// <summary>The model as a row scorer of its one vector input, built once: compiled trees, or prediction engines.</summary>
    private FastPath.RowModel? RowModelFor(FastPath.RowPlan plan)
    {
        if (!_rowModelTried)
        {
            _rowModel = FastPath.RowModel.For(_context, _transformer, plan.Input!, plan.FeatureIndexes.Length, ScoreColumnName);
            _rowModelTried = true;
        }

        return _rowModel;
    }

    private IDataView Transform(IDataView data, DataFile file) => _inputs.Transform(data, file, "model", Apply);

    /// <summary>The model over data read as its inputs; its output schema first, so a schema mismatch is reported before any row is read.</summary>
    private IDataView Apply(IDataView input)
    {
        _ = _transformer.GetOutputSchema(input.Schema);
        return _transformer.Transform(input);
    }

    private static string? ScoreColumnKind(DataViewSchema.Column? score)
    {
        if (score is not { } column || column.Annotations.Schema.GetColumnOrNull("ScoreColumnKind") is not { } annotation)
        {
            return null;
        }

        ReadOnlyMemory<char> value = default;
        column.Annotations.GetValue(annotation.Name, ref value);
        return value.ToString();
    }

    private static bool IsNumeric(DataViewType type) =>
        (type is VectorDataViewType v ? v.ItemType : type) is var item && (item == NumberDataViewType.Single || item == NumberDataViewType.Double);

    /// <summary>When ML.NET cannot find a component the model names, where it comes from and how to give it to qgate.</summary>
    private static string? MissingComponentHint(Exception cause) => cause switch
    {
        FileNotFoundException { FileName: { } assembly } => $"The model uses a component from the assembly '{new System.Reflection.AssemblyName(assembly).Name}': list its .dll under 'model.assemblies'.",
        _ when cause.Message.Contains("Unable to locate an extensible component", StringComparison.Ordinal) => "The model uses a custom component from your own code: list the assembly that defines it under 'model.assemblies'.",
        _ => null,
    };

    /// <summary>
    /// Not the model, and not an assembly: ML.NET unpacks a model's parts into the temporary folder
    /// to read them, and when it cannot write there says only that a file there is missing.
    /// </summary>
    private static bool InTemporaryFolder(Exception cause, string model) =>
        cause is IOException
        && cause.Message.Contains(Path.GetTempPath(), StringComparison.Ordinal)
        && !cause.Message.Contains(Path.GetFullPath(model), StringComparison.Ordinal);

    private static bool HasSchemaEntry(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Any(e => e.FullName.StartsWith("Schema", StringComparison.Ordinal));
    }
}
