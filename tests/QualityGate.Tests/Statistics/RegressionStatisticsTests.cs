using QualityGate.Statistics;

namespace QualityGate.Tests.Statistics;

public sealed class RegressionStatisticsTests
{
    // statsmodels.stats.contingency_tables.mcnemar([[10, b], [c, 100]], exact=True).pvalue
    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(3, 0, 0.25)]
    [InlineData(9, 2, 0.0654296875)]
    [InlineData(5, 5, 1.0)]
    [InlineData(40, 25, 0.08168153394154003)]
    [InlineData(1, 12, 0.00341796875)]
    public void McNemar_exact_p_values_match_statsmodels(long candidateOnly, long baselineOnly, double expected) =>
        Assert.Equal(expected, McNemar.ExactPValue(candidateOnly, baselineOnly), 1e-12);

    // statsmodels.stats.multitest.multipletests([0.01, 0.04, 0.03, 0.005, 0.2], alpha=0.05, method="holm")
    [Fact]
    public void Holm_matches_statsmodels()
    {
        double[] p = [0.01, 0.04, 0.03, 0.005, 0.2];
        Assert.Equal([true, false, false, true, false], Holm.Reject(p, 0.05));
        var adjusted = Holm.Adjust(p);
        double[] expected = [0.04, 0.09, 0.09, 0.025, 0.2];
        for (var i = 0; i < p.Length; i++)
        {
            Assert.Equal(expected[i], adjusted[i], 1e-12);
        }
    }

    [Fact]
    public void Holm_rejects_what_an_uncorrected_test_would_flag_only_when_strong_enough()
    {
        // Three checks at 0.03: each alone is significant at 0.05, together none is.
        Assert.Equal([false, false, false], Holm.Reject([0.03, 0.03, 0.03], 0.05));
        Assert.Equal([true], Holm.Reject([0.03], 0.05));
    }

    [Fact]
    public void Paired_difference_bounds_contain_the_difference_and_shrink_with_agreement()
    {
        var mixed = new PairedDifference(Both: 10, CandidateOnly: 9, BaselineOnly: 2, Neither: 79);
        var bounds = mixed.BoundsAt(0.95);
        Assert.Equal(0.07, mixed.Difference, 1e-12);
        Assert.True(bounds.Lower < 0.07 && bounds.Upper > 0.07);

        // The same margins with fully concordant pairs: no discordance, a much tighter interval.
        var same = new PairedDifference(Both: 19, CandidateOnly: 0, BaselineOnly: 0, Neither: 81);
        var tight = same.BoundsAt(0.95);
        Assert.Equal(0, same.Difference);
        Assert.True(tight.Upper - tight.Lower < bounds.Upper - bounds.Lower);
    }

    [Fact]
    public void Paired_difference_bounds_cover_the_true_difference_at_the_nominal_rate()
    {
        // A seeded simulation: baseline wrong 10%, candidate wrong 13%, correlated. Each one-sided
        // 95% bound should miss the true difference 0.03 in about 5% of samples.
        var random = new Random(12345);
        int lowerMisses = 0, upperMisses = 0;
        const int Trials = 2000;
        for (var trial = 0; trial < Trials; trial++)
        {
            long both = 0, candidateOnly = 0, baselineOnly = 0, neither = 0;
            for (var i = 0; i < 300; i++)
            {
                var u = random.NextDouble();
                if (u < 0.08) { both++; }
                else if (u < 0.13) { candidateOnly++; }
                else if (u < 0.15) { baselineOnly++; }
                else { neither++; }
            }

            var b = new PairedDifference(both, candidateOnly, baselineOnly, neither).BoundsAt(0.95);
            lowerMisses += b.Lower > 0.03 ? 1 : 0;
            upperMisses += b.Upper < 0.03 ? 1 : 0;
        }

        Assert.InRange(lowerMisses / (double)Trials, 0.02, 0.075);
        Assert.InRange(upperMisses / (double)Trials, 0.02, 0.075);
    }

    [Fact]
    public void The_complement_table_flips_the_difference()
    {
        var wrong = new PairedDifference(5, 7, 2, 86);
        Assert.Equal(-wrong.Difference, wrong.Complement.Difference, 1e-12);
    }
}
