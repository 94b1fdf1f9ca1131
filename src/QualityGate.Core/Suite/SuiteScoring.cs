using System.Globalization;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Scoring;

namespace QualityGate.Suite;

/// <summary>
/// Scores the suite with the candidate. An ML.NET model reads the suite file itself (its data
/// columns come first, so the model's own loader reads it as it reads the held-out set); with
/// <c>kind: scores</c> the candidate's scores come from <c>data.suite_scores</c>. The score stored
/// when an item was mined is never used as the candidate's score.
/// </summary>
public static class SuiteScoring
{
    public static ScoredSuite? Score(GateConfig config, IModelScorer scorer, LabelMatcher labels, DataFile heldout)
    {
        if (config.Data.Suite is not { } path)
        {
            return null;
        }

        Storage.InputFile.RequireFileOrAbsent(path, config.Display(path), "suite", config.Data.SuiteLocation ?? config.Data.HeldoutLocation);
        if (!File.Exists(path))
        {
            return null;
        }

        // Concurrent miners replace the file at any moment: take one snapshot, and let both this
        // parser and the model's loader read that, so they see the same items.
        var snapshot = Path.Combine(Path.GetTempPath(), $"qgate-suite-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        Storage.InputFile.RequireRegular(path, config.Display(path), "suite", config.Data.SuiteLocation ?? config.Data.HeldoutLocation);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(snapshot, bytes);
        try
        {
            return Score(config, scorer, labels, heldout, snapshot, config.Display(path), SuiteStore.Hash(bytes)!);
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    private static ScoredSuite Score(GateConfig config, IModelScorer scorer, LabelMatcher labels, DataFile heldout, string path, string display, string sha256)
    {
        var separator = heldout.Separator;
        var document = SuiteFile.Read(path, display, separator, config.Label.Column, labels);
        if (!document.DataColumns.SequenceEqual(heldout.Columns))
        {
            throw new DataException(ErrorCodes.SuiteInvalid,
                $"The suite's data columns no longer match the header of '{heldout.DisplayPath}'.",
                new SourceLocation(display, 1, 0),
                $"First difference: {FirstDifference(document.DataColumns, heldout.Columns)}. Re-mine the suite from data with the current columns.");
        }

        var scores = scorer is PrecomputedScores
            ? ReadScoresFile(config, document)
            : ScoreWithModel(scorer, labels, document, path, display, separator);

        var active = document.Items.Where(i => i.Status == SuiteStatus.Active).ToList();
        var file = new DataFile(path, display, separator, [.. document.DataColumns.Concat(SuiteColumns.All)]);
        var set = new ScoredSet(
            DataSetNames.Suite,
            file,
            [.. active.Select(i => scores[i.Id])],
            [.. active.Select(i => i.Positive)],
            active.Select((item, row) => (item, row)).ToDictionary(p => p.row, p => p.item.Id));
        return new ScoredSuite(document, display, scores, set, sha256);
    }

    private static Dictionary<string, double> ScoreWithModel(IModelScorer scorer, LabelMatcher labels, SuiteDocument document, string path, string display, char separator)
    {
        if (document.Items.Count == 0)
        {
            return [];
        }

        var file = DataFile.Open(path, display, separator, new SourceLocation(display, 0, 0));
        var scored = ScoringPass.Read(DataSetNames.Suite, file, scorer.Score(file, SuiteColumns.All), labels, IdSelection.Every);
        if (scored.Count != document.Items.Count)
        {
            throw new DataException(ErrorCodes.SuiteInvalid, $"The model read {scored.Count} rows from '{display}', which has {document.Items.Count} items.", new SourceLocation(display, 0, 0));
        }

        // Items are read in file order; the ids recomputed from their fields must be the ones stored.
        var inFileOrder = document.FileOrder;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var row = 0; row < scored.Count; row++)
        {
            if (scored.Ids[row] != inFileOrder[row].Id)
            {
                throw new DataException(ErrorCodes.SuiteInvalid,
                    $"The fields of suite item {inFileOrder[row].Id} were edited: they no longer give that id.",
                    new SourceLocation(display, inFileOrder[row].Line, 0),
                    "Restore the row, or remove it and mine again.");
            }

            scores[inFileOrder[row].Id] = scored.Scores[row];
        }

        return scores;
    }

    private static Dictionary<string, double> ReadScoresFile(GateConfig config, SuiteDocument document)
    {
        if (document.Items.Count == 0)
        {
            return [];
        }

        var source = config.Data.SuiteScores ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey,
            "With 'kind: scores', the suite needs the candidate's scores: set 'data.suite_scores' to a file with the columns qg_id and the score column.",
            config.Data.SuiteLocation);
        var display = config.Display(source.Path);
        var file = DataFile.Open(source.Path, display, config.Data.Separator, source.Location);
        var idIndex = file.Require(SuiteColumns.Id, "suite id", source.Location);
        var scoreName = config.Model.ScoreColumn ?? (file.IndexOf("Probability") >= 0 ? "Probability" : "Score");
        var scoreIndex = file.Require(scoreName, "score", source.Location);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        using var reader = CsvRecordReader.Open(source.Path, file.Separator);
        _ = reader.Read();
        while (reader.Read() is { } fields)
        {
            if (!double.TryParse(fields.ElementAtOrDefault(scoreIndex), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
            {
                throw new DataException(ErrorCodes.DataBadScore, $"Line {reader.RecordLine} has no finite score in '{scoreName}'.", new SourceLocation(display, reader.RecordLine, 0));
            }

            scores[fields[idIndex]] = score;
        }

        var missing = document.Items.Where(i => !scores.ContainsKey(i.Id)).ToList();
        if (missing.Count > 0)
        {
            throw new DataException(ErrorCodes.DataBadScore, $"'{display}' has no score for {missing.Count} suite items, the first {missing[0].Id}.", source.Location, "Score every row of the suite file with the candidate.");
        }

        return scores;
    }

    private static string FirstDifference(IReadOnlyList<string> suite, IReadOnlyList<string> data)
    {
        for (var i = 0; i < Math.Max(suite.Count, data.Count); i++)
        {
            var a = i < suite.Count ? suite[i] : "(none)";
            var b = i < data.Count ? data[i] : "(none)";
            if (a != b)
            {
                return $"column {i + 1} is '{a}' in the suite and '{b}' in the data";
            }
        }

        return "none";
    }
}
