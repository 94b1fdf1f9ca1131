namespace QualityGate.Tests.Statistics;

/// <summary>
/// Known answers from reference implementations, produced by tests/reference/reference_values.py
/// (output kept in tests/reference/reference_values.txt) with Debian 12's scikit-learn 1.2.1,
/// SciPy 1.10.1, statsmodels 0.13.5 and R pROC 1.18.0.
/// </summary>
internal static class ReferenceValues
{
    public static readonly double[] Scores =
    [
        0.05, 0.1, 0.12, 0.2, 0.2, 0.3, 0.35, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.6, 0.62,
        0.7, 0.72, 0.8, 0.8, 0.85, 0.9, 0.9, 0.95, 0.97, 0.99,
    ];

    public static readonly int[] Labels = [0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1];

    // sklearn.metrics.roc_auc_score
    public const double Auc = 0.7628205128205128;

    // sklearn.metrics.average_precision_score
    public const double AveragePrecision = 0.730054083343557;

    // sklearn.metrics.log_loss
    public const double LogLoss = 0.634527274383612;

    // sklearn.metrics.f1_score at score >= 0.5
    public const double F1AtHalf = 0.7407407407407408;

    // max tpr over sklearn.metrics.roc_curve points with fpr <= x
    public const double TprAtFpr10 = 0.4166666666666667;
    public const double TprAtFpr25 = 0.6666666666666666;

    // R pROC: var(roc(labels, scores), method = "delong")
    public const double DeLongVariance = 0.009849792301715378;

    /// <summary>statsmodels proportion_confint(k, n, alpha = 2(1 - c), method): one-sided bounds at c.</summary>
    public static readonly (long K, long N, double Confidence, double WilsonLower, double WilsonUpper, double ExactLower, double ExactUpper)[] Proportions =
    [
        (0, 20, 0.95, 0.0, 0.11915783736096448, 0, 0.13910834066826516),
        (2, 20, 0.95, 0.03366322356190474, 0.2616630463268669, 0.01806520308541864, 0.28261852488586087),
        (20, 858, 0.95, 0.016217172840616297, 0.03339973015121747, 0.015500474784594757, 0.03369260081954891),
        (482, 522, 0.95, 0.9019634291506979, 0.940413796541161, 0.9014159774557692, 0.9416528665103707),
        (10, 54, 0.9, 0.12709677170038397, 0.2618581325902787, 0.1183991150128757, 0.2708886452911289),
        (54, 54, 0.99, 0.9089089064928797, 1.0, 0.9182542835656285, 1),
    ];
}
