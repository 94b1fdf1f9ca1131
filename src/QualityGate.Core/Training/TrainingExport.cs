using System.Globalization;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Storage;
using QualityGate.Suite;

namespace QualityGate.Training;

/// <summary>What <c>qgate export-training</c> wrote.</summary>
/// <param name="LeftOut">Active items mined from the held-out set and left out, since training on them would make held-out metrics optimistic.</param>
public sealed record ExportOutcome(int TrainingRows, int SuiteItems, int LeftOut, int InTraining);

/// <summary>
/// The way back into training: the training data as it is, followed by the suite's active items,
/// in the training file's own header order, optionally with a weight column that gives suite
/// items more weight. Written atomically, in the format the output's name says
/// (<see cref="ExportFormat"/>): CSV with the training file's separator, gzip-compressed CSV, or
/// Parquet with the training file's own column types.
/// </summary>
public static class TrainingExport
{
    /// <param name="weightColumn">A column to append: 1 for training rows, <paramref name="hardWeight"/> for suite items; null for none.</param>
    /// <param name="force">Replace an existing output file; an input of the config is never replaced.</param>
    public static ExportOutcome Export(GateConfig config, string outputPath, string? weightColumn, double hardWeight, bool includeHeldoutMined, bool force = false)
    {
        var training = config.Data.Training ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey,
            "'data.training' is required for export-training: the training data that the suite's items are added to.",
            new SourceLocation(config.Display(config.ConfigPath), 0, 0));
        var suitePath = config.Data.Suite ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey,
            "'data.suite' is required for export-training: there are no items to add without a suite.", new SourceLocation(config.Display(config.ConfigPath), 0, 0));
        var trainingFile = DataFile.Open(training.Path, config.Display(training.Path), config.Data.Separator, training.Location);
        var heldout = DataFile.Open(config.Data.Heldout, config.Display(config.Data.Heldout), config.Data.Separator, config.Data.HeldoutLocation);
        var format = ExportFormat.Of(outputPath, trainingFile);
        ConfigInputs.RequireNewOutput(config, outputPath, force, "the export");

        if (weightColumn is not null && trainingFile.IndexOf(weightColumn) >= 0)
        {
            throw new DataException(ErrorCodes.DataUnreadable, $"'{trainingFile.DisplayPath}' already has a column '{weightColumn}'.", new SourceLocation(trainingFile.DisplayPath, 1, 0), "Name another weight column with --weight-column.");
        }

        var items = ActiveItems(config, suitePath, heldout);
        var fromHeldout = items.Where(i => MinedFromHeldout(i, heldout)).ToList();
        var exported = includeHeldoutMined ? items : [.. items.Except(fromHeldout)];
        var place = Placement(trainingFile, heldout);

        var columns = weightColumn is null ? trainingFile.Columns : [.. trainingFile.Columns, weightColumn];
        var weight = hardWeight.ToString("R", CultureInfo.InvariantCulture);
        var rows = 0;

        // Streamed: a training set can be far larger than memory should hold.
        AtomicFile.Write(Path.GetFullPath(outputPath), stream =>
        {
            using var output = format.Open(stream, trainingFile, columns);
            using (var reader = trainingFile.ReadRows())
            {
                while (reader.Read() is { } fields)
                {
                    var row = rows++;
                    output.Add(weightColumn is null ? fields : [.. fields, "1"], () => trainingFile.RowLocation(row));
                }
            }

            foreach (var item in exported)
            {
                var fields = place.Select(index => item.Fields[index]).ToList();
                output.Add(weightColumn is null ? fields : [.. fields, weight], () => new SourceLocation(config.Display(suitePath), 0, 0, $"suite item {item.Id}"));
            }
        });

        var inTraining = includeHeldoutMined && fromHeldout.Count > 0 ? InTrainingList.Add(config, fromHeldout.Select(i => i.Id)) : InTrainingList.Read(config).Count;
        return new ExportOutcome(rows, exported.Count, includeHeldoutMined ? 0 : fromHeldout.Count, inTraining);
    }

    private static List<SuiteItem> ActiveItems(GateConfig config, string suitePath, DataFile heldout)
    {
        var display = config.Display(suitePath);
        if (!File.Exists(suitePath))
        {
            throw new DataException(ErrorCodes.DataFileMissing, $"The suite '{display}' does not exist yet; 'qgate mine' writes it.", config.Data.SuiteLocation);
        }

        var document = SuiteFile.Read(suitePath, display, heldout.Separator, config.Label.Column, new LabelMatcher(config.Label));
        return [.. document.Items.Where(i => i.Status == SuiteStatus.Active)];
    }

    /// <summary>An item's source is the held-out file, or one of its parts (<c>heldout/part-0.csv</c>).</summary>
    private static bool MinedFromHeldout(SuiteItem item, DataFile heldout) =>
        item.Source == heldout.DisplayPath || item.Source.StartsWith(heldout.DisplayPath + "/", StringComparison.Ordinal);

    /// <summary>For each training column, where the suite (in the held-out header's order) keeps it.</summary>
    private static List<int> Placement(DataFile training, DataFile heldout)
    {
        var missing = training.Columns.Where(c => heldout.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new DataException(ErrorCodes.DataMissingColumn,
                $"The training data has the column '{missing[0]}', which the held-out set, and so the suite, lacks.",
                new SourceLocation(training.DisplayPath, 1, 0),
                "The suite's items carry the held-out header's columns; training and held-out data need the same columns.");
        }

        return [.. training.Columns.Select(heldout.IndexOf)];
    }
}
