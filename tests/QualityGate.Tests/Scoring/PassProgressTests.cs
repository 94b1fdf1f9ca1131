using System.Text;
using QualityGate.Data;
using QualityGate.Scoring;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>Progress says how many rows a file has before the pass has read them: its size over its first rows' length.</summary>
public sealed class PassProgressTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_row_estimate_of_a_file_and_of_a_folder_of_parts_is_within_a_few_percent()
    {
        var random = new Random(3);
        string Rows(int count)
        {
            var text = new StringBuilder("Label,x,y\n");
            for (var i = 0; i < count; i++)
            {
                text.Append(random.Next(2)).Append(',').Append(random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(",abc\n");
            }

            return text.ToString();
        }

        var single = DataFile.Open(_directory.Write("heldout.csv", Rows(50_000)), "heldout.csv", null, new Errors.SourceLocation("q.yml", 1, 1));
        Assert.InRange(PassProgress.EstimateRows(single), 47_500, 52_500);

        Directory.CreateDirectory(_directory.File("parts"));
        foreach (var part in new[] { "part-0.csv", "part-1.csv", "part-2.csv" })
        {
            File.WriteAllText(Path.Combine(_directory.File("parts"), part), Rows(20_000));
        }

        var parts = DataFile.Open(_directory.File("parts"), "parts", null, new Errors.SourceLocation("q.yml", 1, 1));
        Assert.InRange(PassProgress.EstimateRows(parts), 57_000, 63_000);
    }
}
