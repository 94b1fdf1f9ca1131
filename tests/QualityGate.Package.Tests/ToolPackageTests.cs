namespace QualityGate.Package.Tests;

/// <summary>The QualityGate.Tool package, installed from the local feed into a tool manifest.</summary>
[Collection(PackagedFeedGroup.Name)]
public sealed class ToolPackageTests(PackagedFeed feed)
{
    [Fact]
    public void The_tool_from_a_local_manifest_gates_the_sample()
    {
        using var project = new ConsumerProject(feed);
        Assert.Equal(0, project.Run("new", "tool-manifest").ExitCode);
        var install = project.Run("tool", "install", "QualityGate.Tool", "--version", feed.Version);
        Assert.True(install.ExitCode == 0, install.Output);

        var check = project.Run("qgate", "check", "-c", "qualitygate.yml");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("Gate PASSED", check.Output, StringComparison.Ordinal);

        var weak = project.Run("qgate", "check", "--model", "model/spam-weak.zip");
        Assert.Equal(1, weak.ExitCode);
    }

    [Fact]
    public void The_tool_rolls_forward_to_newer_runtimes_and_the_packages_carry_the_license()
    {
        using var tool = System.IO.Compression.ZipFile.OpenRead(feed.Package("QualityGate.Tool"));
        var config = tool.Entries.Single(e => e.FullName.EndsWith("qgate.runtimeconfig.json", StringComparison.Ordinal));
        using (var reader = new StreamReader(config.Open()))
        {
            Assert.Contains("\"rollForward\": \"Major\"", reader.ReadToEnd(), StringComparison.Ordinal);
        }

        var nuspec = tool.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var spec = new StreamReader(nuspec.Open());
        Assert.Contains("<license type=\"expression\">MIT</license>", spec.ReadToEnd(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(PackagedFeed.Sample, "..", "..", "LICENSE")));
    }
}
