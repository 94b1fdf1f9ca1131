using System.IO.Compression;

namespace QualityGate.Package.Tests;

/// <summary>
/// ONNX support ships as the QualityGate.Onnx add-on, so the tool and the MSBuild package carry
/// no ONNX Runtime: installed beside either, it makes them gate .onnx models.
/// </summary>
[Collection(PackagedFeedGroup.Name)]
public sealed class OnnxAddOnTests(PackagedFeed feed)
{
    [Fact]
    public void Only_the_add_on_carries_onnx_runtime_and_only_for_desktop_platforms()
    {
        static List<string> Entries(string package)
        {
            using var zip = ZipFile.OpenRead(package);
            return [.. zip.Entries.Select(e => e.FullName)];
        }

        Assert.DoesNotContain(Entries(feed.Package("QualityGate.Tool")), e => e.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase));
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
    public void The_tool_asks_for_the_add_on_and_then_gates_the_onnx_model()
    {
        // Its own package cache: other tests install the add-on into the shared one, where the
        // tool would find it before this test has asked for it.
        using var project = new ConsumerProject(feed, ownPackageCache: true);
        Assert.Equal(0, project.Run("new", "tool-manifest").ExitCode);
        Assert.Equal(0, project.Run("tool", "install", "QualityGate.Tool", "--version", feed.Version).ExitCode);

        var without = project.Run("qgate", "check", "--model", "model/spam.onnx");
        Assert.True(without.ExitCode == 3, without.Output);
        Assert.Contains($"dotnet add package QualityGate.Onnx --version {feed.Version}", without.Output, StringComparison.Ordinal);

        var add = project.Run("add", "package", "QualityGate.Onnx", "--version", feed.Version);
        Assert.True(add.ExitCode == 0, add.Output);
        var check = project.Run("qgate", "check", "--model", "model/spam.onnx");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("model/spam.onnx", check.Output, StringComparison.Ordinal);
        Assert.Contains("Gate PASSED", check.Output, StringComparison.Ordinal);
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
