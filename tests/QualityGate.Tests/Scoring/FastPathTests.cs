using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Mining;
using QualityGate.Scoring;
using QualityGate.Scoring.FastPath;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// The fast pass (Sep in parallel, trees evaluated directly or one prediction engine per worker)
/// must give the very scores, labels and ids ML.NET's loader and model give, on every row of a
/// real file, for every kind of model it takes; and leave to the full reader any file it cannot
/// read exactly as that reader would.
/// </summary>
public sealed class FastPathTests : IClassFixture<FastPathTests.VectorModels>, IDisposable
{
    private readonly VectorModels _models;
    private readonly TemporaryDirectory _directory = new();

    public FastPathTests(VectorModels models) => _models = models;

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("FastTree", "compiled trees (100)")]
    [InlineData("FastForest", "compiled trees (100)")]
    [InlineData("LightGbm", "compiled trees (100)")]
    [InlineData("FastTree of 64 leaves", "compiled trees (20)")]
    [InlineData("FastTree of 65 leaves", "compiled trees (20, walked)")]
    [InlineData("Gam", "ML.NET prediction engine per worker")]
    [InlineData("LogisticRegression", "ML.NET prediction engine per worker")]
    public void Every_row_scores_as_ML_NET_scores_it_with_the_same_label_and_id(string trainer, string kind)
    {
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path(trainer)));
        Assert.Equal(kind, columns.Fast!.Model!.Kind);

        var fast = ReadFast(columns, inputs);
        var full = ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null);
        AssertSame(full, fast);
    }

    [Fact]
    public void Numbers_in_every_written_form_score_as_ML_NET_reads_them()
    {
        // The sample's numbers, each written in one of four forms by its place: as it was, with an
        // exponent, with eleven decimals (past the short form), with a sign and no leading zero.
        // The short form parses the first, the full parser the others; both as ML.NET's loader.
        static string Form(string field, int place) => (place % 4) switch
        {
            0 => field,
            1 => double.Parse(field, CultureInfo.InvariantCulture).ToString("E3", CultureInfo.InvariantCulture),
            2 => double.Parse(field, CultureInfo.InvariantCulture).ToString("F11", CultureInfo.InvariantCulture),
            _ => field.StartsWith("0.", StringComparison.Ordinal) ? field[1..] : field,
        };
        var forms = _directory.Write("forms.csv", string.Join('\n', File.ReadLines(RepositoryPaths.SpambaseHeldout)
            .Select((line, row) => row == 0 ? line : string.Join(',', line.Split(',').Select((field, column) => column == 0 ? field : Form(field, row + column))))) + "\n");
        Assert.Contains("E+", File.ReadAllText(forms));
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path("FastTree"), heldout: forms));

        var fast = ReadFast(columns, inputs);
        AssertSame(ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null), fast);
    }

    [Fact]
    public void A_file_of_many_blocks_with_CRLF_line_ends_scores_as_ML_NET_reads_it()
    {
        // Four copies of the sample's rows: about 1.1 MB, so the workers read five blocks, each
        // cut after a CRLF somewhere inside a row's worth of the next copy.
        var lines = File.ReadLines(RepositoryPaths.SpambaseHeldout).ToList();
        var data = _directory.Write("blocks.csv", string.Join("\r\n", lines.Take(1).Concat(Enumerable.Repeat(lines.Skip(1), 4).SelectMany(rows => rows))) + "\r\n");
        Assert.InRange(new FileInfo(data).Length, 4 * LineBlocks.BlockBytes, 5 * LineBlocks.BlockBytes);
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path("FastTree"), heldout: data));

        var fast = ReadFast(columns, inputs);
        Assert.Equal(4 * (lines.Count - 1), fast.Count);
        AssertSame(ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null), fast);
    }

    [Theory]
    [InlineData("FastTree")]
    [InlineData("FastForest")]
    [InlineData("LightGbm")]
    [InlineData("FastTree of 64 leaves")]
    public void Rows_scored_sixteen_at_once_score_as_each_alone_even_on_a_split_s_threshold(string trainer)
    {
        // The sample's rows, and rows whose value sits on a split's threshold or one float to
        // either side of it: where comparing in the wrong direction would show.
        var ensemble = Trees(_models.Path(trainer));
        var scorer = BitvectorTrees.From(ensemble)!;
        var rows = File.ReadLines(RepositoryPaths.SpambaseHeldout).Skip(1)
            .Select(line => line.Split(',').Skip(1).Select(field => float.Parse(field, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var splits = ensemble.SelectMany(tree => tree.NumericalSplitFeatureIndexes.Zip(tree.NumericalSplitThresholds)).ToList();
        foreach (var ((feature, threshold), index) in splits.Select((split, index) => (split, index)))
        {
            foreach (var value in new[] { threshold, MathF.BitDecrement(threshold), MathF.BitIncrement(threshold) })
            {
                var row = (float[])rows[index % 1000].Clone();
                row[feature] = value;
                rows.Add(row);
            }
        }

        var columns = new float[57 * RowBatch.Rows];
        var scores = new float[RowBatch.Rows];
        for (var batch = 0; batch + RowBatch.Rows <= rows.Count; batch += RowBatch.Rows)
        {
            for (var row = 0; row < RowBatch.Rows; row++)
            {
                for (var feature = 0; feature < 57; feature++)
                {
                    columns[(feature * RowBatch.Rows) + row] = rows[batch + row][feature];
                }
            }

            scorer.ScoreBatch(columns, scores);
            for (var row = 0; row < RowBatch.Rows; row++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(scorer.Score(rows[batch + row])), BitConverter.SingleToInt32Bits(scores[row]));
            }
        }
    }

    /// <summary>A saved model's trees, read as the fast pass reads them.</summary>
    private static IReadOnlyList<Microsoft.ML.Trainers.FastTree.RegressionTreeBase> Trees(string path)
    {
        var transformer = new MLContext().Model.Load(path, out _);
        var last = transformer is TransformerChain<ITransformer> chain ? chain.Last() : transformer;
        var model = ((ISingleFeaturePredictionTransformer<object>)last).Model;
        var raw = model.GetType().GetProperties().FirstOrDefault(p => p.Name == "SubModel")?.GetValue(model) ?? model;
        return raw switch
        {
            Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParametersBasedOnRegressionTree boosted => boosted.TrainedTreeEnsemble.Trees,
            Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParametersBasedOnQuantileRegressionTree forest => forest.TrainedTreeEnsemble.Trees,
            _ => throw new InvalidOperationException($"{raw.GetType().Name} is no tree ensemble"),
        };
    }

    [Fact]
    public void Precomputed_scores_and_an_id_column_read_the_same_both_ways()
    {
        var scored = _directory.Write("scored.csv", string.Join('\n', File.ReadLines(RepositoryPaths.SpambaseHeldout)
            .Select((line, row) => row == 0 ? $"id,Probability,{line}" : $"mail-{row},{(row * 7919 % 1000) / 1000.0:0.###},{line}")) + "\n");
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores, score_column: Probability {"}"}
            label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            id: id
            data: {"{"} heldout: {scored} {"}"}
            threshold: 0.5
            region: {"{"} width: 0.1 {"}"}
            limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.9 {"}"} {"}"} {"}"}
            """;
        var (columns, inputs) = Open(yaml);
        Assert.Null(columns.Fast!.Model);

        var fast = ReadFast(columns, inputs);
        AssertSame(ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null), fast);
        Assert.Equal("mail-1", fast.Ids[0]);
    }

    [Fact]
    public void Scores_held_as_floats_until_one_is_not_a_float_read_the_same_as_ML_NET_s_on_every_row()
    {
        // Eighths are floats; the rows after 3,000 score 0.1 and the like, which are not: the pass
        // then moves the rows before to doubles, and every score must stay the reader's to the bit.
        var lines = File.ReadLines(RepositoryPaths.SpambaseHeldout).ToList();
        var rows = Enumerable.Range(0, 4).SelectMany(_ => lines.Skip(1)).Select((line, row) =>
            $"{(row < 3000 ? (row % 9) / 8.0 : (row % 10) / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture)},{line}");
        var scored = _directory.Write("scored.csv", $"Probability,{lines[0]}\n" + string.Join('\n', rows) + "\n");
        var yaml = $"""
            version: 1
            model: {"{"} kind: scores, score_column: Probability {"}"}
            label: {"{"} column: Label, positive: ["1"], negative: ["0"] {"}"}
            data: {"{"} heldout: {scored} {"}"}
            threshold: 0.5
            region: {"{"} width: 0.1 {"}"}
            limits: {"{"} heldout: {"{"} fpr: {"{"} max: 0.9 {"}"} {"}"} {"}"}
            """;
        var (columns, inputs) = Open(yaml);

        var fast = ReadFast(columns, inputs);
        Assert.False(fast.Scores.AreSingles);
        Assert.Equal(0.1, fast.Scores[3001]);
        AssertSame(ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null), fast);
    }

    [Fact]
    public void A_model_s_scores_are_held_as_floats_and_read_as_ML_NET_s()
    {
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path("LogisticRegression")));
        var fast = ReadFast(columns, inputs);
        Assert.True(fast.Scores.AreSingles);
        AssertSame(ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null), fast);
    }

    [Fact]
    public void A_pass_asked_for_some_ids_keeps_those_and_mining_s_as_ML_NET_reads_them_and_no_others()
    {
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path("FastTree")));
        var all = ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Every, null, null);
        Func<double, bool, bool> wrong = (score, positive) => score >= 0.5 != positive;
        var (fastMining, fullMining) = (Collector(), Collector());

        var fast = FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of(wrong), null, fastMining, null,
            rows => ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns with { View = new MLContext().Data.TakeRows(columns.View, rows) }, inputs.Labels, IdChoice.Of(wrong), null, null))
            ?? throw new InvalidOperationException("The fast pass declined a plain file.");
        var full = ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns, inputs.Labels, IdChoice.Of(wrong), null, fullMining);

        // Only the wrong rows are identified, each with the id ML.NET's reader gives it.
        var wrongRows = Enumerable.Range(0, all.Count).Where(row => wrong(all.Scores[row], all.Positive[row])).ToList();
        Assert.InRange(wrongRows.Count, 20, all.Count / 4);
        Assert.Equal(wrongRows, fast.Ids.Keys.Order());
        Assert.Equal(wrongRows.Select(row => all.Ids[row]), wrongRows.Select(row => fast.Ids[row]));
        Assert.Equal(wrongRows.Select(row => all.Ids[row]).Order(StringComparer.Ordinal), fast.IdsOf(wrongRows));
        Assert.False(fast.Ids.ContainsKey(Enumerable.Range(0, all.Count).First(row => !wrong(all.Scores[row], all.Positive[row]))));

        // The negatives near the threshold that mining wants get their ids too, though not identified.
        var mined = fastMining.Finish([fast], inputs.Scorer);
        var expected = fullMining.Finish([full], inputs.Scorer);
        Assert.Contains(mined.Selected, c => c.Score < 0.5);
        Assert.Equal(expected.Selected.Select(c => c.Id), mined.Selected.Select(c => c.Id));
        Assert.Equal(expected.Candidates, mined.Candidates);
    }

    private static CandidateCollector Collector() => new(0.5, MiningSettings.Default with { Margin = 0.3 }, new HashSet<string>());

    [Theory]
    [InlineData("a quoted field", "\"0\"")]
    [InlineData("a blank feature", "")]
    [InlineData("a label no list has", "maybe")]
    public void A_file_with_an_odd_row_is_left_to_the_full_reader(string what, string label)
    {
        var lines = File.ReadLines(RepositoryPaths.SpambaseHeldout).ToList();
        var fields = lines[1500 % lines.Count].Split(',');
        if (what == "a blank feature")
        {
            fields[3] = label;
        }
        else
        {
            fields[0] = label;
        }

        lines[1500 % lines.Count] = string.Join(',', fields);
        var data = _directory.Write("odd.csv", string.Join('\n', lines) + "\n");
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path("FastTree"), heldout: data));

        Assert.Null(FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of((_, _) => true), null, null, null, _ => throw new InvalidOperationException("the first rows are clean")));
    }

    [Fact]
    public void A_pass_that_differs_from_ML_NET_on_the_first_rows_is_not_trusted()
    {
        var (columns, inputs) = Open(SampleConfigs.ForModel(_models.Path("FastTree")));
        var said = new List<string>();
        ScoredSet Nudged(int rows)
        {
            var full = ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns with { View = new MLContext().Data.TakeRows(columns.View, rows) }, inputs.Labels, IdChoice.Every, null, null);
            var scores = full.Scores.ToArray();
            scores[17] = Math.BitIncrement(scores[17]);
            return new ScoredSet("heldout", inputs.Heldout, scores, [.. full.Positive], full.Ids);
        }

        Assert.Null(FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of((_, _) => true), said.Add, null, null, Nudged));
        Assert.Equal("row 18 scores differently without ML.NET's reader (compiled trees (100)); reading it with ML.NET", said.Single().Split(": ", 2)[1]);
    }

    private (ScoredColumns Columns, RunInputs Inputs) Open(string yaml)
    {
        var config = ConfigLoader.Parse(yaml, _directory.Write($"{Guid.NewGuid():N}.yml", yaml));
        var inputs = RunInputs.Open(config, BaselineUse.Ignore);
        return (inputs.Scorer.Score(inputs.Heldout, []), inputs);
    }

    private static ScoredSet ReadFast(ScoredColumns columns, RunInputs inputs) =>
        FastPass.TryRead("heldout", inputs.Heldout, columns.Fast!, inputs.Labels, IdChoice.Of((_, _) => true), null, null, null,
            rows => ScoringPass.ReadWithLoader("heldout", inputs.Heldout, columns with { View = new MLContext().Data.TakeRows(columns.View, rows) }, inputs.Labels, IdChoice.Every, null, null))
        ?? throw new InvalidOperationException("The fast pass declined a plain file.");

    private static void AssertSame(ScoredSet expected, ScoredSet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Scores.Select(BitConverter.DoubleToInt64Bits), actual.Scores.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Positive, actual.Positive);
        Assert.Equal(expected.Ids.OrderBy(p => p.Key), actual.Ids.OrderBy(p => p.Key));
    }

    /// <summary>Each trainer family fitted on the Spambase training split, reading one 57-slot vector, saved with its input schema.</summary>
    public sealed class VectorModels : IDisposable
    {
        private readonly TemporaryDirectory _directory = new();
        private readonly Dictionary<string, string> _paths = [];

        public VectorModels()
        {
            var context = new MLContext(seed: 1);
            var loader = context.Data.CreateTextLoader([new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Features", DataKind.Single, 1, 57)], ',', hasHeader: true);
            var train = loader.Load(RepositoryPaths.SpambaseTrain);
            var binary = context.BinaryClassification.Trainers;
            var trainers = new Dictionary<string, Func<IDataView, ITransformer>>
            {
                ["FastTree"] = data => binary.FastTree(numberOfTrees: 100).Fit(data),
                ["FastTree of 64 leaves"] = data => binary.FastTree(numberOfLeaves: 64, numberOfTrees: 20, minimumExampleCountPerLeaf: 2).Fit(data),
                ["FastTree of 65 leaves"] = data => binary.FastTree(numberOfLeaves: 65, numberOfTrees: 20, minimumExampleCountPerLeaf: 2).Fit(data),
                ["FastForest"] = data => binary.FastForest(numberOfTrees: 100).Fit(data),
                ["LightGbm"] = data => binary.LightGbm(numberOfIterations: 100).Fit(data),
                ["Gam"] = data => binary.Gam(numberOfIterations: 200).Fit(data),
                ["LogisticRegression"] = data => binary.LbfgsLogisticRegression().Fit(data),
            };
            foreach (var (name, fit) in trainers)
            {
                _paths[name] = _directory.File($"{name}.zip");
                context.Model.Save(fit(train), train.Schema, _paths[name]);
            }
        }

        public string Path(string trainer) => _paths[trainer];

        public void Dispose() => _directory.Dispose();
    }
}
