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
/// Reads rows on one worker thread: parses the fields the plan names into a batch of rows
/// (<see cref="RowBatch"/>), scores the batch's input vectors together, then hashes the identity
/// of the rows whose id is wanted, with its own buffers. Anything out of the ordinary (a quote,
/// another field count, a blank or unparsable number, an unknown label) makes the row unclean,
/// and the caller hands the whole file to the full reader, whose checks say exactly what is wrong
/// and where, so the fast path never has error messages of its own.
/// </summary>
/// <param name="needsId">Whether a row of this score and label needs its id: the rows nobody asks for are not hashed.</param>
internal sealed class RowWorker(FastRows fast, LabelMatcher labels, Func<double, bool, bool> needsId)
{
    private readonly RowPlan _plan = fast.Plan;
    private readonly IRowScorer? _scorer = fast.Model?.CreateScorer();
    private readonly RowBatch _batch = new(fast.Plan.FeatureIndexes.Length, fast.Plan.IdIndex is null ? fast.Plan.Identity.Count(f => f.FeatureSlot < 0) : 1);
    private readonly float[] _features = new float[fast.Plan.FeatureIndexes.Length];
    private readonly float[] _scores = new float[RowBatch.Rows];
    private readonly ExampleIdentity _identity = new();
    private readonly SliceValues? _slices = fast.Plan.SliceIndexes.Length == 0 ? null : new SliceValues();

    public IRowScorer? Scorer => _scorer;

    /// <summary>
    /// Reads a row into the batch; its result goes to <paramref name="results"/> at
    /// <paramref name="index"/> once the batch is scored: when it is full, or at <see cref="Flush"/>.
    /// An unclean row's result is written at once.
    /// </summary>
    public void Read<TRow>(TRow row, RowResult[] results, int index)
        where TRow : IFieldRow, allows ref struct
    {
        if (!TryParse(row, index))
        {
            results[index] = RowResult.Unclean;
            return;
        }

        if (_batch.IsFull)
        {
            Flush(results);
        }
    }

    /// <summary>Scores the rows waiting in the batch and writes their results.</summary>
    public void Flush(RowResult[] results)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        Score();
        for (var row = 0; row < _batch.Count; row++)
        {
            var waiting = _batch.Row[row];
            results[waiting.Index] = Finish(row, _scorer is null ? waiting.Score : _scores[row]);
        }

        _batch.Clear();
    }

    /// <summary>Parses the row into the batch; false when it is unclean.</summary>
    private bool TryParse<TRow>(TRow row, int index)
        where TRow : IFieldRow, allows ref struct
    {
        // ML.NET's loader skips lines starting with "//" as comments.
        if (row.Count != _plan.FieldCount || row.IsComment)
        {
            return false;
        }

        if (labels.Classify(row.Text(_plan.LabelIndex)) is not { } positive || !TryParseFeatures(row))
        {
            return false;
        }

        var score = 0.0;
        if (_scorer is null && !row.TryDouble(_plan.ScoreIndex!.Value, out score))
        {
            return false;
        }

        // Quotes are not parsed here: a quoted number or label fails to parse above, a quoted text
        // is left to the full reader, whether or not this row's id is wanted.
        if (_plan.IdIndex is { } id)
        {
            if (!TryKeepText(0, row.Text(id)))
            {
                return false;
            }
        }
        else
        {
            var field = 0;
            foreach (var part in _plan.Identity)
            {
                if (part.FeatureSlot < 0 && !TryKeepText(field++, row.Text(part.CsvIndex)))
                {
                    return false;
                }
            }
        }

        _batch.Add(new RowBatch.Waiting(positive, _slices?.Of(row, _plan.SliceIndexes), score, index));
        return true;
    }

    private bool TryKeepText(int field, ReadOnlySpan<char> text)
    {
        if (text.Contains('"'))
        {
            return false;
        }

        _batch.KeepText(field, text);
        return true;
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

            _batch.SetFeature(slot, value);
        }

        return true;
    }

    /// <summary>The batch's scores: together when the scorer scores batches here, else row by row.</summary>
    private void Score()
    {
        if (_scorer is null)
        {
            return;
        }

        if (_scorer.ScoresBatches)
        {
            // Rows past the count hold an earlier batch's values (or zeros): scored and ignored.
            _scorer.ScoreBatch(_batch.Columns, _scores);
            return;
        }

        for (var row = 0; row < _batch.Count; row++)
        {
            for (var slot = 0; slot < _features.Length; slot++)
            {
                _features[slot] = _batch.Feature(row, slot);
            }

            _scores[row] = _scorer.Score(_features);
        }
    }

    /// <summary>A scored row's result, with its id when one is wanted.</summary>
    private RowResult Finish(int row, double score)
    {
        if (!double.IsFinite(score))
        {
            return RowResult.Unclean;
        }

        var waiting = _batch.Row[row];
        var identify = needsId(score, waiting.Positive);
        if (_plan.IdIndex is not null)
        {
            return new RowResult(true, score, waiting.Positive, default, identify ? _batch.Text(row, 0).Trim().ToString() : null, identify) { Slices = waiting.Slices };
        }

        if (!identify)
        {
            return new RowResult(true, score, waiting.Positive, default, null, false) { Slices = waiting.Slices };
        }

        var field = 0;
        foreach (var part in _plan.Identity)
        {
            if (part.FeatureSlot >= 0)
            {
                _identity.AddNumber(_batch.Feature(row, part.FeatureSlot));
            }
            else
            {
                _identity.AddText(_batch.Text(row, field++));
            }
        }

        return new RowResult(true, score, waiting.Positive, _identity.FinishValue(), null, true) { Slices = waiting.Slices };
    }
}
