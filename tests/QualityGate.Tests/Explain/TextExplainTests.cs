using QualityGate.Configuration;
using QualityGate.Explain;
using QualityGate.Tests.Support;
using Xunit.Abstractions;

namespace QualityGate.Tests.Explain;

/// <summary>
/// Explain on a text model (FeaturizeText and a logistic regression, trained on Spambase's mail
/// as words): a word planted in the spam it was trained on and in some legitimate held-out mail
/// is the cause of those hard negatives, known in advance. The comparison must rank that word
/// first, and taking it out of the close calls must move their scores more than any other word.
/// </summary>
public sealed class TextExplainTests(ITestOutputHelper output) : IDisposable
{
    private const string Planted = "unsubscribe";
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_planted_word_is_ranked_first_by_the_comparison_and_by_the_region_importance()
    {
        // In 40% of the spam the model learns from, and in one legitimate held-out mail in six.
        SpambaseText.Write(RepositoryPaths.SpambaseTrain, _directory.File("train.csv"), (row, spam) => spam && row % 5 < 2 ? Planted : null);
        SpambaseText.Write(RepositoryPaths.SpambaseHeldout, _directory.File("heldout.csv"), (row, spam) => (spam ? row % 5 < 2 : row % 6 == 0) ? Planted : null);
        SpambaseText.Train(_directory.File("train.csv"), _directory.File("model.zip"));
        var config = _directory.Write("qualitygate.yml", """
            version: 1
            model: { path: model.zip }
            label: Label
            data: { heldout: heldout.csv }
            threshold: 0.5
            region: { width: 0.2 }
            mining: { margin: 0.1 }
            reports: { directory: reports }
            """);

        var explanation = Verbs.Explain.Run(ConfigLoader.Load(config)).Explanation!;
        var words = explanation.Importance!.Where(i => i.Group.Word is not null).ToList();
        output.WriteLine(string.Join(", ", explanation.Features.Take(4).Select(f => $"{f.Feature.Name} {f.Pull:0.00}")));
        output.WriteLine(string.Join(", ", words.Take(4).Select(i => $"{i.Group.Name} {i.ScoreChange:0.000}")));

        Assert.True(explanation.Groups[0].Heldout >= 30, $"only {explanation.Groups[0].Heldout} hard negatives");
        Assert.Equal(new Word("Text", Planted), explanation.Features[0].Feature.Word);
        Assert.Equal("Text: \"unsubscribe\"", explanation.Features[0].Feature.Name);
        Assert.True(explanation.Features[1].Pull < explanation.Features[0].Pull * 0.8, $"runner-up {explanation.Features[1].Feature.Name} pulls {explanation.Features[1].Pull}");

        // The hard negatives hold it far more often than the easy ones: its mean is the share holding it.
        var planted = explanation.Features[0];
        Assert.True(planted.Hard.Mean > 3 * planted.Easy.Mean, $"hard {planted.Hard.Mean}, easy {planted.Easy.Mean}");

        Assert.Equal(Planted, words[0].Group.Word!.Text);
        Assert.True(words[1].ScoreChange < words[0].ScoreChange * 0.9, $"runner-up {words[1].Group.Name} changes scores by {words[1].ScoreChange}");
        Assert.Contains(explanation.Notes, n => n.StartsWith("'Text' is text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Click here, click HERE now!", "click", " here,  HERE now!")]
    [InlineData("Click here, click HERE now!", "click here", " ,   now!")]
    [InlineData("free-for-all freedom", "free", "-for-all freedom")]
    public void A_word_is_taken_out_exactly_where_the_tokenizer_finds_it(string text, string word, string expected)
    {
        Assert.Contains(word, TextTokens.Of(text));
        Assert.Equal(expected, TextTokens.Without(text, word));
        Assert.DoesNotContain(word, TextTokens.Of(TextTokens.Without(text, word)));
    }
}
