using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>Something that scores a data file: an ML.NET model, or a file's own score column.</summary>
public interface IModelScorer
{
    /// <summary>What the JSON result says about the model: kind, how data is loaded, score column.</summary>
    string Description { get; }

    /// <summary>The score column's name, as users see it.</summary>
    string ScoreColumnName { get; }

    /// <summary>True when the scores are probabilities in [0, 1], so log loss and a [0, 1] threshold make sense.</summary>
    bool ScoresAreProbabilities { get; }

    /// <summary>The inputs the model declares (read from data by name or from <c>model.inputs</c>); null when it brings its own loader or there is no model.</summary>
    Microsoft.ML.DataViewSchema? DeclaredInputs { get; }

    /// <summary>False for precomputed scores: there is no model whose inputs explain could permute.</summary>
    bool HasModel => true;

    /// <param name="notFeatures">Columns of the file that are no part of an example (the suite's metadata), left out of its identity.</param>
    ScoredColumns Score(DataFile file, IReadOnlyCollection<string> notFeatures);
}
