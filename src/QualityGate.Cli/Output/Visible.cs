using System.Text;

namespace QualityGate.Cli.Output;

/// <summary>
/// Text from data (ids, labels, slice values, reasons) reaches the terminal as visible
/// characters only: a control character is shown as its Unicode control picture (ESC as ␛), so
/// an escape sequence in a value cannot clear the screen, move the cursor or hide text.
/// qgate's own colours are written by Spectre.Console to the raw output, never through here.
/// </summary>
internal static class Visible
{
    /// <summary>The process's own standard output, before <see cref="Install"/> wrapped it.</summary>
    public static TextWriter RawOut { get; private set; } = Console.Out;

    /// <summary>Wraps standard output and error so that every plain line is cleaned.</summary>
    public static void Install()
    {
        if (Console.Out is CleaningWriter)
        {
            return;
        }

        RawOut = Console.Out;
        Console.SetOut(new CleaningWriter(Console.Out));
        Console.SetError(new CleaningWriter(Console.Error));
    }

    public static string Clean(string text) => QualityGate.Errors.VisibleText.Of(text);

    /// <summary>A writer that cleans what goes through it (for Spectre's raw output, line by line).</summary>
    public static TextWriter Writer(TextWriter inner) => inner is CleaningWriter ? inner : new CleaningWriter(inner);

    private sealed class CleaningWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(Clean(value.ToString()));

        public override void Write(string? value) => inner.Write(value is null ? null : Clean(value));

        public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Clean(value));

        public override void Flush() => inner.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Flush();
            }

            base.Dispose(disposing);
        }
    }
}
