using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace QualityGate.Tests.Support;

/// <summary>
/// Spambase's emails as text again, for the text models a team ships. Spambase keeps, for 48
/// words, the percentage of an email's words that are that word; each row is written back as
/// those words, as many times as the percentage says of an email whose rarest listed word occurs
/// once (at most 300 words), in an order shuffled by the row's number. The words are real mail's
/// words in real proportions; the sentences around them are gone, which a bag-of-words model does
/// not see anyway.
/// </summary>
public static class SpambaseText
{
    /// <summary>The spam words the first 48 Spambase columns count, as they appear in mail ('num3d' is '3d').</summary>
    private const int WordColumns = 48;

    /// <param name="extraWords">Words to add to a row, given its number and whether it is spam: a planted cause.</param>
    public static void Write(string spambaseCsv, string output, Func<int, bool, string?>? extraWords = null)
    {
        var lines = File.ReadLines(spambaseCsv).ToList();
        var words = lines[0].Split(',')[1..(WordColumns + 1)].Select(c => c.StartsWith("num", StringComparison.Ordinal) ? c[3..] : c).ToArray();
        using var writer = new StreamWriter(output) { NewLine = "\n" };
        writer.WriteLine("Label,Text");
        for (var row = 1; row < lines.Count; row++)
        {
            var fields = lines[row].Split(',');
            var spam = fields[0] == "1";
            var shares = fields[1..(WordColumns + 1)].Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var rarest = shares.Where(s => s > 0).DefaultIfEmpty(100).Min();
            var length = Math.Clamp(100 / rarest, 1, 300);
            var bag = new List<string>();
            for (var w = 0; w < words.Length; w++)
            {
                var count = shares[w] > 0 ? Math.Max(1, (int)Math.Round(shares[w] * length / 100)) : 0;
                bag.AddRange(Enumerable.Repeat(words[w], count));
            }

            if (extraWords?.Invoke(row, spam) is { } extra)
            {
                bag.AddRange(extra.Split(' '));
            }

            var random = new Random(row);
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bag));
            writer.WriteLine($"{fields[0]},{string.Join(' ', bag)}");
        }
    }

    /// <summary>A bag-of-words model as Model Builder makes one: FeaturizeText, then a logistic regression, saved with its input schema.</summary>
    public static void Train(string trainCsv, string modelPath)
    {
        var context = new MLContext(seed: 1);
        var loader = context.Data.CreateTextLoader([new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Text", DataKind.String, 1)], ',', hasHeader: true);
        var train = loader.Load(trainCsv);
        var pipeline = context.Transforms.Text.FeaturizeText("Features", "Text")
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression());
        context.Model.Save(pipeline.Fit(train), train.Schema, modelPath);
    }
}
