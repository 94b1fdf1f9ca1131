using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Trainers.FastTree;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// A tree ensemble scored without walking its trees: QuickScorer (Lucchese et al., "QuickScorer: a
/// fast algorithm to rank documents with additive ensembles of regression trees", SIGIR 2015).
/// Each tree's leaves are numbered left to right and a row starts with every leaf possible, one
/// bit each. A split the row fails (its value above the threshold: ML.NET goes right) rules out
/// the leaves of its left subtree; the row's leaf in each tree is then the leftmost one still
/// possible. The splits are grouped by feature and sorted by threshold, so a row visits, feature
/// by feature, exactly the splits it fails, in a run that stops at the first it passes: a scan of
/// contiguous memory instead of a walk of dependent loads, about twice as fast on this kind of
/// machine (TreeScoringBenchmarks). The leaves are added in tree order in double and rounded to
/// float, as ML.NET adds them, so the scores are ML.NET's bit for bit. Trees of more than 64
/// leaves do not fit a bit mask and are left to <see cref="CompiledTrees"/>.
/// </summary>
internal sealed class BitvectorTrees : IRowScorer
{
    /// <summary>The most leaves a tree may have: one bit each in a ulong.</summary>
    public const int MaxLeaves = 64;

    /// <summary>Where each feature's splits start in the arrays below; feature f's run ends where f + 1's starts.</summary>
    private readonly int[] _featureStarts;

    /// <summary>Every split, grouped by feature, by ascending threshold within a feature.</summary>
    private readonly float[] _thresholds;

    /// <summary>The tree each split belongs to.</summary>
    private readonly int[] _treeOf;

    /// <summary>The leaves a split leaves possible when the row fails it: all but its left subtree's.</summary>
    private readonly ulong[] _masks;

    /// <summary>Each tree's leaves, every one possible: the bits a row starts with.</summary>
    private readonly ulong[] _allLeaves;

    /// <summary>Where each tree's leaves start in <see cref="_leafValues"/>.</summary>
    private readonly int[] _leafStarts;

    /// <summary>Every tree's leaf values, left to right.</summary>
    private readonly double[] _leafValues;

    private BitvectorTrees(int[] featureStarts, float[] thresholds, int[] treeOf, ulong[] masks, ulong[] allLeaves, int[] leafStarts, double[] leafValues) =>
        (_featureStarts, _thresholds, _treeOf, _masks, _allLeaves, _leafStarts, _leafValues) = (featureStarts, thresholds, treeOf, masks, allLeaves, leafStarts, leafValues);

    public int Count => _allLeaves.Length;

    /// <summary>The highest feature index a split reads: a row needs more values than that.</summary>
    public int MaxFeature => _featureStarts.Length - 2;

    /// <summary>The ensemble as bit masks; null when a tree has a categorical split or more than <see cref="MaxLeaves"/> leaves.</summary>
    public static BitvectorTrees? From(IReadOnlyList<RegressionTreeBase> trees)
    {
        var splits = new List<(int Feature, float Threshold, int Tree, ulong Mask)>();
        var allLeaves = new ulong[trees.Count];
        var leafStarts = new int[trees.Count];
        var leafValues = new List<double>();
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            if (tree.NumberOfLeaves > MaxLeaves || tree.CategoricalSplitFlags.Any(categorical => categorical))
            {
                return null;
            }

            leafStarts[t] = leafValues.Count;
            allLeaves[t] = tree.NumberOfLeaves == MaxLeaves ? ulong.MaxValue : (1UL << tree.NumberOfLeaves) - 1;
            if (tree.NumberOfNodes == 0)
            {
                leafValues.Add(tree.LeafValues[0]);
                continue;
            }

            new LeftToRight(tree, t, allLeaves[t], splits, leafValues).Number(0);
        }

        var features = splits.Count == 0 ? 0 : splits.Max(s => s.Feature) + 1;
        var ordered = splits.OrderBy(s => s.Feature).ThenBy(s => s.Threshold).ToArray();
        var featureStarts = new int[features + 1];
        foreach (var split in ordered)
        {
            featureStarts[split.Feature + 1]++;
        }

        for (var f = 0; f < features; f++)
        {
            featureStarts[f + 1] += featureStarts[f];
        }

        return new BitvectorTrees(featureStarts, [.. ordered.Select(s => s.Threshold)], [.. ordered.Select(s => s.Tree)], [.. ordered.Select(s => s.Mask)], allLeaves, leafStarts, [.. leafValues]);
    }

    [SkipLocalsInit]
    public float Score(ReadOnlySpan<float> features)
    {
        var count = _allLeaves.Length;
        var possible = count <= MaxStackTrees ? stackalloc ulong[count] : new ulong[count];
        _allLeaves.CopyTo(possible);
        ref var leaves = ref MemoryMarshal.GetReference(possible);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var treeOf = ref MemoryMarshal.GetArrayDataReference(_treeOf);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(_masks);

        // Split indexes were checked against the input's length when the ensemble was compiled.
        ref var value = ref MemoryMarshal.GetReference(features);
        var start = _featureStarts[0];
        for (var feature = 1; feature < _featureStarts.Length; feature++)
        {
            var x = Unsafe.Add(ref value, feature - 1);
            var end = _featureStarts[feature];
            var split = start;
            while (split < end && Unsafe.Add(ref thresholds, split) < x)
            {
                Unsafe.Add(ref leaves, Unsafe.Add(ref treeOf, split)) &= Unsafe.Add(ref masks, split);
                split++;
            }

            start = end;
        }

        return LeafSum(ref leaves, stride: 1);
    }

    /// <summary>
    /// One row's score from its trees' possible leaves (tree t's at t * <paramref name="stride"/>):
    /// each tree's leftmost possible leaf, added in tree order in double and rounded to float, as
    /// ML.NET adds them.
    /// </summary>
    private float LeafSum(ref ulong leaves, int stride)
    {
        var sum = 0.0;
        for (var tree = 0; tree < _allLeaves.Length; tree++)
        {
            sum += _leafValues[_leafStarts[tree] + BitOperations.TrailingZeroCount(Unsafe.Add(ref leaves, tree * stride))];
        }

        return (float)sum;
    }

    /// <summary>
    /// Batches run in 512-bit registers (a row per lane); without them each vector
    /// operation would be emulated lane by lane, slower than <see cref="Score"/>.
    /// </summary>
    public bool ScoresBatches => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Scores <see cref="RowBatch.Rows"/> (sixteen) rows at once, V-QuickScorer's way (Lucchese
    /// et al., "Exploiting CPU SIMD extensions to speed-up document scoring with tree ensembles",
    /// SIGIR 2016): each split is compared with the sixteen rows' values in one instruction, and
    /// the result, widened to one 64-bit lane a row, masks the rows' leaves of its tree in two
    /// more; a feature's run stops where every row passes. The leaves are then added row by row
    /// (<see cref="LeafSum"/>, as <see cref="Score"/> adds them), so each score is the same bits. One core scores
    /// 100,000 rows of the benchmark's model in 40 ms, against 57 ms eight rows at a time (in
    /// doubles) and 140 ms a row at a time (TreeScoringBenchmarks).
    /// </summary>
    /// <param name="columns">The rows' inputs by feature: feature f of row r at f * <see cref="RowBatch.Rows"/> + r.</param>
    [SkipLocalsInit]
    public void ScoreBatch(ReadOnlySpan<float> columns, Span<float> scores)
    {
        const int BatchRows = RowBatch.Rows;
        // Split features were checked against the input's length when the ensemble was compiled; the batch holds that many.
        ArgumentOutOfRangeException.ThrowIfLessThan(columns.Length, (_featureStarts.Length - 1) * BatchRows, nameof(columns));
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, BatchRows, nameof(scores));
        var count = _allLeaves.Length;
        ulong[]? rented = null;
        var possible = count <= MaxStackTrees ? stackalloc ulong[count * BatchRows] : (rented = ArrayPool<ulong>.Shared.Rent(count * BatchRows)).AsSpan(0, count * BatchRows);
        ref var leaves = ref Unsafe.As<ulong, Vector512<ulong>>(ref MemoryMarshal.GetReference(possible));
        for (var tree = 0; tree < count; tree++)
        {
            Unsafe.Add(ref leaves, 2 * tree) = Vector512.Create(_allLeaves[tree]);
            Unsafe.Add(ref leaves, (2 * tree) + 1) = Vector512.Create(_allLeaves[tree]);
        }

        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var treeOf = ref MemoryMarshal.GetArrayDataReference(_treeOf);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(_masks);
        ref var values = ref Unsafe.As<float, Vector512<float>>(ref MemoryMarshal.GetReference(columns));
        var start = _featureStarts[0];
        for (var feature = 1; feature < _featureStarts.Length; feature++)
        {
            var x = Unsafe.Add(ref values, feature - 1);
            var end = _featureStarts[feature];
            for (var split = start; split < end; split++)
            {
                var failed = Vector512.LessThan(Vector512.Create(Unsafe.Add(ref thresholds, split)), x).AsInt32();
                if (failed == Vector512<int>.Zero)
                {
                    break;
                }

                var mask = Vector512.Create(Unsafe.Add(ref masks, split));
                ref var low = ref Unsafe.Add(ref leaves, 2 * Unsafe.Add(ref treeOf, split));
                low &= mask | ~Vector512.WidenLower(failed).AsUInt64();
                ref var high = ref Unsafe.Add(ref low, 1);
                high &= mask | ~Vector512.WidenUpper(failed).AsUInt64();
            }

            start = end;
        }

        for (var row = 0; row < BatchRows; row++)
        {
            scores[row] = LeafSum(ref possible[row], stride: BatchRows);
        }

        if (rented is not null)
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>Ensembles of at most this many trees keep a batch's leaves on the stack (64 KiB); larger ones in a pooled array.</summary>
    private const int MaxStackTrees = 512;

    /// <summary>Numbers one tree's leaves left to right, recording each split's mask and each leaf's value in that order.</summary>
    private sealed class LeftToRight(RegressionTreeBase tree, int index, ulong all, List<(int, float, int, ulong)> splits, List<double> leafValues)
    {
        private int _next;

        /// <summary>Numbers the subtree under <paramref name="node"/> (a leaf when negative), returning its first and one past its last leaf's position.</summary>
        public (int First, int End) Number(int node)
        {
            if (node < 0)
            {
                leafValues.Add(tree.LeafValues[~node]);
                return (_next, ++_next);
            }

            var (first, middle) = Number(tree.LeftChild[node]);
            var (_, end) = Number(tree.RightChild[node]);
            // The left subtree has fewer leaves than the tree, so fewer than 64: the shift is defined.
            var left = ((1UL << (middle - first)) - 1) << first;
            splits.Add((tree.NumericalSplitFeatureIndexes[node], tree.NumericalSplitThresholds[node], index, all & ~left));
            return (first, end);
        }
    }
}
