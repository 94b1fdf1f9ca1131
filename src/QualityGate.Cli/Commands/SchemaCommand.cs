using System.CommandLine;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Results;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate schema config|result</c>: the JSON Schema of <c>qualitygate.yml</c> or of the JSON result, for editors and for tools that read the result.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var which = new Argument<string>("which") { Description = "config (qualitygate.yml) or result (qualitygate-result.json)." };
        which.AcceptOnlyFromAmong("config", "result");
        var output = new Option<string?>("--output", "-o") { Description = "Write it to this file instead of printing it." };
        var command = new Command("schema", "Print the JSON Schema of qualitygate.yml or of the JSON result.") { which, output };
        command.SetAction(parsed =>
        {
            var (text, name) = parsed.GetValue(which) == "config" ? (ConfigSchema.Text, ConfigSchema.FileName) : (ResultSchema.Text, ResultSchema.FileName);
            if (parsed.GetValue(output) is not { } path)
            {
                Console.Out.Write(text);
                return ExitCodes.Passed;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            Storage.AtomicFile.Write(path, Encoding.UTF8.GetBytes(text));
            Console.WriteLine($"Wrote {path} ({name}).");
            return ExitCodes.Passed;
        });
        return command;
    }
}
