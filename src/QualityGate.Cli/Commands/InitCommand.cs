using System.CommandLine;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Init;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate init</c>: write a starting configuration measured on the model and data given.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "The ML.NET model zip (omit for a data file that carries its own score column)." };
        var data = new Option<string>("--data") { Description = "The labelled held-out data (CSV or TSV with a header).", Required = true };
        var label = new Option<string>("--label") { Description = "The label column.", Required = true };
        var positive = new Option<string?>("--positive") { Description = "The label value that means positive (default: 1 or true)." };
        var negative = new Option<string?>("--negative") { Description = "The label value that means negative (default: 0 or false)." };
        var id = new Option<string?>("--id") { Description = "A column with a stable example id (default: a hash of the features)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the configuration.", DefaultValueFactory = _ => "qualitygate.yml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing configuration." };
        var command = new Command("init", "Write a starting qualitygate.yml with limits proposed from the model's current performance.")
        {
            model, data, label, positive, negative, id, output, force,
        };
        command.SetAction(parsed =>
        {
            var options = new InitOptions(parsed.GetValue(model), parsed.GetValue(data)!, parsed.GetValue(label)!, parsed.GetValue(output)!, parsed.GetValue(positive), parsed.GetValue(negative), parsed.GetValue(id));
            return Execute(options, parsed.GetValue(force));
        });
        return command;
    }

    private static int Execute(InitOptions options, bool force)
    {
        // Even with --force, the config is never written over the data or the model it is measured on.
        foreach (var (input, role) in new[] { (options.DataPath, "the data"), (options.ModelPath, "the model") })
        {
            if (input is not null && ConfigInputs.Resolved(input) == ConfigInputs.Resolved(options.OutputPath))
            {
                throw new ConfigurationException(ErrorCodes.Usage, $"'{options.OutputPath}' is {role} init reads: writing the config there would replace it.", hint: "Pass -o qualitygate.yml, or another new file.");
            }
        }

        if (File.Exists(options.OutputPath) && !force)
        {
            throw new ConfigurationException(ErrorCodes.Usage, $"'{options.OutputPath}' already exists.", hint: "Pass --force to overwrite it, or -o to write elsewhere.");
        }

        var yaml = ConfigProposer.Propose(options, CommandLine.Progress);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(options.OutputPath, yaml);

        // The config's first line points YAML editors at this schema, beside it: completion and checking as one types, offline.
        var schemaPath = Path.Combine(directory, ConfigSchema.FileName);
        if (!File.Exists(schemaPath) || File.ReadAllText(schemaPath) != ConfigSchema.Text)
        {
            QualityGate.Storage.AtomicFile.Write(schemaPath, System.Text.Encoding.UTF8.GetBytes(ConfigSchema.Text));
        }
        foreach (var warning in yaml.Split('\n').Where(l => l.StartsWith("# Warning: ", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"qgate: warning: {warning["# Warning: ".Length..]}");
        }

        Console.WriteLine($"Wrote {options.OutputPath} (and {ConfigSchema.FileName} beside it, for editors). Run 'qgate check -c {options.OutputPath}' to gate the model.");
        return ExitCodes.Passed;
    }
}
