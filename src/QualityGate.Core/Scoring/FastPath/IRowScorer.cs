namespace QualityGate.Scoring.FastPath;

/// <summary>Scores one row's model input vector. One instance per worker thread unless it says it is shared.</summary>
internal interface IRowScorer
{
    float Score(ReadOnlySpan<float> features);
}
