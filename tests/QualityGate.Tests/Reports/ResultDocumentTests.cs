using QualityGate.Errors;
using QualityGate.Gate;
using QualityGate.Results;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Reports;

/// <summary>The result document is written and read by the same types: what a run wrote, any later reader sees.</summary>
public sealed class ResultDocumentTests
{
    [Fact]
    public void A_fresh_result_reads_back_and_writes_again_to_the_same_bytes()
    {
        using var sample = new SampleCopy();
        var check = QgateProcess.Run(sample.Root, "check", "--model", sample.WeakModel, "--format", "json");
        Assert.True(check.ExitCode == ExitCodes.GateFailed, check.All);
        var bytes = File.ReadAllBytes(Directory.GetFiles(sample.Root, "qualitygate-result.json", SearchOption.AllDirectories).Single());
        var document = ResultJson.Read(bytes, "result.json");
        Assert.Equal(bytes, ResultJson.Serialize(document));
        Assert.Contains(document.Limits, l => l.Verdict == Verdict.Failed && l.Severity == Severity.Error);
    }

    [Fact]
    public void A_result_of_an_older_qgate_gets_each_findings_severity_from_its_verdict()
    {
        var document = ReportTests.Load("failing-result.json");
        Assert.All(document.Limits, l => Assert.Equal(l.Verdict == Verdict.Passed ? Severity.None : Severity.Error, l.Severity));
        Assert.Contains(document.Regression.Checks, c => c.Severity == Severity.Error);
    }

    [Fact]
    public void A_json_file_that_is_no_result_is_refused_naming_the_file()
    {
        var error = Assert.Throws<DataException>(() => ResultJson.Read("{ \"schema\": \"qualitygate-baseline\", \"schemaVersion\": 1 }"u8.ToArray(), "quality/baseline.json"));
        Assert.Contains("'quality/baseline.json' is not a QualityGate result", error.Message, StringComparison.Ordinal);
        var cut = Assert.Throws<DataException>(() => ResultJson.Read("{ \"schema\": \"qualitygate-result\", \"schemaVersion\": 1 }"u8.ToArray(), "r.json"));
        Assert.Contains("it has no 'model'", cut.Message, StringComparison.Ordinal);
        var newer = Assert.Throws<DataException>(() => ResultJson.Read("{ \"schema\": \"qualitygate-result\", \"schemaVersion\": 2 }"u8.ToArray(), "r.json"));
        Assert.Contains("written by a newer qgate", newer.Message, StringComparison.Ordinal);
    }
}
