using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Gate;
using QualityGate.Init;

namespace QualityGate.NoChange;

/// <summary>
/// The README's loop, in process, through the same engine the CLI calls: init writes a config
/// measured on the blessed model, mine fills the suite from held-out and feedback data, bless
/// writes the baseline, check gates a candidate.
/// </summary>
public sealed class ReadmeLoop(string directory)
{
    public string ConfigPath => Path.Combine(directory, "qualitygate.yml");

    /// <param name="model">The blessed model, or null for precomputed scores in the data.</param>
    /// <param name="feedback">Field data to mine from besides the held-out set.</param>
    public string Init(string? model, string heldout, string label, string feedback)
    {
        var yaml = ConfigProposer.Propose(new InitOptions(model, heldout, label, ConfigPath, null, null, null));

        // As the README says: list field data under feedback, and the baseline becomes required once blessed.
        yaml = yaml.Replace("  suite: quality/hard-negatives.csv\n", $"  suite: quality/hard-negatives.csv\n  feedback: [\"{Path.GetRelativePath(directory, feedback)}\"]\n", StringComparison.Ordinal)
            .Replace("  allow_missing: true\n", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(ConfigPath, yaml);
        return yaml;
    }

    public GateResult Mine() => Verbs.Mine.Run(Load());

    /// <param name="heldout">With precomputed scores: the blessed model's scored copy of the held-out set, if not the config's.</param>
    /// <param name="suiteScores">With precomputed scores: the blessed model's scores of the suite items.</param>
    public void Bless(string? heldout = null, string? suiteScores = null)
    {
        var config = WithSuiteScores(Load(), suiteScores);
        if (heldout is not null)
        {
            config = config with { Data = config.Data with { Heldout = Path.GetFullPath(heldout) } };
        }

        var result = Verbs.Bless.Evaluate(config);
        BaselineStore.Write(config.Regression!.Baseline, BaselineBuilder.Build(result));
    }

    /// <summary>Gates a candidate: another model, or (precomputed scores) another scored copy of the held-out set and the suite.</summary>
    public GateResult Check(string? model = null, string? heldout = null, string? suiteScores = null)
    {
        var config = Load();
        if (model is not null)
        {
            config = config with { Model = config.Model with { Path = Path.GetFullPath(model) } };
        }

        if (heldout is not null)
        {
            config = config with { Data = config.Data with { Heldout = Path.GetFullPath(heldout) } };
        }

        return Verbs.Check.Run(WithSuiteScores(config, suiteScores));
    }

    private static GateConfig WithSuiteScores(GateConfig config, string? suiteScores) =>
        suiteScores is null ? config : config with { Data = config.Data with { SuiteScores = new DataSource(Path.GetFullPath(suiteScores), config.Data.SuiteLocation ?? config.Data.HeldoutLocation) } };

    private GateConfig Load() => ConfigLoader.Load(ConfigPath);
}
