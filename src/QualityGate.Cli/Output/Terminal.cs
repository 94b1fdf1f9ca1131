using Spectre.Console;

namespace QualityGate.Cli.Output;

/// <summary>
/// The console the summaries are written to: Spectre.Console on the raw standard output (its
/// colours must pass), so every text from data it is given goes through <see cref="Visible"/>.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Visible.RawOut) });
        if (Console.IsOutputRedirected)
        {
            // Logs have no terminal width; a wide table keeps one row per line.
            console.Profile.Width = 160;
        }

        return console;
    }
}
