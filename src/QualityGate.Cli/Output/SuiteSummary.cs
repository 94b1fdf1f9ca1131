using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Cli.Output;

/// <summary>The suite in words: its size, the items the candidate fixes and breaks, and what mining added, quarantined and evicted.</summary>
internal static class SuiteSummary
{
    public static void Write(TextWriter output, ResultDocument result)
    {
        if (result.Suite is not { } suite)
        {
            return;
        }

        output.WriteLine($"Suite      {suite.Path}: {suite.Active} active, {suite.Quarantined} quarantined, {suite.Rejected} rejected");
        if (suite.Fixed.Count > 0 || suite.Broken.Count > 0)
        {
            output.WriteLine($"           against the baseline: {suite.Fixed.Count} fixed, {suite.Broken.Count} broken");
            foreach (var item in suite.Broken.Take(10))
            {
                output.WriteLine($"           broken  {item.Id} ({(item.Positive ? "positive" : "negative")}, now scored {Format.Number(item.Score)})");
            }
        }

        if (suite.Mining is not { } mining)
        {
            return;
        }

        var quarantined = mining.Added.Where(i => i.Status == "quarantined").ToList();
        output.WriteLine($"Mining     {mining.Candidates} candidate rows, {mining.AlreadyInSuite} already in the suite; added {mining.Added.Count - quarantined.Count} active, {quarantined.Count} quarantined; evicted {mining.Evicted.Count}");
        foreach (var item in quarantined.Take(10))
        {
            output.WriteLine($"           quarantined  {item.Id}: {item.Reason}");
        }

        if (quarantined.Count > 0)
        {
            output.WriteLine("           review them with 'qgate suite list', then 'qgate suite accept ID' or 'qgate suite reject ID'");
        }

        if (suite.Proposed.Count > 0)
        {
            // A pin is a person's promise that this mistake must never come back: qgate only proposes.
            output.WriteLine($"Pin?       {suite.Proposed.Count} item(s) were mistakes when mined and this model gets them clearly right; pin the confirmed ones:");
            output.WriteLine($"           qgate suite pin {string.Join(' ', suite.Proposed.Take(10))}{(suite.Proposed.Count > 10 ? " …" : string.Empty)}");
        }
    }
}
