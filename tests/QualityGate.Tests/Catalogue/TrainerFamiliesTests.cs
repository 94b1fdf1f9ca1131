using QualityGate.Errors;
using QualityGate.Tests.Scoring;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>
/// The trainers a team ships besides FastTree and linear models, each gated end to end by the
/// real program as a user runs it: init proposes a config, check mines the mistakes into the
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

    private QgateProcess.Result Succeeds(params string[] args)
    {
        var run = QgateProcess.Run(_directory.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, args);
        Assert.True(run.ExitCode == ExitCodes.Passed, $"qgate {string.Join(' ', args)} exited {run.ExitCode}:\n{run.All}");
        return run;
    }
}
