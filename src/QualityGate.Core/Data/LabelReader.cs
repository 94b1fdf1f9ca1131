using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>Turns label values into positive or negative, rejecting any value the config does not list.</summary>
public sealed class LabelReader(LabelSettings settings)
{
    private readonly HashSet<string> _positive = new(settings.Positive, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _negative = new(settings.Negative, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a positive value, false for a negative one, null for a value in neither list.</summary>
    public bool? Classify(string value)
    {
        var text = value.Trim();
        return _positive.Contains(text) ? true : _negative.Contains(text) ? false : null;
    }

    public bool IsPositive(ReadOnlySpan<char> value, DataFile file, long row)
    {
        var text = value.Trim().ToString();
        return Classify(text) ?? throw new DataException(
            ErrorCodes.DataBadLabel,
            $"Row {row + 1} has label '{text}' in column '{settings.Column}', which is neither positive ({string.Join(", ", settings.Positive)}) nor negative ({string.Join(", ", settings.Negative)}).",
            file.RowLocation(row),
            "List it under 'label.positive' or 'label.negative'.");
    }
}
