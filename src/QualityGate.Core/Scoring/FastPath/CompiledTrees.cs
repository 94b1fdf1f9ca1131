using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.FastTree;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// A tree ensemble (FastTree, FastForest, LightGbm) evaluated straight from its trained trees,
/// by walking them: used when a tree has too many leaves for <see cref="BitvectorTrees"/>.
/// A walk down a tree is a chain of dependent loads, so it is latency that costs, not work: four
/// trees are walked side by side, each step one comparison and one load with no branch to
/// mispredict. Leaves are nodes that lead to themselves, so every walk takes its group's
/// deepest tree's number of steps and ends on its leaf. It follows ML.NET's own evaluation
/// exactly (go left while the value is at most the threshold, add the leaves in tree order in
/// double, round to float), so its scores are ML.NET's bit for bit; a pass still checks that on
/// the file's first rows and falls back to ML.NET on any difference.
/// </summary>
internal sealed class CompiledTrees : IRowScorer
{
    private const int Side = 4;

    /// <summary>Every tree's nodes, splits and leaves: a leaf reads feature 0 and leads to itself either way.</summary>
    private readonly Node[] _nodes;

    /// <summary>A node's children at 2i (value at most the threshold) and 2i + 1.</summary>
    private readonly int[] _children;

    /// <summary>A leaf node's output (0 for splits).</summary>
    private readonly double[] _values;

    private readonly int[] _roots;

    /// <summary>The depth of the deepest tree in each group of <see cref="Side"/> trees.</summary>
    private readonly int[] _groupDepths;

    private CompiledTrees(Node[] nodes, int[] children, double[] values, int[] roots, int[] groupDepths) =>
        (_nodes, _children, _values, _roots, _groupDepths) = (nodes, children, values, roots, groupDepths);

    public int Count => _roots.Length;

    /// <summary>The highest feature index a split reads: a row needs more values than that.</summary>
    public int MaxFeature => _nodes.Select(n => n.Feature).DefaultIfEmpty(-1).Max();

    /// <summary>The ensemble's trees; null when one has a categorical split, which this does not evaluate.</summary>
    public static CompiledTrees? From(IReadOnlyList<RegressionTreeBase> trees)
    {
        var layout = new TreeLayout();
        foreach (var tree in trees)
        {
            if (tree.CategoricalSplitFlags.Any(categorical => categorical))
            {
                return null;
            }

            layout.Add(tree);
        }

        var depths = layout.Depths;
        var groupDepths = Enumerable.Range(0, (depths.Count + Side - 1) / Side).Select(g => depths.Skip(g * Side).Take(Side).Max()).ToArray();
        return new CompiledTrees([.. layout.Nodes], [.. layout.Children], [.. layout.Values], [.. layout.Roots], groupDepths);
    }

    public float Score(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        var tree = 0;
        foreach (var depth in _groupDepths)
        {
            // A group short of four trees repeats its first tree; only its own trees' leaves are added.
            var width = Math.Min(Side, _roots.Length - tree);
            int a = _roots[tree], b = _roots[tree + (width > 1 ? 1 : 0)], c = _roots[tree + (width > 2 ? 2 : 0)], d = _roots[tree + (width > 3 ? 3 : 0)];
            for (var step = 0; step < depth; step++)
            {
                a = Step(a, features);
                b = Step(b, features);
                c = Step(c, features);
                d = Step(d, features);
            }

            sum += _values[a];
            sum += width > 1 ? _values[b] : 0;
            sum += width > 2 ? _values[c] : 0;
            sum += width > 3 ? _values[d] : 0;
            tree += width;
        }

        return (float)sum;
    }

    /// <summary>One step down: the child on the value's side of the node's threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int at, ReadOnlySpan<float> features)
    {
        // Node and feature indexes were checked against the input's length when the ensemble was compiled.
        ref readonly var node = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_nodes), at);
        var right = Unsafe.Add(ref MemoryMarshal.GetReference(features), node.Feature) <= node.Threshold ? 0 : 1;
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_children), (2 * at) + right);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Node(int Feature, float Threshold);

    /// <summary>Lays trees out one after another: each tree's splits, then its leaves.</summary>
    private sealed class TreeLayout
    {
        public List<Node> Nodes { get; } = [];

        public List<int> Children { get; } = [];

        public List<double> Values { get; } = [];

        public List<int> Roots { get; } = [];

        public List<int> Depths { get; } = [];

        public void Add(RegressionTreeBase tree)
        {
            var firstSplit = Nodes.Count;
            var firstLeaf = firstSplit + tree.NumberOfNodes;
            int Target(int child) => child < 0 ? firstLeaf + ~child : firstSplit + child;
            for (var split = 0; split < tree.NumberOfNodes; split++)
            {
                Nodes.Add(new Node(tree.NumericalSplitFeatureIndexes[split], tree.NumericalSplitThresholds[split]));
                Children.Add(Target(tree.LeftChild[split]));
                Children.Add(Target(tree.RightChild[split]));
                Values.Add(0);
            }

            for (var leaf = 0; leaf < tree.NumberOfLeaves; leaf++)
            {
                Nodes.Add(new Node(0, 0));
                Children.Add(firstLeaf + leaf);
                Children.Add(firstLeaf + leaf);
                Values.Add(tree.LeafValues[leaf]);
            }

            Roots.Add(tree.NumberOfNodes == 0 ? firstLeaf : firstSplit);
            Depths.Add(Depth(tree, 0));
        }

        private static int Depth(RegressionTreeBase tree, int node) =>
            node < 0 || tree.NumberOfNodes == 0 ? 0 : 1 + Math.Max(Depth(tree, tree.LeftChild[node]), Depth(tree, tree.RightChild[node]));
    }
}
