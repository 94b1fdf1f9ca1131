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

    private MlNetModel(MLContext context, ITransformer transformer, DataViewSchema inputSchema, IDataLoader<IMultiStreamSource>? loader, GateConfig config, string scoreColumn, bool probabilities)
    {
        _context = context;
        _transformer = transformer;
        _inputSchema = inputSchema;
        _loader = loader;
        _config = config;
        ScoreColumnName = scoreColumn;
        ScoresAreProbabilities = probabilities;
    }

    public string Description => _loader is null ? "ML.NET model saved with an input schema" : "ML.NET model saved with its data loader";

    public string ScoreColumnName { get; }

    public bool ScoresAreProbabilities { get; }

    public bool HasEmbeddedLoader => _loader is not null;

    public DataViewSchema InputSchema => _inputSchema;

    public static MlNetModel Load(GateConfig config)
    {
        var settings = config.Model;
        var path = settings.Path!;
        var display = config.Display(path);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new DataException(ErrorCodes.ModelMissing, $"The model '{display}' does not exist.", settings.Location, "Train and save the model first, or fix 'model.path'.");
        }

        var context = new MLContext(seed: 0);
        ITransformer transformer;
        DataViewSchema inputSchema;
        IDataLoader<IMultiStreamSource>? loader = null;
        try
        {
            // A model saved with Save(model, schema) has a "Schema" entry; one saved with its
            // loader has none, and LoadWithDataLoader gives that loader back.
            var savedWithSchema = HasSchemaEntry(path);
            using var stream = File.OpenRead(path);
            if (savedWithSchema)
            {
                transformer = context.Model.Load(stream, out inputSchema);
            }
            else
            {
                transformer = context.Model.LoadWithDataLoader(stream, out var embedded);
                loader = embedded;
                inputSchema = embedded.GetOutputSchema();
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException or NotSupportedException or System.Reflection.TargetInvocationException)
        {
            throw new DataException(ErrorCodes.ModelUnreadable, $"'{display}' is not a readable ML.NET model: {FirstLine(e)}", settings.Location, inner: e);
        }

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

    public ScoredColumns Score(DataFile file, IReadOnlyCollection<string> notFeatures) =>
        _loader is null ? ScoreWithBuiltLoader(file, notFeatures) : ScoreWithEmbeddedLoader(file);

    private ScoredColumns ScoreWithEmbeddedLoader(DataFile file)
    {
        var data = _loader!.Load(new MultiFileSource([.. file.Parts]));
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

    private ScoredColumns ScoreWithBuiltLoader(DataFile file, IReadOnlyCollection<string> notFeatures)
    {
        var labelIndex = file.Require(_config.Label.Column, "label");
        int? idIndex = _config.IdColumn is { } id ? file.Require(id, "id") : null;
        var excluded = notFeatures.Select(file.IndexOf).Where(i => i >= 0).Append(labelIndex).ToList();
        if (idIndex is { } i)
        {
            excluded.Add(i);
        }

        var columns = TextLoaderColumns.Common(file, labelIndex, idIndex);
        var inputs = ModelInputColumns(file).ToList();
        columns.AddRange(inputs.Select(input => input.Column));
        var numeric = inputs.Where(input => input.Column.DataKind is DataKind.Single or DataKind.Double).ToList();
        List<IdentitySource>? identity = null;
        if (idIndex is null)
        {
            (identity, var otherText) = TextLoaderColumns.Identity(file, excluded.ToHashSet(), [.. numeric.Select(n => (n.Column.Name, (IReadOnlyList<int>)n.CsvIndexes))]);
            if (otherText is not null)
            {
                columns.Add(otherText);
            }
        }

        var data = TextLoaderColumns.Load(_context, file, columns);
        return new ScoredColumns(
            Transform(data, file),
            ScoreColumnName,
            HiddenColumns.Label,
            idIndex is null ? null : HiddenColumns.Id,
            [],
            identity,
            [.. numeric.Select(input => new NumericInput(input.Column.Name, input.CsvIndexes))],
            HiddenColumns.Extra);
    }

    /// <summary>One TextLoader column per model input found in the file or mapped in <c>model.inputs</c>.</summary>
    private IEnumerable<(TextLoader.Column Column, List<int> CsvIndexes)> ModelInputColumns(DataFile file)
    {
        foreach (var input in _inputSchema.Where(c => !c.IsHidden))
        {
            var kind = DataKindOf(input.Type is VectorDataViewType v ? v.ItemType : input.Type);
            if (kind is null)
            {
                continue;
            }

            if (_config.Model.Inputs.TryGetValue(input.Name, out var selection))
            {
                var indexes = ResolveSelection(file, selection);
                if (input.Type is VectorDataViewType { Size: > 0 } vector && vector.Size != indexes.Count)
                {
                    throw new DataException(ErrorCodes.ModelSchemaMismatch,
                        $"The model input '{input.Name}' is a vector of {vector.Size} values, but 'model.inputs.{input.Name}' selects {indexes.Count} columns of '{file.DisplayPath}'.",
                        selection.Location);
                }

                yield return (new TextLoader.Column(input.Name, kind.Value, TextLoaderColumns.Ranges(indexes)), indexes);
            }
            else if (file.IndexOf(input.Name) is var index and >= 0 && input.Type is not VectorDataViewType { Size: not 1 })
            {
                yield return (new TextLoader.Column(input.Name, kind.Value, index), [index]);
            }
        }
    }

    private static List<int> ResolveSelection(DataFile file, ColumnSelection selection)
    {
        if (selection.First is { } first)
        {
            var start = file.Require(first, "model input", selection.Location);
            var end = file.Require(selection.Last!, "model input", selection.Location);
            if (end < start)
            {
                throw new DataException(ErrorCodes.ModelSchemaMismatch, $"The range '{first}..{selection.Last}' runs backwards in '{file.DisplayPath}'.", selection.Location);
            }

            return [.. Enumerable.Range(start, end - start + 1)];
        }

        return [.. selection.Names.Select(name => file.Require(name, "model input", selection.Location))];
    }

    private IDataView Transform(IDataView data, DataFile file)
    {
        try
        {
            _ = _transformer.GetOutputSchema(data.Schema);
            return _transformer.Transform(data);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or ArgumentException)
        {
            var missing = _inputSchema
                .Where(c => !c.IsHidden && data.Schema.GetColumnOrNull(c.Name) is null)
                .Select(c => c.Type is VectorDataViewType v ? $"{c.Name} (a vector of {v.Size} {v.ItemType})" : c.Name)
                .ToList();
            throw new DataException(
                ErrorCodes.ModelSchemaMismatch,
                $"The model cannot score '{file.DisplayPath}': {FirstLine(e)}",
                _config.Model.Location,
                missing.Count == 0
                    ? null
                    : $"Model inputs not found in the file: {string.Join(", ", missing)}. Map a vector input to a range of columns with 'model.inputs: {{ Name: first..last }}'.",
                e);
        }
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

    private static DataKind? DataKindOf(DataViewType type) => type.RawType switch
    {
        var t when t == typeof(float) => DataKind.Single,
        var t when t == typeof(double) => DataKind.Double,
        var t when t == typeof(bool) => DataKind.Boolean,
        var t when t == typeof(int) => DataKind.Int32,
        var t when t == typeof(long) => DataKind.Int64,
        var t when t == typeof(ReadOnlyMemory<char>) => DataKind.String,
        _ => null,
    };

    private static bool HasSchemaEntry(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Any(e => e.FullName.StartsWith("Schema", StringComparison.Ordinal));
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();
}
