using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// <c>kind: scores</c>: no model; each data file carries the candidate's score column, so models
/// trained anywhere (Python, Spark) can be gated.
/// </summary>
public sealed class PrecomputedScores(GateConfig config) : IModelScorer
{
    private readonly MLContext _context = new(seed: 0);
    private string? _scoreColumn;

    /// <summary>No model: explain compares features but has nothing to shuffle them for.</summary>
    public bool HasModel => false;

    public string Description => "precomputed scores";

    public string ScoreColumnName => _scoreColumn ?? config.Model.ScoreColumn ?? "Probability";

    // Scores from elsewhere are taken as probabilities when the column says so; others may be margins.
    public bool ScoresAreProbabilities => ScoreColumnName.Contains("prob", StringComparison.OrdinalIgnoreCase);

    public Microsoft.ML.DataViewSchema? DeclaredInputs => null;

    public ScoredColumns Score(DataFile file, IReadOnlyCollection<string> notFeatures)
    {
        var scoreName = config.Model.ScoreColumn
            ?? (file.IndexOf("Probability") >= 0 ? "Probability" : file.IndexOf("Score") >= 0 ? "Score" : null)
            ?? throw new DataException(ErrorCodes.DataMissingColumn, $"'{file.DisplayPath}' has no 'Probability' or 'Score' column.", new SourceLocation(file.DisplayPath, 1, 0), "Name the score column with 'model.score_column'.");
        _scoreColumn = scoreName;
        var scoreIndex = file.Require(scoreName, "score", config.Model.Location);
        var labelIndex = file.Require(config.Label.Column, "label");
        int? idIndex = config.IdColumn is { } id ? file.Require(id, "id") : null;
        var excluded = notFeatures.Select(file.IndexOf).Where(i => i >= 0).Append(scoreIndex).Append(labelIndex).ToList();
        if (idIndex is { } i)
        {
            excluded.Add(i);
        }

        var columns = TextLoaderColumns.Common(file, labelIndex, idIndex);
        columns.Add(new TextLoader.Column(HiddenColumns.Score, DataKind.Double, scoreIndex));
        List<IdentitySource>? identity = null;
        if (idIndex is null)
        {
            (identity, var otherText) = TextLoaderColumns.Identity(file, excluded.ToHashSet(), []);
            if (otherText is not null)
            {
                columns.Add(otherText);
            }
        }

        var view = TextLoaderColumns.Load(_context, file, columns);
        return new ScoredColumns(view, HiddenColumns.Score, HiddenColumns.Label, idIndex is null ? null : HiddenColumns.Id, [], identity, null, HiddenColumns.Extra)
        {
            ScoreDisplayName = scoreName,
            Fast = new FastPath.FastRows(FastPath.RowPlan.ForScores(file, labelIndex, idIndex, scoreIndex, identity), null),
        };
    }
}
