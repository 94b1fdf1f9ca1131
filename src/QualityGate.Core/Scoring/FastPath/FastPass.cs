using System.Buffers;
using System.Collections.Concurrent;
using nietras.SeparatedValues;
using QualityGate.Data;
using QualityGate.Data.ParquetFiles;
using QualityGate.Identity;
using QualityGate.Mining;
using QualityGate.Slices;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// The pass at the hardware's speed, for a plain CSV or Parquet file read by a model with one
/// float vector input (or carrying its own scores): a CSV is cut into blocks of whole lines and
/// each worker parses a block with Sep (<see cref="ReadCsv"/>), a Parquet file's columns are
/// decoded a row group at a time (<see cref="ParquetPass"/>), each worker scores its rows sixteen at
/// a time and hashes their ids, and the results come back in file order for the metrics,
/// mining and progress. It declines (returns null) at the first row that needs the full reader; the
/// caller then reads the file the ordinary way, so every error and odd file behaves as before.
/// </summary>
internal static class FastPass
{
    /// <summary>How many of a file's first rows are read both ways before the fast pass is trusted with the rest.</summary>
    public const int CheckedRows = 1000;

    /// <summary>
    /// The fast pass over the file, trusted once its first rows agree with the full reader's
    /// (<paramref name="readFirstRows"/>, run meanwhile on a thread of its own, or first for Parquet) in score bits,
    /// label and id; null when it declines or differs, and the full reader then reads the file.
    /// Mining is offered the rows only after that, so a declined pass leaves no trace. The slice
    /// columns are read with the rest of each row when the file has them all (<paramref name="slices"/>).
    /// </summary>
    public static ScoredSet? TryRead(string name, DataFile file, FastRows fast, LabelMatcher labels, IdChoice ids, Action<string>? progress, CandidateCollector? mining, SliceSource? slices, Func<int, ScoredSet> readFirstRows)
    {
        var firstRows = Task.Run(() => readFirstRows(CheckedRows));
        if (file.Parts.Any(ParquetTextStream.IsParquet))
        {
            // ML.NET reads Parquet as text made from a whole decoded row group; beside the pass's
            // own decoding that added a row group's worth to the peak. Measured at 1M rows x 50:
            // 208-212 MB run meanwhile, 171-176 MB run first, for about 0.25 s. (A CSV's check
            // reads only its first lines, so it still runs beside the pass.)
            Task.WaitAny(firstRows);
        }

        var sliceIndexes = slices?.Columns.Select(c => file.IndexOf(c.Column)).ToArray() ?? [];
        if (sliceIndexes.Contains(-1))
        {
            // The text pass names the missing column.
            sliceIndexes = [];
        }

        var rows = Read(file, fast with { Plan = fast.Plan with { SliceIndexes = sliceIndexes } }, labels, ids, mining, progress);
        if (rows is null)
        {
            // The full reader reads the file now; whatever the sample met, it meets again.
            firstRows.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return null;
        }

        var set = rows.ToSet(name, file);
        if (FirstDifference(set, firstRows.GetAwaiter().GetResult()) is { } row)
        {
            progress?.Invoke($"{file.DisplayPath}: row {row + 1} scores differently without ML.NET's reader ({fast.Model?.Kind ?? "precomputed scores"}); reading it with ML.NET");
            return null;
        }

        // Before mining is offered the rows: balancing it across slices asks for them.
        if (slices is not null && rows.SliceMemberships(file, slices.Columns) is { } memberships)
        {
            slices.ReadByPass(file, memberships);
        }

        OfferTo(mining, set);
        return set;
    }

    /// <summary>The first of the full reader's rows where the fast pass differs in score, label or (where it kept one) id; null when they agree.</summary>
    private static int? FirstDifference(ScoredSet fast, ScoredSet full)
    {
        for (var row = 0; row < full.Count; row++)
        {
            if (row >= fast.Count
                || BitConverter.DoubleToInt64Bits(fast.Scores[row]) != BitConverter.DoubleToInt64Bits(full.Scores[row])
                || fast.PositiveArray[row] != full.PositiveArray[row]
                || (fast.Ids.TryGetValue(row, out var id) && id != full.Ids[row]))
            {
                return row;
            }
        }

        return full.Count < Math.Min(CheckedRows, fast.Count) ? full.Count : null;
    }

    /// <summary>Every row of the file, or null at the first that needs the full reader.</summary>
    private static PassRows? Read(DataFile file, FastRows fast, LabelMatcher labels, IdChoice ids, CandidateCollector? mining, Action<string>? progress)
    {
        Func<double, bool, bool> needsId = mining is null ? ids.MayWant : (score, positive) => ids.MayWant(score, positive) || mining.Wants(score, positive);
        Func<double, bool, bool> minedId = mining is null ? (_, _) => false : mining.Wants;
        using var workers = new ThreadLocal<RowWorker>(() => new RowWorker(fast, labels, needsId), trackAllValues: true);
        try
        {
            var estimatedRows = PassProgress.EstimateRows(file);
            var rows = new PassRows(fast.Plan.IdIndex is not null, estimatedRows, fast.Plan.SliceIndexes.Length, ids.ChosenInOrder ? (ids, minedId) : null);
            var pass = PassProgress.For(file, progress, estimatedRows);
            bool Add(RowResult result)
            {
                if (!result.Clean)
                {
                    return false;
                }

                var identify = ids.Keep(result.Score, result.Positive);
                var row = rows.Add(result, identify, identify || minedId(result.Score, result.Positive));
                pass?.Row(row + 1);
                return true;
            }

            foreach (var part in file.Parts)
            {
                var read = ParquetTextStream.IsParquet(part) ? ParquetPass.Read(part, fast.Plan, workers, Add) : ReadCsv(part, file.Separator, workers, Add);
                if (!read)
                {
                    return null;
                }
            }

            return rows.Count == 0 ? null : rows;
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                (worker.Scorer as IDisposable)?.Dispose();
            }
        }
    }

    /// <summary>
    /// A CSV part's rows, read in blocks of whole lines (<see cref="LineBlocks"/>): each worker
    /// parses a block with Sep and scores its rows in batches; the blocks' results are handed on in
    /// file order. False at the first unclean row.
    /// </summary>
    private static bool ReadCsv(string part, char separator, ThreadLocal<RowWorker> workers, Func<RowResult, bool> add)
    {
        using var content = FileContent.Open(part);
        var lines = new LineBlocks(content);
        if (!lines.SkipHeader())
        {
            return false;
        }

        var options = Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, DisableQuotesParsing = true });
        // One block at a time to each worker (no buffering ahead), results in file order.
        var blocks = Partitioner.Create(lines.All(), EnumerablePartitionerOptions.NoBuffering)
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount).WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(block => ReadBlock(block, options, workers.Value!));
        foreach (var (results, count) in blocks)
        {
            try
            {
                for (var row = 0; row < count; row++)
                {
                    if (!add(results[row]))
                    {
                        return false;
                    }
                }
            }
            finally
            {
                ArrayPool<RowResult>.Shared.Return(results, clearArray: true);
            }
        }

        return true;
    }

    /// <summary>One block's rows, parsed by Sep and scored by the worker, in a rented array.</summary>
    private static (RowResult[] Results, int Count) ReadBlock(LineBlock block, SepReaderOptions options, RowWorker worker)
    {
        var results = ArrayPool<RowResult>.Shared.Rent(block.Lines);
        var count = 0;
        using (var reader = options.From(new MemoryStream(block.Bytes, 0, block.Length, writable: false)))
        {
            foreach (var row in reader)
            {
                if (count == results.Length)
                {
                    // More rows than line feeds: CR line ends.
                    var larger = ArrayPool<RowResult>.Shared.Rent(count * 2);
                    results.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<RowResult>.Shared.Return(results, clearArray: true);
                    results = larger;
                }

                worker.Read(new SepFieldRow(row), results, count++);
            }
        }

        worker.Flush(results);
        block.Return();
        return (results, count);
    }

    /// <summary>
    /// The pass's rows as they arrive: score and label per row, the ids of the rows that have one
    /// (those the caller or mining asked for), and which rows the caller asked to identify. The
    /// arrays are sized by the file's estimated rows and become the set's own, not copied to trim
    /// them: a copy would hold every row twice at the pass's end. Ids are kept one per row while
    /// every row has one (an operating point not known before the pass asks for all); from the
    /// first row without one they are kept with their row numbers, packed at the front of the same
    /// array, so a blessed run keeps the hashes of its wrong and in-region rows only (and a run
    /// whose region is chosen as the rows come lets go of those the region's edge leaves behind,
    /// <see cref="IdChoice.StillWanted"/>). The rest of
    /// the array is never written, and memory never written is not resident; such hashes are
    /// copied out at the end (a sixth of a million rows: 3 MB), so the collection after the pass
    /// can move them without touching the 16 MB array.
    /// </summary>
    /// <param name="dropping">When rows are chosen in order (<see cref="IdChoice.ChosenInOrder"/>): the choice, and which rows mining wants; the ids of rows no longer wanted are then dropped as the pass goes.</param>
    private sealed class PassRows(bool textIds, long estimatedRows, int sliceColumns, (IdChoice Ids, Func<double, bool, bool> Mined)? dropping)
    {
        private readonly int _firstCapacity = (int)Math.Clamp(estimatedRows + 1024, 1024, Array.MaxLength);
        // Scores as floats while every one is a single-precision number (a model's are), then as doubles.
        private float[] _singles = [];
        private double[]? _doubles;
        private int _capacity;
        private bool[] _positive = [];
        private UInt128[] _hashes = [];
        private readonly List<string?> _texts = [];
        private int[]? _keptRows;
        private int _kept;
        // The rows the caller asked to identify; null while that is every row so far (an operating
        // point not known before the pass asks for all: a list of every row would be 4 bytes a row).
        private List<int>? _identified;
        private readonly PassSlices? _slices = sliceColumns == 0 ? null : new PassSlices(sliceColumns);
        private int _count;

        // Rows chosen in order: ids are dropped once this many are kept (a quarter of the estimated rows, then twice what the last drop left).
        private int _dropAt = (int)Math.Min(int.MaxValue, (estimatedRows / 8) + DropFloor);

        private const int DropFloor = 16_384;

        public int Count => _count;

        /// <param name="identify">Whether the caller asked for the row's id.</param>
        /// <param name="keep">Whether its id is kept: asked for, or wanted by mining.</param>
        public int Add(RowResult result, bool identify, bool keep)
        {
            if (_count == _capacity)
            {
                Grow();
            }

            var row = _count++;
            if (_doubles is null && (double)(float)result.Score == result.Score)
            {
                _singles[row] = (float)result.Score;
            }
            else
            {
                _doubles ??= InDoublePrecision(row);
                _doubles[row] = result.Score;
            }

            _positive[row] = result.Positive;
            _slices?.Add(row, result.Slices!);
            if (result.Identified && keep)
            {
                Keep(row, result);
            }
            else
            {
                // The first row without an id: the rows kept so far were every row before it.
                _keptRows ??= EveryRowSoFar();
            }

            if (identify)
            {
                _identified?.Add(row);
            }
            else
            {
                _identified ??= [.. Enumerable.Range(0, row)];
            }

            if (dropping is { } choice && _kept >= _dropAt)
            {
                DropUnwanted(choice.Ids, choice.Mined);
                _dropAt = (int)Math.Min(int.MaxValue, _kept + (_kept / 4L) + DropFloor);
            }

            return row;
        }

        /// <summary>
        /// Lets go of the ids of rows no longer near the threshold (nor wrong, nor wanted by mining):
        /// they never will be again. The rest move to the front, in row order.
        /// </summary>
        private void DropUnwanted(IdChoice ids, Func<double, bool, bool> mined)
        {
            bool Wanted(int row) => ids.StillWanted(Score(row), _positive[row]);
            _keptRows ??= EveryRowSoFar();
            var left = 0;
            for (var kept = 0; kept < _kept; kept++)
            {
                var row = _keptRows[kept];
                if (Wanted(row) || mined(Score(row), _positive[row]))
                {
                    _keptRows[left] = row;
                    if (textIds)
                    {
                        _texts[left] = _texts[kept];
                    }
                    else
                    {
                        _hashes[left] = _hashes[kept];
                    }

                    left++;
                }
            }

            if (textIds)
            {
                _texts.RemoveRange(left, _kept - left);
            }

            _kept = left;
            _identified ??= [.. Enumerable.Range(0, _count)];
            _identified.RemoveAll(row => !Wanted(row));
        }

        private double Score(int row) => _doubles is null ? _singles[row] : _doubles[row];

        /// <summary>The kept rows' list while every row so far has kept its id.</summary>
        private int[] EveryRowSoFar()
        {
            var rows = new int[_capacity];
            for (var kept = 0; kept < _kept; kept++)
            {
                rows[kept] = kept;
            }

            return rows;
        }

        private void Keep(int row, RowResult result)
        {
            if (textIds)
            {
                _texts.Add(result.Text);
            }
            else
            {
                _hashes[_kept] = result.Hash;
            }

            if (_keptRows is not null)
            {
                _keptRows[_kept] = row;
            }

            _kept++;
        }

        // The estimate comes from the file's first rows; a file whose later rows are shorter has more.
        private void Grow()
        {
            var capacity = _capacity == 0 ? _firstCapacity : (int)Math.Min(Array.MaxLength, _capacity + (_capacity / 4) + 1024);
            _capacity = capacity;
            if (_doubles is null)
            {
                Array.Resize(ref _singles, capacity);
            }
            else
            {
                Array.Resize(ref _doubles, capacity);
            }

            Array.Resize(ref _positive, capacity);
            _slices?.Grow(capacity, _count);
            if (!textIds)
            {
                _hashes = RowArrays.Grown(_hashes, capacity, _kept);
            }

            if (_keptRows is not null)
            {
                _keptRows = RowArrays.Grown(_keptRows, capacity, _kept);
            }
        }

        /// <summary>The first score that is no float: the rows before it move to doubles, the floats are let go.</summary>
        private double[] InDoublePrecision(int rows)
        {
            var doubles = new double[_capacity];
            for (var row = 0; row < rows; row++)
            {
                doubles[row] = _singles[row];
            }

            _singles = [];
            return doubles;
        }

        /// <summary>The slice columns' memberships as the pass read them; null when it read none or gave up on them.</summary>
        public IReadOnlyList<SliceMembership>? SliceMemberships(DataFile file, IReadOnlyList<Configuration.SliceColumn> columns) =>
            _slices?.Memberships(file, columns, _count);

        /// <summary>The rows as a set; when every row was asked for, no row list is kept at all.</summary>
        public ScoredSet ToSet(string name, DataFile file)
        {
            int[]? identified = _identified is null ? null : [.. _identified];
            string?[]? texts = textIds ? [.. _texts] : null;
            int[]? keptRows = _keptRows?[.._kept];
            var scores = _doubles is null ? new Scores(_singles, _count) : new Scores(_doubles, _count);
            var hashes = keptRows is null || textIds ? _hashes : _hashes[.._kept];
            return new ScoredSet(name, file, scores, _positive, new RowIds(hashes, texts, keptRows, identified, _count));
        }
    }

    /// <summary>Every row mining wants, in file order, as the full reader offers them.</summary>
    private static void OfferTo(CandidateCollector? mining, ScoredSet set)
    {
        var ids = (RowIds)set.Ids;
        Span<char> digits = stackalloc char[ExampleIdentity.Digits];
        for (var row = 0; mining is not null && row < set.Count; row++)
        {
            if (mining.Wants(set.Scores[row], set.PositiveArray[row]))
            {
                mining.Offer(set.File, row, set.Scores[row], set.PositiveArray[row], ids.OfAnyRow(row, digits));
            }
        }
    }
}
