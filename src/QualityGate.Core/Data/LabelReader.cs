using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Data;

/// <summary>Turns label values into positive or negative, rejecting any value the config does not list.</summary>
public sealed class LabelReader(LabelSettings settings)
{
    private readonly HashSet<string> _positive = new(settings.Positive, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _negative = new(settings.Negative, StringComparer.OrdinalIgnoreCase);

    public bool IsPositive(ReadOnlySpan<char> value, DataFile file, long row)
    {
        var text = value.Trim().ToString();
        if (_positive.Contains(text))
        {
            return true;
        }

        if (_negative.Contains(text))
        {
            return false;
        }

        throw new DataException(
            ErrorCodes.DataBadLabel,
            $"Row {row + 1} has label '{text}' in column '{settings.Column}', which is neither positive ({string.Join(", ", settings.Positive)}) nor negative ({string.Join(", ", settings.Negative)}).",
            file.RowLocation(row),
            "List it under 'label.positive' or 'label.negative'.");
    }
}
