using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Verbs;

namespace QualityGate.Tests.Explain;

/// <summary>Explain on the other shapes of model: precomputed scores, and a model that brings its own loader.</summary>
public sealed class ExplainVariantsTests
{
    [Fact]
    public void With_precomputed_scores_explain_compares_features_only_and_says_so()
    {
        using var data = new PlantedCause(seed: 3);
        var fromModel = Explain(data.Config());
        var fromScores = Explain(data.Config(edit: text => text.Replace("path: model.zip", "kind: scores", StringComparison.Ordinal)
            .Replace("inputs: { Features: s0..far }", "score_column: Probability", StringComparison.Ordinal)
            .Replace("heldout: heldout.csv", "heldout: heldout-scored.csv", StringComparison.Ordinal)));

        Assert.Null(fromScores.Importance);
        Assert.Contains(fromScores.Notes, n => n.Contains("only the feature comparison", StringComparison.Ordinal));

        // The same scores make the same groups, so the comparison is the model's, feature for feature
        // (the score column itself is no feature).
        Assert.Equal(fromModel.Features.Select(f => (f.Feature.Name, f.Pull)), fromScores.Features.Select(f => (f.Feature.Name, f.Pull)));
        Assert.DoesNotContain(fromScores.Features, f => f.Feature.Name == "Probability");
        Assert.All(fromScores.Features, f => Assert.Null(f.Feature.ModelInput));
    }

    [Fact]
    public void A_model_with_its_own_loader_is_permuted_column_by_column()
    {
        using var data = new PlantedCause(seed: 3);
        var explanation = Explain(data.Config(edit: text => text.Replace("path: model.zip", "path: model-with-loader.zip", StringComparison.Ordinal)
            .Replace("  inputs: { Features: s0..far }\n", string.Empty, StringComparison.Ordinal)));

        Assert.Equal(PlantedCause.Columns.Length, explanation.Importance!.Count);
        Assert.All(explanation.Importance, i => Assert.Single(i.Group.Columns));
        Assert.Equal("planted", explanation.Importance[0].Group.Name);
        Assert.Contains(explanation.Notes, n => n.Contains("its own loader", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wide_vector_is_permuted_in_groups_of_neighbouring_slots()
    {
        using var data = new PlantedCause(seed: 3);
        var explanation = Explain(data.Config(extra: "explain: { max_groups: 4 }"));

        // Ten slots in four runs of neighbours: 2, 3, 2, 3 slots, named by their first and last.
        Assert.Equal(["n0..n1", "n2..far", "s0..s1", "s2..planted"], explanation.Importance!.Select(i => i.Group.Name).Order(StringComparer.Ordinal));
        Assert.Equal("s2..planted", explanation.Importance![0].Group.Name);
        Assert.Equal(PlantedCause.Columns.Length, explanation.Features.Count);
    }

    [Fact]
    public void A_column_that_is_not_numeric_is_named_and_left_out()
    {
        using var data = new PlantedCause(seed: 3);
        var heldout = Path.Combine(data.Directory, "heldout.csv");
        var lines = File.ReadAllLines(heldout);
        File.WriteAllLines(heldout, lines.Select((line, i) => line + (i == 0 ? ",source" : i == 3 ? ",web" : ",")));

        var explanation = Explain(data.Config());

        Assert.DoesNotContain(explanation.Features, f => f.Feature.Name == "source");
        var note = Assert.Single(explanation.Notes, n => n.Contains("'source' is not numeric", StringComparison.Ordinal));
        Assert.Contains("'web' at heldout.csv, line 4", note, StringComparison.Ordinal);
    }

    private static QualityGate.Explain.Explanation Explain(string configPath) =>
        Verbs.Explain.Run(ConfigLoader.Load(configPath)).Explanation!;
}
