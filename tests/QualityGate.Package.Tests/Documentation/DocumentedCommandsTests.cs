using System.Text.Json;

namespace QualityGate.Package.Tests.Documentation;

/// <summary>
/// What the README and the pages under docs/ tell a user to type works as written, on a project
/// that consumes the packed packages and carries the spam sample: every shell block, the
/// README's config and the output it shows, and each CI pipeline run the way its runner would.
/// </summary>
[Collection(PackagedFeedGroup.Name)]
public sealed class DocumentedCommandsTests(PackagedFeed feed)
{
    /// <summary>Every document with a shell block a user runs in their own project.</summary>
    public static TheoryData<string> DocumentsWithCommands() =>
        [.. MarkdownBlocks.Documents().Where(d => MarkdownBlocks.Shell(d).Any(b => !b.RunByCi))];

    [Theory]
    [MemberData(nameof(DocumentsWithCommands))]
    public void Each_shell_block_runs_as_written_in_order(string document)
    {
        using var project = new ConsumerProject(feed);
        var blocks = MarkdownBlocks.Shell(document).Where(b => !b.RunByCi).ToList();
        if (document != "README.md")
        {
            // The other pages start where the README's Install section leaves a user.
            blocks.Insert(0, InstallBlock());
        }

        foreach (var block in blocks)
        {
            var run = project.Shell(block.Text);
            Assert.True(run.ExitCode == 0, $"{block} exited {run.ExitCode}:\n{block.Text}\n---\n{run.Output}");
        }
    }

    [Fact]
    public void The_blocks_that_need_the_repository_are_run_by_ci()
    {
        var ci = File.ReadAllText(Path.Combine(PackagedFeed.RepositoryRoot, ".ci", "run"));
        var blocks = MarkdownBlocks.Documents().SelectMany(MarkdownBlocks.Shell).Where(b => b.RunByCi).ToList();
        Assert.NotEmpty(blocks);
        foreach (var command in blocks.SelectMany(b => b.Commands))
        {
            Assert.True(ci.Contains(command, StringComparison.Ordinal), $"README's '{command}' is not run by .ci/run.");
        }
    }

    [Fact]
    public void The_readme_config_prints_what_the_readme_shows_and_fails_the_weak_model_at_the_lines_it_shows()
    {
        using var project = new ConsumerProject(feed);
        project.InstallTool();
        File.WriteAllText(project.ConfigPath, MarkdownBlocks.Yaml("README.md", "version: 1").Text + "\n");
        var outputs = MarkdownBlocks.Read("README.md").Where(b => b.Language.Length == 0).ToList();

        var passed = project.Run("qgate", "check");
        Assert.True(passed.ExitCode == 0, passed.Output);
        AssertShowsEveryLine(outputs.Single(b => b.Text.Contains("Gate PASSED", StringComparison.Ordinal)), passed.Output);

        var failed = project.Run("qgate", "check", "--model", "model/spam-weak.zip");
        Assert.True(failed.ExitCode == 1, failed.Output);
        AssertShowsEveryLine(outputs.Single(b => b.Text.Contains("Gate FAILED", StringComparison.Ordinal)), failed.Output);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/ci.md")]
    public void The_github_workflow_passes_the_unchanged_model_and_annotates_a_worse_one_at_its_yaml_line(string document)
    {
        using var project = new ConsumerProject(feed);
        project.InstallTool();
        var steps = CiPipelines.GitHubSteps(MarkdownBlocks.Yaml(document, "# .github/workflows/model-gate.yml").Text, "gate");
        var summary = Path.Combine(project.Root, "step-summary.md");
        var uploaded = new List<string>();
        PipelineRun Run() => CiPipelines.Run(
            steps,
            script => project.Shell(script, new Dictionary<string, string> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }),
            (action, inputs) => GitHubAction(project, action, inputs, uploaded));

        var unchanged = Run();
        Assert.True(unchanged.Succeeded, unchanged.Log);
        Assert.Contains("QualityGate passed", File.ReadAllText(summary), StringComparison.Ordinal);

        // The pull request makes the model worse.
        project.ReplaceModelWithTheWeakOne();
        File.Delete(summary);
        var worse = Run();
        Assert.False(worse.Succeeded, worse.Log);
        Assert.Contains($"::error file=qualitygate.yml,line={project.LineOf("fpr: { max: 0.04")},col=5,title=QG1001::heldout fpr broke its limit", worse.Log, StringComparison.Ordinal);
        Assert.Contains("QualityGate failed", File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.Equal(2, uploaded.Count);
        Assert.All(uploaded, path => Assert.True(File.Exists(Path.Combine(project.ProjectDirectory, path, "qualitygate-junit.xml")), path));
    }

    [Fact]
    public void The_azure_release_gate_fails_the_build_on_a_worse_model_and_still_publishes_the_junit_results()
    {
        using var project = new ConsumerProject(feed);
        // The release config is the sample's, so its lines are the sample config's.
        File.Copy(project.ConfigPath, Path.Combine(project.ProjectDirectory, "release.yml"));
        project.ReplaceModelWithTheWeakOne();
        var staging = Path.Combine(project.Root, "staging");
        var published = new List<string>();
        var run = CiPipelines.Run(
            CiPipelines.AzureSteps(MarkdownBlocks.Yaml("docs/ci.md", "# Azure Pipelines").Text),
            script => project.Shell(script, new Dictionary<string, string> { ["TF_BUILD"] = "True" }, directory: project.Root),
            (task, inputs) =>
            {
                switch (task)
                {
                    case "UseDotNet@2":
                        break; // The SDK is this machine's.
                    case "PublishTestResults@2":
                        Assert.Equal("JUnit", inputs["testResultsFormat"]);
                        published.Add(inputs["testResultsFiles"]);
                        break;
                    case "PublishPipelineArtifact@1":
                        published.Add(inputs["targetPath"]);
                        break;
                    default:
                        throw new InvalidOperationException($"The test does not know what task {task} does.");
                }
            },
            text => text.Replace("$(Build.ArtifactStagingDirectory)", staging, StringComparison.Ordinal));

        Assert.False(run.Succeeded, run.Log);
        Assert.Contains($"release.yml({project.LineOf("fpr: { max: 0.04")},5): error QG1001: heldout fpr broke its limit", run.Log, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(staging, "qualitygate", "qualitygate-junit.xml"), Path.Combine(staging, "qualitygate")], published);
        Assert.Contains("<failure", File.ReadAllText(published[0]), StringComparison.Ordinal);
        Assert.True(Directory.Exists(published[1]));
    }

    [Fact]
    public void The_gitlab_job_fails_a_worse_model_and_leaves_code_quality_findings_at_the_yaml_line()
    {
        using var project = new ConsumerProject(feed);
        project.InstallTool();
        project.ReplaceModelWithTheWeakOne();
        var (script, reports) = CiPipelines.GitLabJob(MarkdownBlocks.Yaml("docs/ci.md", "# .gitlab-ci.yml").Text, "model-gate");

        var run = CiPipelines.Run(script, line => project.Shell(line, new Dictionary<string, string> { ["CI"] = "true", ["GITLAB_CI"] = "true" }), (_, _) => { });

        Assert.False(run.Succeeded, run.Log);
        Assert.Contains("<failure", File.ReadAllText(Path.Combine(project.ProjectDirectory, reports["junit"])), StringComparison.Ordinal);
        using var findings = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.ProjectDirectory, reports["codequality"])));
        Assert.Contains(findings.RootElement.EnumerateArray(), finding =>
            finding.GetProperty("location").GetProperty("path").GetString() == "qualitygate.yml"
            && finding.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() == project.LineOf("fpr: { max: 0.04"));
    }

    [Fact]
    public void The_sharded_matrix_splits_the_sample_and_its_merge_passes_the_unchanged_model()
    {
        using var project = new ConsumerProject(feed);
        project.InstallTool();
        foreach (var block in MarkdownBlocks.Shell("docs/ci.md"))
        {
            var split = project.Shell(block.Text);
            Assert.True(split.ExitCode == 0, split.Output);
        }

        Assert.Equal(4, Directory.GetFiles(Path.Combine(project.ProjectDirectory, "data", "heldout-parts"), "*.csv").Length);
        var matrix = MarkdownBlocks.Yaml("docs/ci.md", "jobs:").Text;
        var uploaded = new List<string>();
        foreach (var shard in new[] { "1", "2", "3", "4" })
        {
            var job = CiPipelines.Run(
                CiPipelines.GitHubSteps(matrix, "shard"),
                script => project.Shell(script),
                (action, inputs) => GitHubAction(project, action, inputs, uploaded),
                text => text.Replace("${{ matrix.shard }}", shard, StringComparison.Ordinal));
            Assert.True(job.Succeeded, job.Log);
        }

        Assert.Equal(["partial-1.json", "partial-2.json", "partial-3.json", "partial-4.json"], uploaded);
        var gate = CiPipelines.Run(CiPipelines.GitHubSteps(matrix, "gate"), script => project.Shell(script), (action, inputs) => GitHubAction(project, action, inputs, uploaded));
        Assert.True(gate.Succeeded, gate.Log);
        Assert.Contains("Gate PASSED", gate.Log, StringComparison.Ordinal);
    }

    private static MarkdownBlock InstallBlock()
    {
        var install = MarkdownBlocks.Shell("README.md")[0];
        Assert.Contains("dotnet tool install QualityGate.Tool", install.Text, StringComparison.Ordinal);
        return install;
    }

    /// <summary>The GitHub actions the docs use, as the runner would leave the job: the consumer project is the checkout, the SDK is this machine's, and artifacts stay where they are.</summary>
    private static void GitHubAction(ConsumerProject project, string action, IReadOnlyDictionary<string, string> inputs, List<string> uploaded)
    {
        switch (action)
        {
            case "actions/checkout@v4":
            case "actions/setup-dotnet@v4":
            case "actions/download-artifact@v4":
                break;
            case "actions/upload-artifact@v4":
                var path = inputs["path"];
                Assert.True(File.Exists(Path.Combine(project.ProjectDirectory, path)) || Directory.Exists(Path.Combine(project.ProjectDirectory, path)), $"upload-artifact: {path} does not exist.");
                uploaded.Add(path);
                break;
            default:
                throw new InvalidOperationException($"The test does not know what {action} does.");
        }
    }

    private static void AssertShowsEveryLine(MarkdownBlock shown, string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToHashSet(StringComparer.Ordinal);
        foreach (var line in shown.Text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0))
        {
            Assert.True(lines.Contains(line), $"{shown} shows a line the gate does not print:\n{line}\n---\n{output}");
        }
    }
}
