namespace QualityGate.Configuration;

/// <summary>
/// The data sets a limit or check can name, as the YAML, the JSON result and the reports spell
/// them. A slice of one is named <c>heldout[column=value]</c>.
/// </summary>
public static class DataSetNames
{
    public const string Heldout = "heldout";
    public const string Suite = "suite";

    /// <summary>Feedback is only mined, never measured.</summary>
    public const string Feedback = "feedback";

    public static readonly IReadOnlyList<string> Measured = [Heldout, Suite];
}
