using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// Reads a data file for a model that declares its inputs (an ML.NET model saved with its input
/// schema, or an ONNX model's input metadata): a TextLoader with the label, the id or identity
/// fields, and one column per model input, found by name in the header or mapped to a range of
/// columns in <c>model.inputs</c>.
/// </summary>
public sealed class ModelInputs(GateConfig config, DataViewSchema inputSchema)
{
    public DataViewSchema Schema => inputSchema;

    /// <summary>The file as the model's input, and the columns the gate reads besides the score.</summary>
    internal (IDataView Data, string? IdColumn, IReadOnlyList<IdentitySource>? Identity, IReadOnlyList<NumericInput> Numeric, FastPath.RowPlan? Plan) Load(MLContext context, DataFile file, IReadOnlyCollection<string> notFeatures)
    {
        var labelIndex = file.Require(config.Label.Column, "label");
        int? idIndex = config.IdColumn is { } id ? file.Require(id, "id") : null;
        var excluded = notFeatures.Select(file.IndexOf).Where(i => i >= 0).Append(labelIndex).ToList();
        if (idIndex is { } i)
        {
            excluded.Add(i);
        }

        var columns = TextLoaderColumns.Common(file, labelIndex, idIndex);
        var inputs = InputColumns(file).ToList();
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

        var data = TextLoaderColumns.Load(context, file, columns);
        var plan = numeric is [{ Column.DataKind: DataKind.Single } only]
            ? FastPath.RowPlan.ForInput(file, labelIndex, idIndex, only.Column.Name, only.CsvIndexes, identity)
            : null;
        return (data, idIndex is null ? null : HiddenColumns.Id, identity, [.. numeric.Select(input => new NumericInput(input.Column.Name, input.CsvIndexes))], plan);
    }

    /// <summary>Runs the model over the loaded file; a model that cannot read it gets an error naming the inputs the data lacks.</summary>
    /// <param name="model">How the error names the model: "model", "ONNX model".</param>
    public IDataView Transform(IDataView data, DataFile file, string model, Func<IDataView, IDataView> transform)
    {
        try
        {
            return transform(data);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or ArgumentException)
        {
            throw new DataException(ErrorCodes.ModelSchemaMismatch, $"The {model} cannot score '{file.DisplayPath}': {FirstLine(e)}", config.Model.Location, MissingHint(data.Schema), e);
        }
    }

    /// <summary>
    /// A file scored by a model that declares its inputs: read as those inputs, passed through
    /// <paramref name="transform"/> (the model), with the columns the gate reads named.
    /// </summary>
    /// <param name="model">How messages name the model ("model", "ONNX model").</param>
    /// <param name="scoreSlot">When the score column holds one value per class, the positive class's slot.</param>
    public ScoredColumns Score(MLContext context, DataFile file, IReadOnlyCollection<string> notFeatures, string model, Func<IDataView, IDataView> transform, string scoreColumn, int? scoreSlot = null) =>
        Score(context, file, notFeatures, model, transform, scoreColumn, scoreSlot, fast: null);

    /// <param name="fast">The model as a row scorer of the plan's input vector, when it can be one.</param>
    internal ScoredColumns Score(MLContext context, DataFile file, IReadOnlyCollection<string> notFeatures, string model, Func<IDataView, IDataView> transform, string scoreColumn, int? scoreSlot, Func<FastPath.RowPlan, FastPath.RowModel?>? fast)
    {
        var (data, id, identity, numeric, plan) = Load(context, file, notFeatures);
        var rowModel = plan is not null && fast is not null ? fast(plan) : null;
        return new ScoredColumns(Transform(data, file, model, transform), scoreColumn, HiddenColumns.Label, id, [], identity, numeric, HiddenColumns.Extra, scoreSlot)
        {
            Fast = rowModel is null ? null : new FastPath.FastRows(plan!, rowModel),
        };
    }

    /// <summary>An ML.NET or ONNX Runtime message's first line: the rest is their internals.</summary>
    public static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();

    /// <summary>The model inputs the data lacks, as a hint for the error that says the model cannot score it.</summary>
    private string? MissingHint(DataViewSchema data)
    {
        var missing = inputSchema
            .Where(c => !c.IsHidden && data.GetColumnOrNull(c.Name) is null)
            .Select(c => c.Type is VectorDataViewType v ? $"{c.Name} (a vector of {v.Size} {v.ItemType})" : c.Name)
            .ToList();
        return missing.Count == 0
            ? null
            : $"Model inputs not found in the file: {string.Join(", ", missing)}. Map a vector input to a range of columns with 'model.inputs: {{ Name: first..last }}'.";
    }

    /// <summary>One TextLoader column per model input found in the file or mapped in <c>model.inputs</c>.</summary>
    private IEnumerable<(TextLoader.Column Column, List<int> CsvIndexes)> InputColumns(DataFile file)
    {
        foreach (var input in inputSchema.Where(c => !c.IsHidden))
        {
            var kind = DataKindOf(input.Type is VectorDataViewType v ? v.ItemType : input.Type);
            if (kind is null)
            {
                continue;
            }

            if (config.Model.Inputs.TryGetValue(input.Name, out var selection))
            {
                var indexes = Resolve(file, selection);
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

    private static List<int> Resolve(DataFile file, ColumnSelection selection)
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
}
