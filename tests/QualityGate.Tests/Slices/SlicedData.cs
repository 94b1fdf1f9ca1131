using System.Globalization;
using System.Text;

namespace QualityGate.Tests.Slices;

/// <summary>
/// Generated held-out data with a provider column: negatives score uniformly up to
/// <c>negativeTop</c> (so about (top - 0.5) / top of them are false positives at 0.5), positives
/// from 0.45 to 1. Each provider can have its own size and its own <c>negativeTop</c>.
/// </summary>
internal static class SlicedData
{
    public sealed record Provider(string Name, int Rows, double NegativeTop = 0.526);

    /// <summary>CSV text: id, Label, provider, Probability (and <c>candidate</c>, a second model's score, when given).</summary>
    public static string Write(int seed, IEnumerable<Provider> providers, Func<string, double, double, bool, double>? candidate = null)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,Label,provider,Probability" + (candidate is null ? "" : ",candidate") + "\n");
        var row = 0;
        foreach (var provider in providers)
        {
            for (var i = 0; i < provider.Rows; i++)
            {
                var positive = random.NextDouble() < 0.4;
                var score = positive ? 0.45 + (0.55 * random.NextDouble()) : provider.NegativeTop * random.NextDouble();
                var u = random.NextDouble();
                text.Append(CultureInfo.InvariantCulture, $"r{row++:D5},{(positive ? 1 : 0)},{provider.Name},{score:0.######}");
                if (candidate is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{candidate(provider.Name, score, u, positive):0.######}");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
