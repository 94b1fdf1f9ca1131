using QualityGate.Errors;
using QualityGate.Tests.Scoring;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>
/// The trainers a team ships besides FastTree and linear models, and a text pipeline as Model
/// Builder makes one, each gated end to end by the real program as a user runs it: init proposes a config, check mines the mistakes into the
/// suite, bless records the baseline, the next check passes against it, and explain runs.
/// </summary>
public sealed class TrainerFamiliesTests(FastPathTests.VectorModels models) : IClassFixture<FastPathTests.VectorModels>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("LightGbm")]
    [InlineData("FastForest")]
    [InlineData("Gam")]
    public void A_model_of_the_family_goes_through_init_check_mine_bless_and_explain(string trainer)
    {
        File.Copy(models.Path(trainer), _directory.File("model.zip"));
        File.Copy(RepositoryPaths.SpambaseHeldout, _directory.File("heldout.csv"));

        Succeeds("init", "--model", "model.zip", "--data", "heldout.csv", "--label", "Label", "-o", "qualitygate.yml");
        var mined = Succeeds("check", "-c", "qualitygate.yml", "--update-suite");
        var suite = File.ReadAllLines(_directory.File(Path.Combine("quality", "hard-negatives.csv")));
        Assert.True(suite.Length > 1, mined.All);

        Succeeds("bless", "-c", "qualitygate.yml", "--force");
        // Against its own baseline the model fails nothing; with a suite this small, some checks cannot decide yet.
        var check = Succeeds("check", "-c", "qualitygate.yml");
        Assert.Matches("Gate (PASSED|INCONCLUSIVE)", check.StandardOutput);

        var explain = Succeeds("explain", "-c", "qualitygate.yml");
        Assert.Matches(@"top \d+ of 57 features", explain.StandardOutput);
    }

    [Fact]
    public void A_text_model_goes_through_init_check_mine_bless_and_explain_and_explain_compares_its_words()
    {
        SpambaseText.Write(RepositoryPaths.SpambaseTrain, _directory.File("train.csv"));
        SpambaseText.Write(RepositoryPaths.SpambaseHeldout, _directory.File("heldout.csv"));
        SpambaseText.Train(_directory.File("train.csv"), _directory.File("model.zip"));

        Succeeds("init", "--model", "model.zip", "--data", "heldout.csv", "--label", "Label", "-o", "qualitygate.yml");
        var mined = Succeeds("check", "-c", "qualitygate.yml", "--update-suite");
        Assert.True(File.ReadAllLines(_directory.File(Path.Combine("quality", "hard-negatives.csv"))).Length > 1, mined.All);
        Succeeds("bless", "-c", "qualitygate.yml", "--force");
        var check = Succeeds("check", "-c", "qualitygate.yml");
        Assert.Matches("Gate (PASSED|INCONCLUSIVE)", check.StandardOutput);

        // Its one column is text: compared word by word, and each leading word taken out of the close calls.
        var explain = Succeeds("explain", "-c", "qualitygate.yml");
        Assert.Matches(@"top 10 of \d+ features", explain.StandardOutput);
        Assert.Matches(@"\n  Text: ""\w+""\s+\d", explain.StandardOutput);
        Assert.Contains("'Text' is text", explain.All, StringComparison.Ordinal);
        Assert.DoesNotContain("its own loader", explain.All, StringComparison.Ordinal);
    }

    private QgateProcess.Result Succeeds(params string[] args)
    {
        var run = QgateProcess.Run(_directory.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, args);
        Assert.True(run.ExitCode == ExitCodes.Passed, $"qgate {string.Join(' ', args)} exited {run.ExitCode}:\n{run.All}");
        return run;
    }
}
