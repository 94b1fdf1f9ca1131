using System.IO.Compression;

namespace QualityGate.Package.Tests;

/// <summary>
/// ONNX support is the QualityGate.Onnx add-on. The tool package of each desktop platform carries
/// it with that platform's ONNX Runtime, so installing the tool is all it takes; the MSBuild
/// package (and the platform-neutral tool) carry none, and the add-on package serves them.
/// </summary>
[Collection(PackagedFeedGroup.Name)]
public sealed class OnnxAddOnTests(PackagedFeed feed)
{
    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    [Theory]
    [InlineData("linux-x64", "libonnxruntime.so")]
    [InlineData("linux-arm64", "libonnxruntime.so")]
    [InlineData("osx-arm64", "libonnxruntime.dylib")]
    [InlineData("win-x64", "onnxruntime.dll")]
    public void Each_platforms_tool_carries_the_add_on_with_only_its_own_onnx_runtime(string platform, string library)
    {
        var tool = Entries(feed.Package($"QualityGate.Tool.{platform}"));
        var addOn = $"tools/net10.0/{platform}/addon/";
        Assert.Contains(addOn + "QualityGate.Onnx.dll", tool);
        Assert.Contains($"{addOn}runtimes/{platform}/native/{library}", tool);
        Assert.DoesNotContain(tool, e => e.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase) && !e.StartsWith($"{addOn}runtimes/{platform}/", StringComparison.Ordinal) && !e.EndsWith("OnnxRuntime.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_platform_tools_and_the_add_on_carry_onnx_runtime_and_only_for_desktop_platforms()
    {
        Assert.DoesNotContain(Entries(feed.Package("QualityGate.Tool.any")), e => e.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Entries(feed.Package("QualityGate.MSBuild")), e => e.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase));

        var addOn = Entries(feed.Package("QualityGate.Onnx"));
        Assert.Contains("addon/QualityGate.Onnx.dll", addOn);
        Assert.Contains("addon/runtimes/linux-x64/native/libonnxruntime.so", addOn);
        Assert.Contains("addon/runtimes/win-x64/native/onnxruntime.dll", addOn);
        Assert.Contains("addon/runtimes/osx-arm64/native/libonnxruntime.dylib", addOn);
        Assert.DoesNotContain(addOn, e => e.Contains("/android", StringComparison.Ordinal) || e.Contains("/ios", StringComparison.Ordinal));
        Assert.DoesNotContain(addOn, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_installed_tool_gates_an_onnx_model_with_nothing_else_installed()
    {
        // Its own package cache: other tests install the add-on package into the shared one,
        // where the tool would find it; here only the tool is installed.
        using var project = new ConsumerProject(feed, ownPackageCache: true);
        Assert.Equal(0, project.Run("new", "tool-manifest").ExitCode);
        var install = project.Run("tool", "install", "QualityGate.Tool", "--version", feed.Version);
        Assert.True(install.ExitCode == 0, install.Output);

        var check = project.Run("qgate", "check", "--model", "model/spam.onnx");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("model/spam.onnx", check.Output, StringComparison.Ordinal);
        Assert.Contains("Gate PASSED", check.Output, StringComparison.Ordinal);

        // A limit the model misses fails: the tool's add-on scores the rows, it does not pass blindly.
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        var strict = project.Run("qgate", "check", "--model", "model/spam.onnx");
        Assert.True(strict.ExitCode == 1, strict.Output);
    }

    [Fact]
    public void The_build_fetches_the_add_on_itself_and_gates_the_onnx_model()
    {
        // Its own package cache, so the add-on is not there from another test before the build fetches it.
        using var project = new ConsumerProject(feed, ownPackageCache: true);
        project.EditConfig("path: model/spam.zip", "path: model/spam.onnx");
        var addOn = Path.Combine(project.PackageCache, "qualitygate.onnx", feed.Version.ToLowerInvariant(), "addon", "QualityGate.Onnx.dll");
        Assert.False(File.Exists(addOn));

        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("fetching the ONNX add-on", build.Output, StringComparison.Ordinal);
        Assert.Contains("Gate PASSED", build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(addOn), "the add-on is not in the project's packages folder");

        // Fetched once: the next build finds it, and a limit the model misses fails the build.
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        var strict = project.Build();
        Assert.NotEqual(0, strict.ExitCode);
        Assert.DoesNotContain("fetching the ONNX add-on", strict.Output, StringComparison.Ordinal);
        Assert.Contains($"({project.LineOf("recall: { min: 0.97 }")},5): error QG1001", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_fetching_turned_off_the_build_says_which_package_to_add()
    {
        using var project = new ConsumerProject(feed, ownPackageCache: true);
        project.EditConfig("path: model/spam.zip", "path: model/spam.onnx");

        var without = project.Build("QualityGateFetchOnnxAddOn=false");
        Assert.True(without.ExitCode != 0, without.Output);
        Assert.DoesNotContain("fetching the ONNX add-on", without.Output, StringComparison.Ordinal);
        Assert.Contains($"dotnet add package QualityGate.Onnx --version {feed.Version}", without.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_gates_an_onnx_model_when_the_project_references_the_add_on()
    {
        using var project = new ConsumerProject(feed);
        project.EditConfig("path: model/spam.zip", "path: model/spam.onnx");
        Assert.Equal(0, project.Run("add", "package", "QualityGate.Onnx", "--version", feed.Version).ExitCode);

        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("Gate PASSED", build.Output, StringComparison.Ordinal);

        // A broken limit on the ONNX model fails the build at its YAML line, as for any model.
        project.EditConfig("recall: { min: 0.90 }", "recall: { min: 0.97 }");
        var broken = project.Build();
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains($"({project.LineOf("recall: { min: 0.97 }")},5): error QG1001", broken.Output, StringComparison.Ordinal);
    }
}
