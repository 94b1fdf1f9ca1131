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
    public void The_installed_tool_gates_a_lightgbm_model_with_nothing_else_installed()
    {
        using var project = new ConsumerProject(feed);
        project.InstallTool();
        LightGbmModel.Train(Path.Combine(project.ProjectDirectory, "data", "train.csv"), Path.Combine(project.ProjectDirectory, "model", "lightgbm.zip"));

        var bless = project.Run("qgate", "bless", "--model", "model/lightgbm.zip");
        Assert.True(bless.ExitCode == 0, bless.Output);
        Assert.Contains("Blessed model/lightgbm.zip", bless.Output, StringComparison.Ordinal);
        var check = project.Run("qgate", "check", "--model", "model/lightgbm.zip");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("Model      model/lightgbm.zip", check.Output, StringComparison.Ordinal);
        Assert.Contains("Gate PASSED", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_rolls_forward_to_newer_runtimes_and_the_packages_carry_the_license()
    {
        foreach (var id in (string[])["QualityGate.Tool.linux-x64", "QualityGate.Tool.any"])
        {
            using var tool = System.IO.Compression.ZipFile.OpenRead(feed.Package(id));
            var config = tool.Entries.Single(e => e.FullName.EndsWith("qgate.runtimeconfig.json", StringComparison.Ordinal));
            using (var reader = new StreamReader(config.Open()))
            {
                Assert.Contains("\"rollForward\": \"Major\"", reader.ReadToEnd(), StringComparison.Ordinal);
            }
        }

        // The package a user names, which points each platform to its own.
        using var pointer = System.IO.Compression.ZipFile.OpenRead(feed.Package("QualityGate.Tool"));
        var nuspec = pointer.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var spec = new StreamReader(nuspec.Open());
        Assert.Contains("<license type=\"expression\">MIT</license>", spec.ReadToEnd(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(PackagedFeed.Sample, "..", "..", "LICENSE")));
    }

    /// <summary>Plots are SVG drawn by managed code: no package carries a native graphics library, each stays light (a platform's tool with its ONNX Runtime too), and each has its readme.</summary>
    [Theory]
    [InlineData("QualityGate.Tool")]
    [InlineData("QualityGate.Tool.linux-x64")]
    [InlineData("QualityGate.Tool.linux-arm64")]
    [InlineData("QualityGate.Tool.osx-arm64")]
    [InlineData("QualityGate.Tool.win-x64")]
    [InlineData("QualityGate.Tool.any")]
    [InlineData("QualityGate.MSBuild")]
    public void Each_package_is_under_25_mb_carries_no_native_graphics_library_and_has_a_readme(string id)
    {
        var package = feed.Package(id);
        Assert.True(new FileInfo(package).Length < 25L * 1024 * 1024, $"{id} is {new FileInfo(package).Length / (1024.0 * 1024):0.0} MB");
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        Assert.DoesNotContain(zip.Entries, e => e.Name.Contains("Skia", StringComparison.OrdinalIgnoreCase) || e.Name.Contains("HarfBuzz", StringComparison.OrdinalIgnoreCase));
        using var spec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.Contains("<readme>README.md</readme>", spec.ReadToEnd(), StringComparison.Ordinal);
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
    }
}
