using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Scoring;

namespace QualityGate.Mining;

/// <summary>
/// Collects mining candidates while the data is scored. Candidates are negatives scoring at or
/// above t - margin (false positives and near misses) and, when asked, positives scoring below
/// t + margin. Each is offered to a heap of the k hardest, so memory grows with k, never with the
/// data. Rows with the same identity are one example. The same identity with both labels is a
/// label conflict: identical features give identical scores, so after the pass only the rows of
/// the other label with exactly a selected candidate's score need identifying (<see cref="Finish"/>).
/// </summary>
public sealed class CandidateCollector
{
    private readonly double _threshold;
    private readonly MiningSettings _mining;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _inSuite;
    private readonly Dictionary<string, MiningCandidate> _kept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MiningCandidate>.AlternateLookup<ReadOnlySpan<char>> _keptById;

    // A kept candidate's first row with the other label, seen in the band during the pass.
    private readonly Dictionary<string, (DataFile File, int Row)> _twins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DataFile File, int Row)>.AlternateLookup<ReadOnlySpan<char>> _twinsById;
    private readonly TopK<string> _top;

    // Balanced mining: a heap of the k hardest per slice, so one large slice cannot crowd out the rest.
    private readonly Func<DataFile, int, string>? _sliceOf;
    private readonly int _perSlice;
    private readonly Dictionary<string, TopK<string>> _bySlice = new(StringComparer.Ordinal);

    /// <param name="sliceOf">When mining is balanced across slices: the slice of a file's row.</param>
    /// <param name="perSlice">At most this many new items from one slice.</param>
    /// <param name="inSuite">The suite's ids.</param>
    public CandidateCollector(double threshold, MiningSettings mining, HashSet<string> inSuite, Func<DataFile, int, string>? sliceOf = null, int perSlice = int.MaxValue)
    {
        _threshold = threshold;
        _mining = mining;
        _keptById = _kept.GetAlternateLookup<ReadOnlySpan<char>>();
        _twinsById = _twins.GetAlternateLookup<ReadOnlySpan<char>>();
        _inSuite = (inSuite.TryGetAlternateLookup<ReadOnlySpan<char>>(out _) ? inSuite : new HashSet<string>(inSuite, StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        _top = new TopK<string>(mining.MaxNew, Key);
        _sliceOf = sliceOf;
        _perSlice = Math.Min(perSlice, mining.MaxNew);
    }

    private (double, string) Key(string id) => (_kept[id].Hardness, id);

    private TopK<string> HeapFor(DataFile file, int row)
    {
        if (_sliceOf is null)
        {
            return _top;
        }

        var slice = _sliceOf(file, row);
        if (!_bySlice.TryGetValue(slice, out var heap))
        {
            heap = _bySlice[slice] = new TopK<string>(_perSlice, Key);
        }

        return heap;
    }

    public sealed record Found(IReadOnlyList<MiningCandidate> Selected, int Candidates, int AlreadyInSuite);

    /// <summary>Rows in the band: every one is counted, and its id is read.</summary>
    public int CandidateRows { get; private set; }

    /// <summary>Rows in the band whose example is already in the suite (in any status, rejected included).</summary>
    public int AlreadyInSuite { get; private set; }

    /// <summary>How many candidates the collector holds right now: never more than k.</summary>
    public int Held => _kept.Count;

    /// <summary>Whether a row is in the mining band, decided before its id is computed.</summary>
    public bool Wants(double score, bool positive) => Hardness(score, positive) is not null;

    public void Offer(DataFile file, int row, double score, bool positive, string id) => Offer(file, row, score, positive, id, id);

    /// <summary>
    /// Offers a row whose id is characters only (a 128-bit id's digits in the caller's buffer): it
    /// becomes a string, and the row a candidate, only when the heap would keep it. Offered in
    /// file order, a band of 45,000 rows makes about k ln(45,000 / k) candidates, 1,100 for
    /// k = 200, most of them pushed out again later.
    /// </summary>
    public void Offer(DataFile file, int row, double score, bool positive, ReadOnlySpan<char> id) => Offer(file, row, score, positive, id, null);

    private void Offer(DataFile file, int row, double score, bool positive, ReadOnlySpan<char> id, string? text)
    {
        if (Hardness(score, positive) is not { } hardness)
        {
            return;
        }

        CandidateRows++;
        if (_inSuite.Contains(id))
        {
            AlreadyInSuite++;
            return;
        }

        if (_keptById.TryGetValue(id, out var kept))
        {
            // The same example again: a duplicate row, or a label conflict when the labels differ.
            if (kept.Positive != positive)
            {
                _twinsById.TryAdd(id, (file, row));
            }

            return;
        }

        var heap = HeapFor(file, row);
        if (!heap.Admits(hardness, id))
        {
            return;
        }

        text ??= id.ToString();
        _kept[text] = new MiningCandidate(text, positive, score, hardness, file, row, null);
        heap.Offer(text, out var evicted);
        if (evicted is not null)
        {
            _kept.Remove(evicted);
            _twins.Remove(evicted);
        }
    }

    /// <summary>
    /// The hardest candidates, hardest first, with their rows' text and label conflicts marked.
    /// A conflicting twin has the candidate's exact score; the few rows of the other label with
    /// such a score are identified here. Each file is read once more, skipping every other row.
    /// </summary>
    public Found Finish(IReadOnlyList<ScoredSet> sources, IModelScorer scorer)
    {
        // Balanced: each slice's hardest, then the hardest k of those, in the heap's order (ties by id).
        var selected = _sliceOf is null
            ? _top.Drain().Select(id => _kept[id]).ToList()
            : [.. _bySlice.Values.SelectMany(h => h.Drain()).Select(id => _kept[id]).OrderByDescending(c => c.Hardness).ThenBy(c => c.Id, StringComparer.Ordinal).Take(_mining.MaxNew)];
        var index = selected.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var twins = _twins.Where(t => index.ContainsKey(t.Key)).ToDictionary(StringComparer.Ordinal);
        var unresolved = new TwinScores(selected.Where(c => !twins.ContainsKey(c.Id)));
        var locations = new Dictionary<(DataFile File, int Row), SourceLocation>();
        foreach (var source in sources)
        {
            var scanned = unresolved.RowsOfOtherLabel(source);

            var mine = selected.Where(c => c.Source == source.File).ToList();
            var seenTwins = twins.Values.Where(t => t.File == source.File).Select(t => t.Row);
            var records = RowFetcher.Fetch(source.File, [.. scanned, .. seenTwins, .. mine.Select(c => c.Row)]);
            foreach (var (row, record) in records)
            {
                locations[(source.File, row)] = record.Location;
            }

            foreach (var candidate in mine)
            {
                var record = records[candidate.Row];
                selected[index[candidate.Id]] = candidate with { Fields = record.Fields, Location = record.Location };
            }

            var ids = RowIdentifier.Identify(scorer, source, scanned, records);
            foreach (var row in scanned.Order())
            {
                if (index.ContainsKey(ids[row]))
                {
                    twins.TryAdd(ids[row], (source.File, row));
                }
            }
        }

        foreach (var (id, twin) in twins)
        {
            var candidate = selected[index[id]];
            selected[index[id]] = candidate with { Conflict = ConflictText(candidate.Positive, candidate.Location!, locations[twin]) };
        }

        return new Found(selected, CandidateRows, AlreadyInSuite);
    }

    /// <summary>How far into the wrong side a row scored, or null when it is outside the band.</summary>
    private double? Hardness(double score, bool positive)
    {
        if (!positive)
        {
            return score >= _threshold - _mining.Margin ? score - (_threshold - _mining.Margin) : null;
        }

        return _mining.Positives && score < _threshold + _mining.Margin ? _threshold + _mining.Margin - score : null;
    }

    /// <summary>The reason a conflicting candidate is quarantined; shared with the merge of shards.</summary>
    internal static string ConflictText(bool candidatePositive, SourceLocation candidate, SourceLocation twin)
    {
        var (negative, positive) = candidatePositive ? (twin, candidate) : (candidate, twin);
        return $"label conflict: the same features are labelled negative ({negative.File} line {negative.Line}) and positive ({positive.File} line {positive.Line})";
    }
}
