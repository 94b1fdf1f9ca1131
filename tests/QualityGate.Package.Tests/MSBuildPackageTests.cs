namespace QualityGate.Package.Tests;

/// <summary><c>dotnet build</c> runs the gate through the real QualityGate.MSBuild package.</summary>
[Collection(PackagedFeedGroup.Name)]
public sealed class MSBuildPackageTests(PackagedFeed feed)
{
    [Fact]
    public void A_passing_gate_lets_the_build_pass()
    {
        using var project = new ConsumerProject(feed);
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("Gate PASSED", build.Output, StringComparison.Ordinal);

        // A passing gate is one line at normal verbosity; the tables are for failures.
        Assert.DoesNotContain("Threshold  0.5", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_limit_fails_the_build_with_an_error_at_its_yaml_line()
    {
        using var project = new ConsumerProject(feed);
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        var build = project.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"{project.ConfigPath}({project.LineOf("recall: { min: 0.97 }")},5): error QG1001: heldout recall broke its limit", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", build.Output, StringComparison.Ordinal);
        Assert.Contains("Threshold  0.5", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warn_only_turns_the_broken_limit_into_a_warning_and_the_build_succeeds()
    {
        using var project = new ConsumerProject(feed);
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        var build = project.Build("QualityGateWarnOnly=true");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains($"{project.ConfigPath}({project.LineOf("recall: { min: 0.97 }")},5): warning QG1001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_second_build_skips_the_gate_and_a_touched_model_runs_it_again()
    {
        using var project = new ConsumerProject(feed);
        Assert.Equal(0, project.Build().ExitCode);
        var second = project.Build();
        Assert.Contains("Skipping target \"QualityGate\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Gate PASSED", second.Output, StringComparison.Ordinal);

        File.SetLastWriteTimeUtc(Path.Combine(project.ProjectDirectory, "model", "spam.zip"), DateTime.UtcNow.AddSeconds(1));
        var third = project.Build();
        Assert.Contains("Gate PASSED", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_suite_mines_during_the_build()
    {
        using var project = new ConsumerProject(feed);
        File.Delete(project.SuitePath);
        project.EditConfig("  baseline: quality/baseline.json", "  baseline: quality/baseline.json\n  allow_missing: true");
        File.Delete(Path.Combine(project.ProjectDirectory, "quality", "baseline.json"));
        var build = project.Build("QualityGateUpdateSuite=true");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(project.SuitePath));
        Assert.Contains("added 26 active, 7 quarantined", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_config_is_a_QG2_error_and_a_missing_model_a_QG3_error()
    {
        using var broken = new ConsumerProject(feed);
        broken.EditConfig("threshold: 0.5", "treshold: 0.5");
        var config = broken.Build();
        Assert.NotEqual(0, config.ExitCode);
        Assert.Contains($"{broken.ConfigPath}({broken.LineOf("treshold")},1): error QG2002: Unknown key 'treshold'. Did you mean 'threshold'?", config.Output, StringComparison.Ordinal);

        using var missing = new ConsumerProject(feed);
        File.Delete(Path.Combine(missing.ProjectDirectory, "model", "spam.zip"));
        var model = missing.Build();
        Assert.NotEqual(0, model.ExitCode);
        Assert.Contains($"{missing.ConfigPath}({missing.LineOf("path: model/spam.zip")},9): error QG3007", model.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_targeted_project_runs_the_gate_once()
    {
        using var project = new ConsumerProject(feed, "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>");
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Single(build.Output.Split('\n'), line => line.Contains("Gate PASSED", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strict_build_after_a_warn_only_build_runs_the_gate_and_fails()
    {
        using var project = new ConsumerProject(feed);
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        Assert.Equal(0, project.Build("QualityGateWarnOnly=true").ExitCode);

        // A warn-only pass of a failing gate is no pass: nothing marks the gate up to date.
        var again = project.Build("QualityGateWarnOnly=true");
        Assert.Contains("warning QG1001", again.Output, StringComparison.Ordinal);

        var strict = project.Build();
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error QG1001: heldout recall broke its limit", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_property_that_changes_the_verdict_or_its_outputs_runs_the_gate_again()
    {
        using var project = new ConsumerProject(feed);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "qualitygate.release.yml"),
            File.ReadAllText(project.ConfigPath).Replace("recall: { min: 0.90 }", "recall: { min: 0.97 }", StringComparison.Ordinal));
        Assert.Equal(0, project.Build().ExitCode);
        Assert.Contains("Skipping target \"QualityGate\"", project.Build().Output, StringComparison.Ordinal);

        // Another config: the release config's stricter limit fails the build.
        var release = project.Build("Configuration=Release", "QualityGateConfig=qualitygate.release.yml");
        Assert.NotEqual(0, release.ExitCode);
        Assert.Contains("qualitygate.release.yml(", release.Output, StringComparison.Ordinal);

        // Another configuration, with the default config: runs, passes.
        Assert.Contains("Gate PASSED", project.Build("Configuration=Release").Output, StringComparison.Ordinal);
        Assert.Contains("Gate PASSED", project.Build().Output, StringComparison.Ordinal);

        // Another report folder: the result is written there, though nothing else changed.
        var reports = Path.Combine(project.Root, "reports");
        var moved = project.Build($"QualityGateReportDirectory={reports}");
        Assert.Contains("Gate PASSED", moved.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reports, "qualitygate-result.json")), moved.Output);

        // Suite updates during the build: runs again.
        Assert.Contains("Gate PASSED", project.Build($"QualityGateReportDirectory={reports}", "QualityGateUpdateSuite=true").Output, StringComparison.Ordinal);

        // Another qgate (an updated package writes a new one): runs again.
        Assert.Contains("Skipping target \"QualityGate\"", project.Build($"QualityGateReportDirectory={reports}", "QualityGateUpdateSuite=true").Output, StringComparison.Ordinal);
        var qgate = Path.Combine(feed.Cache, "qualitygate.msbuild", feed.Version.ToLowerInvariant(), "tools", "qgate", "qgate.dll");
        Assert.True(File.Exists(qgate), qgate);
        File.SetLastWriteTimeUtc(qgate, DateTime.UtcNow.AddSeconds(1));
        Assert.Contains("Gate PASSED", project.Build($"QualityGateReportDirectory={reports}", "QualityGateUpdateSuite=true").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Building_one_target_framework_of_a_multi_targeted_project_runs_the_gate()
    {
        using var project = new ConsumerProject(feed, "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>");
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        var build = project.BuildWith("-f", "net10.0");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error QG1001: heldout recall broke its limit", build.Output, StringComparison.Ordinal);
        Assert.Single(build.Output.Split('\n'), line => line.Contains("Gate FAILED", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabled_or_without_a_config_the_gate_does_not_run()
    {
        using var project = new ConsumerProject(feed);
        var disabled = project.Build("QualityGateEnabled=false");
        Assert.True(disabled.ExitCode == 0, disabled.Output);
        Assert.DoesNotContain("Gate PASSED", disabled.Output, StringComparison.Ordinal);

        File.Delete(project.ConfigPath);
        var noConfig = project.Build();
        Assert.True(noConfig.ExitCode == 0, noConfig.Output);
        Assert.DoesNotContain("Gate PASSED", noConfig.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_named_on_purpose_that_is_missing_fails_the_build_instead_of_skipping_the_gate()
    {
        using var project = new ConsumerProject(feed);
        var typo = project.Build("QualityGateConfig=qualitygate.release.yml");
        Assert.NotEqual(0, typo.ExitCode);
        Assert.Contains("error QG2006: QualityGateConfig names", typo.Output, StringComparison.Ordinal);
        Assert.Contains("qualitygate.release.yml', which does not exist", typo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Gate PASSED", typo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_a_custom_mapping_from_the_projects_own_code_is_gated_with_no_assembly_listed()
    {
        // The team's project defines the component (the same source the tests train with); a model
        // names the assembly its component came from, so the project builds under that name.
        using var project = new ConsumerProject(
            feed,
            targetFrameworks: "<TargetFramework>net10.0</TargetFramework><AssemblyName>QualityGate.CustomComponents</AssemblyName>",
            items: "<PackageReference Include=\"Microsoft.ML\" Version=\"5.0.1\" />");
        var component = File.ReadAllText(Path.Combine(PackagedFeed.RepositoryRoot, "tests", "QualityGate.CustomComponents", "CapitalShare.cs"));
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "CapitalShare.cs"), "using System;\n" + component);
        CustomMappingModel.Train(Path.Combine(project.ProjectDirectory, "data", "train.csv"), Path.Combine(project.ProjectDirectory, "model", "custom.zip"));
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "custom.yml"), """
            version: 1
            model: { path: model/custom.zip }
            label: { column: Label, positive: ["1"], negative: ["0"] }
            data: { heldout: data/heldout.csv }
            threshold: 0.5
            region: { quantile: 0.05 }
            limits: { heldout: { fpr: { max: 0.1 }, recall: { min: 0.8 } } }
            """);

        var build = project.Build("QualityGateConfig=custom.yml");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("Gate PASSED", build.Output, StringComparison.Ordinal);

        // Without the project's assembly the model cannot load, and the error says what it lacks.
        var without = project.Build("QualityGateConfig=custom.yml", "QualityGateLoadProjectAssembly=false");
        Assert.NotEqual(0, without.ExitCode);
        Assert.Contains("The model uses a component from the assembly 'QualityGate.CustomComponents'", without.Output, StringComparison.Ordinal);
    }
}
