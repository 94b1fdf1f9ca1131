using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>Turns label values into positive or negative, rejecting any value the config does not list.</summary>
public sealed class LabelMatcher(LabelSettings settings)
{

    private readonly string[] _positiveValues = [.. settings.Positive];
    private readonly string[] _negativeValues = [.. settings.Negative];

    /// <summary>True for a positive value, false for a negative one, null for a value in neither list.</summary>
    public bool? Classify(string value) => Classify(value.AsSpan());

    /// <summary>Classifies without allocating: this runs once per row.</summary>
    public bool? Classify(ReadOnlySpan<char> value)
    {
        var text = value.Trim();
        foreach (var positive in _positiveValues)
        {
            if (text.Equals(positive, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var negative in _negativeValues)
        {
            if (text.Equals(negative, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return null;
    }

    public bool IsPositive(ReadOnlySpan<char> value, DataFile file, long row) =>
        Classify(value) ?? throw new DataException(
            ErrorCodes.DataBadLabel,
            $"Row {row + 1} has label '{value.Trim().ToString()}' in column '{settings.Column}', which is neither positive ({string.Join(", ", settings.Positive)}) nor negative ({string.Join(", ", settings.Negative)}).",
            file.RowLocation(row),
            "List it under 'label.positive' or 'label.negative'.");
}
