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
        // Colour only on a terminal: a log or a pipe gets plain text (NO_COLOR is honoured too).
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Visible.RawOut),
            Ansi = Console.IsOutputRedirected || OutputSettings.NoColor ? AnsiSupport.No : AnsiSupport.Detect,
        });
        if (Console.IsOutputRedirected)
        {
            // Logs have no terminal width; a wide table keeps one row per line.
            console.Profile.Width = 160;
        }

        return console;
    }
}
