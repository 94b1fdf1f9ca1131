using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>
/// One entry of the bad-input catalogue: how to break a copy of the spam sample, the command to
/// run, and what the user must be told: the exit code, the file and place (line, column or row),
/// and a phrase of the message.
/// </summary>
public sealed record BadInput(string Name, Action<SampleCopy, OddModels> Break, int ExitCode, string Where, string Message, string[]? Command = null)
{
    public string[] Args => Command ?? ["check"];

    public override string ToString() => Name;
}

/// <summary>Small edits to a sample copy.</summary>
internal static class Edit
{
    public static void Config(SampleCopy sample, string from, string to) =>
        sample.EditConfig(yaml => yaml.Contains(from, StringComparison.Ordinal) ? yaml.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"'{from}' is not in the config"));

    /// <summary>Replaces a 1-based line of a file under the sample.</summary>
    public static void Line(SampleCopy sample, string file, int line, Func<string, string> change)
    {
        var path = Path.Combine(sample.Root, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = change(lines[line - 1]);
        File.WriteAllLines(path, lines);
    }

    /// <summary>Replaces one field (0-based) of a CSV line.</summary>
    public static void Field(SampleCopy sample, string file, int line, int field, string value) =>
        Line(sample, file, line, text =>
        {
            var fields = text.Split(',');
            fields[field] = value;
            return string.Join(',', fields);
        });

    public static void Bytes(SampleCopy sample, string file, byte[] content) => File.WriteAllBytes(Path.Combine(sample.Root, file), content);

    public static void Text(SampleCopy sample, string file, string content) => File.WriteAllText(Path.Combine(sample.Root, file), content);

    /// <summary>Replaces text in a file under the sample; the text must be there.</summary>
    public static void Replace(SampleCopy sample, string file, string from, string to)
    {
        var path = Path.Combine(sample.Root, file);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"'{from}' is not in {file}"));
    }

    /// <summary>A named pipe at the path: reading it would block until a writer comes.</summary>
    public static void Fifo(SampleCopy sample, string file)
    {
        var path = Path.Combine(sample.Root, file);
        File.Delete(path);
        Support.Fifo.Make(path);
    }

    /// <summary>A YAML alias bomb: <paramref name="levels"/> levels of ten aliases to the level below.</summary>
    public static string AliasBomb(int levels)
    {
        var lines = new List<string> { "bomb0: &bomb0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < levels; i++)
        {
            lines.Add($"bomb{i}: &bomb{i} [{string.Join(", ", Enumerable.Repeat($"*bomb{i - 1}", 10))}]");
        }

        return string.Join('\n', lines) + "\n";
    }

    public static void Folder(SampleCopy sample, string file)
    {
        var path = Path.Combine(sample.Root, file);
        File.Delete(path);
        Directory.CreateDirectory(path);
    }
}
