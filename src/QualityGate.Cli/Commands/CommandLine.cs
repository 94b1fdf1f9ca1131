using System.CommandLine;
using QualityGate.Errors;

namespace QualityGate.Cli.Commands;

/// <summary>Builds the command tree and turns every failure into a diagnostic line and an exit code.</summary>
internal static class CommandLine
{
    public static int Run(string[] args)
    {
        Output.Visible.Install();

        // Output is the same in every locale: numbers with a decimal point, messages in English.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        var (root, verbosity, quiet, noColor) = Root();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"qgate: error {ErrorCodes.Usage}: {error.Message}");
            }

            Console.Error.WriteLine("Run 'qgate --help' for usage.");
            return ExitCodes.UsageOrConfiguration;
        }

        Output.OutputSettings.Verbosity = parsed.GetValue(quiet) ? Output.Verbosity.Quiet : Enum.Parse<Output.Verbosity>(parsed.GetValue(verbosity)!, ignoreCase: true);
        Output.OutputSettings.NoColor = parsed.GetValue(noColor);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (QualityGateException e)
        {
            Console.Error.WriteLine(e.ToDiagnostic());
            return e.ExitCode;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IOException)
        {
            // ML.NET reports most problems with a model or its data this way; the trace helps a bug report.
            Console.Error.WriteLine($"qgate: error {ErrorCodes.ModelUnreadable}: {e.Message}");
            Console.Error.WriteLine(e);
            return ExitCodes.ModelOrData;
        }
    }

    /// <summary>Every verb, and the output options every verb takes.</summary>
    private static (RootCommand Root, Option<string> Verbosity, Option<bool> Quiet, Option<bool> NoColor) Root()
    {
        var root = new RootCommand("QualityGate: a quality gate for binary classifiers, with threshold-region limits and honest statistics.")
        {
            CheckCommand.Create(),
            MergeCommand.Create(),
            MineCommand.Create(),
            ExplainCommand.Create(),
            ExportTrainingCommand.Create(),
            BlessCommand.Create(),
            SuiteCommand.Create(),
            ReportCommand.Create(),
            InitCommand.Create(),
            SchemaCommand.Create(),
        };

        var verbosity = new Option<string>("--verbosity", "-v") { Description = "How much to print: quiet (findings and the verdict), minimal, normal (the default: the summary tables) or detailed.", Recursive = true, DefaultValueFactory = _ => "normal" };
        verbosity.AcceptOnlyFromAmong("quiet", "minimal", "normal", "detailed");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "The same as --verbosity quiet.", Recursive = true };
        var noColor = new Option<bool>("--no-color") { Description = "No colour codes, even on a terminal (NO_COLOR works too).", Recursive = true };
        root.Options.Add(verbosity);
        root.Options.Add(quiet);
        root.Options.Add(noColor);
        return (root, verbosity, quiet, noColor);
    }

    public static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = "The configuration file.",
        DefaultValueFactory = _ => QualityGate.Configuration.ConfigLoader.DefaultFileName,
    };

    public static Option<string?> ModelOption(string verb) => new("--model") { Description = $"{verb} this model instead of model.path (same config, limits and baseline)." };

    /// <summary>The config with another ML.NET model in place of model.path.</summary>
    public static QualityGate.Configuration.GateConfig WithModel(QualityGate.Configuration.GateConfig config, string? model) =>
        model is null ? config : config with { Model = config.Model with { Path = Path.GetFullPath(model), Kind = QualityGate.Configuration.ModelSettings.KindOf(model) } };

    /// <summary>Progress for long runs goes to stderr, so stdout stays the summary.</summary>
    public static void Progress(string message)
    {
        if (Output.OutputSettings.ShowsProgress)
        {
            Console.Error.WriteLine($"qgate: {message}");
        }
    }
}
