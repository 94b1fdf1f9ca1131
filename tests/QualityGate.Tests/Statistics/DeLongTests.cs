using QualityGate.Statistics;

namespace QualityGate.Tests.Statistics;

public sealed class DeLongTests
{
    [Fact]
    public void Auc_and_variance_match_sklearn_and_pROC()
    {
        var result = DeLong.Compute(ReferenceValues.Scores, [.. ReferenceValues.Labels.Select(l => l == 1)]);
        Assert.Equal(ReferenceValues.Auc, result.Auc, 1e-12);
        Assert.Equal(ReferenceValues.DeLongVariance, result.Variance, 1e-12);
    }

    [Fact]
    public void Perfect_separation_has_auc_one_and_no_variance()
    {
        var result = DeLong.Compute([0.1, 0.2, 0.8, 0.9], [false, false, true, true]);
        Assert.Equal(1.0, result.Auc);
        Assert.Equal(0.0, result.Variance);
    }

    [Fact]
    public void All_tied_scores_give_half()
    {
        var result = DeLong.Compute([0.5, 0.5, 0.5, 0.5], [false, true, false, true]);
        Assert.Equal(0.5, result.Auc);
    }
}
