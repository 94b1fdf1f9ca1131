namespace QualityGate.Scoring.FastPath;

/// <summary>Scores one row's model input vector. One instance per worker thread unless it says it is shared.</summary>
internal interface IRowScorer
{
    float Score(ReadOnlySpan<float> features);

    /// <summary>Whether <see cref="ScoreBatch"/> scores a batch faster than its rows one by one on this machine.</summary>
    bool ScoresBatches => false;

    /// <summary>
    /// Scores <see cref="RowBatch.Rows"/> rows at once, from their inputs by feature: feature f of
    /// row r at f * <see cref="RowBatch.Rows"/> + r. Each score is the bits <see cref="Score"/>
    /// gives for the row.
    /// </summary>
    void ScoreBatch(ReadOnlySpan<float> columns, Span<float> scores) => throw new NotSupportedException("This scorer scores rows one by one.");
}
