using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Suite;

/// <summary>The whole loop through the real program: mine, review, bless, check a regressing candidate.</summary>
public sealed class SuiteLoopTests
{
    private static readonly Dictionary<string, string> FixedDate = new() { ["SOURCE_DATE_EPOCH"] = "1764460800" };

    [Fact]
    public void Mining_is_deterministic_and_a_second_run_changes_nothing()
    {
        using var first = new SampleCopy(withSuite: false, withBaseline: false);
        using var second = new SampleCopy(withSuite: false, withBaseline: false);
        var mined = QgateProcess.Run(first.Root, FixedDate, "mine");
        Assert.True(mined.ExitCode == ExitCodes.Passed, mined.All);
        Assert.Contains("33 candidate rows, 0 already in the suite; added 26 active, 7 quarantined", mined.StandardOutput, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(first.SuitePath);

        // Same inputs elsewhere: the same bytes.
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(second.Root, FixedDate, "mine").ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(second.SuitePath));

        // Converged: every candidate is in, so another run adds nothing and leaves the file alone.
        var again = QgateProcess.Run(first.Root, FixedDate, "mine");
        Assert.Contains("33 candidate rows, 33 already in the suite; added 0 active, 0 quarantined", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(first.SuitePath));
    }

    [Fact]
    public void A_suite_reordered_by_hand_is_scored_item_by_item_as_the_file_mining_wrote()
    {
        using var sample = new SampleCopy();
        var sorted = QgateProcess.Run(sample.Root, "check");
        Assert.True(sorted.ExitCode == ExitCodes.Passed, sorted.All);

        // The model's loader reads the items in the file's order, which is no longer the ids' order.
        var lines = File.ReadAllLines(sample.SuitePath);
        File.WriteAllLines(sample.SuitePath, [lines[0], .. lines.Skip(1).Reverse()]);
        var reordered = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(sorted.StandardOutput, reordered.StandardOutput);

        // An edited item is named at its line in the reordered file.
        var fields = File.ReadAllLines(sample.SuitePath)[2].Split(',');
        fields[1] = "9.99";
        var edited = File.ReadAllLines(sample.SuitePath);
        edited[2] = string.Join(',', fields);
        File.WriteAllLines(sample.SuitePath, edited);
        var broken = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, broken.ExitCode);
        Assert.Contains($"hard-negatives.csv(3): error", broken.All, StringComparison.Ordinal);
        Assert.Contains($"The fields of suite item {fields[^7]} were edited", broken.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_new_limits_each_run_and_the_hardest_go_first()
    {
        using var sample = new SampleCopy(withSuite: false, withBaseline: false);
        sample.EditConfig(yaml => yaml.Replace("max_new: 100", "max_new: 10", StringComparison.Ordinal));
        QgateProcess.Run(sample.Root, FixedDate, "mine");
        var firstScores = SuiteScores(sample.SuitePath);
        Assert.Equal(10, firstScores.Count);
        QgateProcess.Run(sample.Root, FixedDate, "mine");
        var all = SuiteScores(sample.SuitePath);
        Assert.Equal(20, all.Count);
        Assert.True(firstScores.Min() >= all.Except(firstScores).Max(), "the first run must take the hardest candidates");
    }

    [Fact]
    public void A_regressing_candidate_fails_on_the_regression_limit_the_paired_suite_check_and_its_pins()
    {
        using var sample = new SampleCopy();
        var good = QgateProcess.Run(sample.Root, "check");
        Assert.True(good.ExitCode == ExitCodes.Passed, good.All);

        var weak = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel);
        Assert.Equal(ExitCodes.GateFailed, weak.ExitCode);
        // The weak model re-breaks most of the mistakes the blessed model had fixed: clearly, not by a hair.
        Assert.Matches(@"qualitygate\.yml\(\d+,5\): error QG1003: regression suite\.error_rate broke its limit: error_rate 0\.2617 -> 0\.6822 on 107 paired examples \(57 newly counted, 12 no longer\)", weak.StandardOutput);
        Assert.Matches(@"error QG1003: regression suite\.pinned_regressed broke its limit: pinned_regressed = 3 of 3 pinned items wrong again", weak.StandardOutput);
        Assert.Contains("error QG1003: regression heldout.fpr broke its limit", weak.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("broken  ", weak.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Bless_then_check_passes_and_the_baseline_is_deterministic()
    {
        using var sample = new SampleCopy(withBaseline: false);
        var blessed = QgateProcess.Run(sample.Root, "bless");
        Assert.True(blessed.ExitCode == ExitCodes.Passed, blessed.All);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Sample, "quality", "baseline.json")), File.ReadAllBytes(sample.BaselinePath));
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "check").ExitCode);
    }

    [Fact]
    public void Bless_refuses_a_model_that_breaks_its_limits_unless_forced()
    {
        using var sample = new SampleCopy(withBaseline: false);
        sample.EditConfig(yaml => yaml.Replace("path: model/spam.zip", "path: model/spam-weak.zip", StringComparison.Ordinal));
        var refused = QgateProcess.Run(sample.Root, "bless");
        Assert.Equal(ExitCodes.GateFailed, refused.ExitCode);
        Assert.False(File.Exists(sample.BaselinePath));
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "bless", "--force").ExitCode);
        Assert.True(File.Exists(sample.BaselinePath));
    }

    [Fact]
    public void A_missing_baseline_is_an_error_unless_allowed()
    {
        using var sample = new SampleCopy(withBaseline: false);
        var missing = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, missing.ExitCode);
        Assert.Contains("error QG3014: The baseline 'quality/baseline.json' does not exist.", missing.StandardError, StringComparison.Ordinal);

        sample.EditConfig(yaml => yaml.Replace("  baseline: quality/baseline.json", "  baseline: quality/baseline.json\n  allow_missing: true", StringComparison.Ordinal));
        var allowed = QgateProcess.Run(sample.Root, "check");
        Assert.True(allowed.ExitCode == ExitCodes.Passed, allowed.All);
        Assert.Contains("regression checks were skipped", allowed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_blessed_under_other_settings_is_refused()
    {
        using var sample = new SampleCopy();
        sample.EditConfig(yaml => yaml.Replace("threshold: 0.5", "threshold: 0.6", StringComparison.Ordinal));
        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("blessed with other data-defining settings", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Loosening_a_limit_needs_no_new_bless()
    {
        using var sample = new SampleCopy();
        sample.EditConfig(yaml => yaml.Replace("recall: { min: 0.90 }", "recall: { min: 0.80 }", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "check").ExitCode);
    }

    [Fact]
    public void A_corrupt_baseline_names_the_file()
    {
        using var sample = new SampleCopy();
        File.WriteAllText(sample.BaselinePath, "{ \"schema\": \"qualitygate-baseline\", ");
        var result = QgateProcess.Run(sample.Root, "check");
        Assert.Equal(ExitCodes.ModelOrData, result.ExitCode);
        Assert.Contains("quality/baseline.json", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_accepts_and_rejects_quarantined_items_and_only_active_items_count()
    {
        using var sample = new SampleCopy();
        var listed = QgateProcess.Run(sample.Root, "suite", "list");
        var quarantined = listed.StandardOutput.Split('\n').Where(l => l.Contains(" quarantined ", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(5, quarantined.Count);
        Assert.Contains("likely mislabelled", listed.StandardOutput, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "suite", "accept", quarantined[0]).ExitCode);
        Assert.Equal(ExitCodes.Passed, QgateProcess.Run(sample.Root, "suite", "reject", quarantined[1], "--reason", "spam after all").ExitCode);
        var after = QgateProcess.Run(sample.Root, "suite", "list", "--all").StandardOutput;
        Assert.Contains($"{quarantined[0]}  active", after, StringComparison.Ordinal);
        Assert.Contains($"{quarantined[1]}  rejected     negative", after, StringComparison.Ordinal);
        Assert.Contains("spam after all", after, StringComparison.Ordinal);

        var unknown = QgateProcess.Run(sample.Root, "suite", "accept", "0000");
        Assert.Equal(ExitCodes.UsageOrConfiguration, unknown.ExitCode);

        // The accepted item now counts: 108 active items are scored.
        var check = QgateProcess.Run(sample.Root, "check");
        Assert.Contains("quality/hard-negatives.csv: 108 active, 3 quarantined, 2 rejected", check.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_blessed_model_at_hand_items_added_after_blessing_are_compared_too()
    {
        using var sample = new SampleCopy();
        var quarantined = QgateProcess.Run(sample.Root, "suite", "list").StandardOutput.Split('\n')
            .First(l => l.Contains(" quarantined ", StringComparison.Ordinal)).Split(' ')[0];
        QgateProcess.Run(sample.Root, "suite", "accept", quarantined);

        // The baseline recorded 107 items; the accepted one joins the comparison only when the blessed model can score it.
        var withoutModel = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel);
        Assert.Contains("error_rate 0.2617 -> 0.6822 on 107 paired examples", withoutModel.StandardOutput, StringComparison.Ordinal);

        sample.EditConfig(yaml => yaml.Replace("  baseline: quality/baseline.json", "  baseline: quality/baseline.json\n  baseline_model: model/spam.zip", StringComparison.Ordinal));
        var withModel = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel);
        Assert.Contains("on 108 paired examples", withModel.StandardOutput, StringComparison.Ordinal);
    }

    private static List<double> SuiteScores(string path)
    {
        using var reader = QualityGate.Data.CsvRecordReader.Open(path, ',');
        _ = reader.Read();
        var scores = new List<double>();
        while (reader.Read() is { } fields)
        {
            scores.Add(double.Parse(fields[^5], System.Globalization.CultureInfo.InvariantCulture));
        }

        return scores;
    }
}
