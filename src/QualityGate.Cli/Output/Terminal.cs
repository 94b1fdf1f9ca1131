using Spectre.Console;

namespace QualityGate.Cli.Output;

/// <summary>The console the summaries are written to.</summary>
internal static class Terminal
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            // Logs have no terminal width; a wide table keeps one row per line.
            console.Profile.Width = 160;
        }

        return console;
    }
}
