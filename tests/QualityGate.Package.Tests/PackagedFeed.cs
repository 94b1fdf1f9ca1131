using System.Diagnostics;

namespace QualityGate.Package.Tests;

/// <summary>
/// The three packages (tool, MSBuild, ONNX add-on) packed once per test run into a private folder, and a private NuGet cache, so
/// every throw-away project restores exactly these packages and nothing left from earlier runs.
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    public PackagedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "qgate-package-tests", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Cache = Path.Combine(Root, "nuget-cache");
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "src/QualityGate.Cli/QualityGate.Cli.csproj", "src/QualityGate.MSBuild/QualityGate.MSBuild.csproj", "src/QualityGate.Onnx/QualityGate.Onnx.csproj" })
        {
            var pack = Dotnet.Run(RepositoryRoot, null, "pack", Path.Combine(RepositoryRoot, project), "-c", "Release", "-o", Feed, "-nodeReuse:false");
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack.Output}");
            }
        }

        Version = Path.GetFileNameWithoutExtension(Directory.GetFiles(Feed, "QualityGate.MSBuild.*.nupkg").Single())["QualityGate.MSBuild.".Length..];

        // "E <url>" per enabled source, as 'dotnet nuget list source --format short' prints them.
        var sources = Dotnet.Run(RepositoryRoot, null, "nuget", "list", "source", "--format", "short");
        UpstreamSources = [.. sources.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(l => l[2..].Trim())];
    }

    /// <summary>The package sources this machine is configured with, for everything but QualityGate.*.</summary>
    public IReadOnlyList<string> UpstreamSources { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Cache { get; }

    public string Version { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sample => Path.Combine(RepositoryRoot, "samples", "spam");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the OS cleans temp.
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QualityGate.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("QualityGate.sln not found.");
    }
}

[CollectionDefinition(Name)]
public sealed class PackagedFeedGroup : ICollectionFixture<PackagedFeed>
{
    public const string Name = "Packaged feed";
}

/// <summary>Runs the dotnet CLI without the test host's MSBuild environment leaking into it.</summary>
internal static class Dotnet
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Processes.Run("dotnet", workingDirectory, environment, args);
}

/// <summary>
/// Starts a program as a user's shell would: without the test host's MSBuild and VSTest
/// variables (which would make a nested dotnet build talk to the host's build), with telemetry
/// and node reuse off, and with the given variables on top.
/// </summary>
internal static class Processes
{
    public static Dotnet.Result Run(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 10 minutes.");
        }

        return new Dotnet.Result(process.ExitCode, output.Result + error.Result);
    }
}
