using System;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGate.Errors;

namespace QualityGate.MSBuild;

/// <summary>
/// Runs <c>qgate check</c> as its own process and turns each finding it prints in MSBuild's
/// canonical form (<c>file(line,col): error QG1001: message</c>) into a build error or warning
/// with its code and the YAML file, line and column it points at.
/// </summary>
public sealed class QualityGateTask : ToolTask
{
    // qgate's diagnostics: QG1xxx broken limits, QG2xxx configuration, QG3xxx model or data.
    private static readonly Regex Diagnostic = new(
        @"^(?<file>.+?)(\((?<line>\d+)(,(?<column>\d+))?\))?: (?<severity>error|warning) (?<code>QG\d{4}): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    private bool _loggedFinding;

    /// <summary>The qualitygate.yml to run.</summary>
    [Required]
    public string ConfigFile { get; set; } = string.Empty;

    /// <summary>qgate.dll inside the package.</summary>
    [Required]
    public string QgateAssembly { get; set; } = string.Empty;

    /// <summary>Where the JSON result goes; empty for the config's reports.directory.</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Where qgate lists the files it read, for the next build's up-to-date check.</summary>
    public string? InputsFile { get; set; }

    /// <summary>Broken limits become warnings, and the build goes on.</summary>
    public bool WarnOnly { get; set; }

    /// <summary>Mine new hard examples into the suite during the build.</summary>
    public bool UpdateSuite { get; set; }

    /// <summary>The project's own output, where a model's custom components (a <c>CustomMapping</c> factory) usually live.</summary>
    public string? ProjectAssembly { get; set; }

    /// <summary>
    /// True when qgate exited 0: the gate ran and passed. A warn-only build of a failing gate is
    /// not a pass, so the targets write no up-to-date stamp for it and the next build runs again.
    /// </summary>
    [Output]
    public bool Passed { get; private set; }

    public override bool Execute()
    {
        var succeeded = base.Execute();
        Passed = succeeded && ExitCode == ExitCodes.Passed;

        // The summary tables matter when the gate fails; a passing build says so in one line
        // (the rest stays in the log at detailed verbosity).
        var importance = Passed ? MessageImportance.Low : MessageImportance.High;
        foreach (var line in _summary)
        {
            Log.LogMessage(Passed && AlwaysShown(line) ? MessageImportance.High : importance, line);
        }

        return succeeded;
    }

    private readonly System.Collections.Generic.List<string> _summary = new();

    /// <summary>What a passing build still shows: the verdict, what mining changed in the suite, and warnings.</summary>
    private static bool AlwaysShown(string line) =>
        line.StartsWith("Gate ", StringComparison.Ordinal) || line.StartsWith("Mining ", StringComparison.Ordinal) || line.StartsWith("qgate: warning", StringComparison.Ordinal);

    protected override string ToolName => Path.DirectorySeparatorChar == '\\' ? "dotnet.exe" : "dotnet";

    // The summary table is what a developer reads when the gate fails; show it at normal verbosity.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    /// <summary>The dotnet host that runs this build (DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    protected override string GenerateFullPathToTool()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return string.IsNullOrEmpty(host) ? ToolName : host!;
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendSwitch("exec");
        builder.AppendFileNameIfNotNull(QgateAssembly);
        builder.AppendSwitch("check");
        builder.AppendSwitchIfNotNull("-c ", ConfigFile);
        if (!string.IsNullOrEmpty(ReportDirectory))
        {
            builder.AppendSwitchIfNotNull("--report-dir ", ReportDirectory);
        }

        if (!string.IsNullOrEmpty(InputsFile))
        {
            builder.AppendSwitchIfNotNull("--inputs-file ", InputsFile);
        }

        if (UpdateSuite)
        {
            builder.AppendSwitch("--update-suite");
        }

        if (!string.IsNullOrEmpty(ProjectAssembly) && File.Exists(ProjectAssembly))
        {
            builder.AppendSwitchIfNotNull("--project-assembly ", ProjectAssembly);
        }

        return builder.ToString();
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var match = Diagnostic.Match(singleLine);
        if (!match.Success)
        {
            if (messageImportance == StandardOutputLoggingImportance)
            {
                // The summary on stdout: held until the verdict is known.
                _summary.Add(singleLine);
            }
            else
            {
                Log.LogMessage(messageImportance, singleLine);
            }

            return;
        }

        _loggedFinding = true;
        var file = match.Groups["file"].Value;
        var line = ParseOrZero(match.Groups["line"].Value);
        var column = ParseOrZero(match.Groups["column"].Value);
        var code = match.Groups["code"].Value;
        var message = match.Groups["message"].Value;

        // Only a finding of the gate is softened: a config or data error means the gate could not run.
        var asWarning = match.Groups["severity"].Value == "warning" || (WarnOnly && ErrorCodes.IsFinding(code));
        if (asWarning)
        {
            Log.LogWarning(null, code, null, file, line, column, 0, 0, message);
        }
        else
        {
            Log.LogError(null, code, null, file, line, column, 0, 0, message);
        }
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (ExitCode == ExitCodes.GateFailed && WarnOnly && !Log.HasLoggedErrors)
        {
            return true;
        }

        // Findings were logged as errors with their places; MSBuild's generic "exited with code" adds nothing.
        return _loggedFinding ? !Log.HasLoggedErrors : base.HandleTaskExecutionErrors();
    }

    private static int ParseOrZero(string text) => int.TryParse(text, out var value) ? value : 0;
}
