using System.Diagnostics;

namespace QualityGate.Tests.Support;

/// <summary>Runs the real qgate program as a user would, and captures what it prints.</summary>
internal static class QgateProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string All => StandardOutput + StandardError;
    }

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"qgate {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts qgate without waiting, for tests that kill it or run several at once.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.Qgate);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The ONNX add-on is built next to the tests (they reference it): qgate loads it from there, as from an installed package.
        start.Environment["QUALITYGATE_ADDONS"] = AppContext.BaseDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <summary><c>qgate init</c> on the sample's model and Spambase's held-out rows, writing <paramref name="config"/>.</summary>
    public static Result InitOnSample(string directory, string config) =>
        Run(directory, "init", "--model", SampleConfigs.SampleModel, "--data", RepositoryPaths.SpambaseHeldout, "--label", "Label", "-o", config);
}
