using QualityGate.Data;
using QualityGate.Identity;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// One row's outcome: its score, label and, when <see cref="Identified"/>, its id (a hash, or an
/// id column's text), and its slice values when the plan reads any; or <see cref="Clean"/> false
/// when the row needs the full reader.
/// </summary>
internal readonly record struct RowResult(bool Clean, double Score, bool Positive, UInt128 Hash, string? Text, bool Identified)
{
    /// <summary>The row's slice fields (<see cref="SliceValues"/>), one per slice column the plan reads; null when it reads none.</summary>
    public string[]? Slices { get; init; }

    public static RowResult Unclean => default;
}

/// <summary>
/// Reads rows on one worker thread: parses the fields the plan names, scores the input vector
/// and hashes the example's identity, with its own buffers. Anything out of the ordinary (a
/// quote, another field count, a blank or unparsable number, an unknown label) makes the row
/// unclean, and the caller hands the whole file to the full reader, whose checks say exactly
/// what is wrong and where, so the fast path never has error messages of its own.
/// </summary>
/// <param name="needsId">Whether a row of this score and label needs its id: the rows nobody asks for are not hashed.</param>
internal sealed class RowWorker(FastRows fast, LabelMatcher labels, Func<double, bool, bool> needsId)
{
    private readonly RowPlan _plan = fast.Plan;
    private readonly IRowScorer? _scorer = fast.Model?.CreateScorer();
    private readonly float[] _features = new float[fast.Plan.FeatureIndexes.Length];
    private readonly ExampleIdentity _identity = new();
    private readonly SliceValues? _slices = fast.Plan.SliceIndexes.Length == 0 ? null : new SliceValues();

    public IRowScorer? Scorer => _scorer;


    public RowResult Read<TRow>(TRow row)
        where TRow : IFieldRow, allows ref struct
    {
        // ML.NET's loader skips lines starting with "//" as comments.
        if (row.Count != _plan.FieldCount || row.IsComment)
        {
            return RowResult.Unclean;
        }

        if (labels.Classify(row.Text(_plan.LabelIndex)) is not { } positive || !TryParseFeatures(row) || !TryScore(row, out var score))
        {
            return RowResult.Unclean;
        }

        var slices = _slices?.Of(row, _plan.SliceIndexes);

        // Quotes are not parsed here: a quoted number or label fails to parse above, a quoted text
        // is left to the full reader, whether or not this row's id is wanted.
        var identify = needsId(score, positive);
        if (_plan.IdIndex is { } id)
        {
            var text = row.Text(id);
            return text.Contains('"') ? RowResult.Unclean : new RowResult(true, score, positive, default, identify ? text.Trim().ToString() : null, identify) { Slices = slices };
        }

        foreach (var field in _plan.Identity)
        {
            if (field.FeatureSlot >= 0)
            {
                if (identify)
                {
                    _identity.AddNumber(_features[field.FeatureSlot]);
                }
            }
            else if (row.Text(field.CsvIndex) is var text && !text.Contains('"'))
            {
                if (identify)
                {
                    _identity.AddText(text);
                }
            }
            else
            {
                return RowResult.Unclean;
            }
        }

        return new RowResult(true, score, positive, identify ? _identity.FinishValue() : default, null, identify) { Slices = slices };
    }

    private bool TryParseFeatures<TRow>(TRow row)
        where TRow : IFieldRow, allows ref struct
    {
        var indexes = _plan.FeatureIndexes;
        for (var slot = 0; slot < indexes.Length; slot++)
        {
            if (!row.TryFloat(indexes[slot], out var value) || !float.IsFinite(value))
            {
                return false;
            }

            _features[slot] = value;
        }

        return true;
    }

    private bool TryScore<TRow>(TRow row, out double score)
        where TRow : IFieldRow, allows ref struct
    {
        if (_scorer is not null)
        {
            score = _scorer.Score(_features);
        }
        else if (!row.TryDouble(_plan.ScoreIndex!.Value, out score))
        {
            return false;
        }

        return double.IsFinite(score);
    }
}
