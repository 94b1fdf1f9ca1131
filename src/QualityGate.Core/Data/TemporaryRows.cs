using System.Text;

namespace QualityGate.Data;

/// <summary>
/// A few rows held as a file of their own, with the header and separator of the file they came
/// from, so the model's own loader reads them exactly as it reads that file. The text is kept in
/// memory (<see cref="MemoryFiles"/>), not written to disk. The file keeps the original's display
/// path, so messages name the data the user knows. Let go on dispose.
/// </summary>
public sealed class TemporaryRows : IDisposable
{
    private TemporaryRows(DataFile file) => File = file;

    public DataFile File { get; }

    /// <param name="rows">Each row's fields; a row is written before the next is asked for, so a caller may hand the same buffer each time.</param>
    public static TemporaryRows Write(DataFile like, IEnumerable<IEnumerable<string>> rows)
    {
        var separator = like.Separator;
        var text = MemoryFiles.NewText();
        try
        {
            using var writer = new StreamWriter(text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            CsvRecordReader.WriteLine(writer, like.Columns, separator);
            foreach (var row in rows)
            {
                CsvRecordReader.WriteLine(writer, row, separator);
            }
        }
        catch
        {
            text.Dispose();
            throw;
        }

        var path = MemoryFiles.Add(text, ".csv");
        return new TemporaryRows(new DataFile(path, like.DisplayPath, separator, like.Columns));
    }

    public void Dispose() => MemoryFiles.Remove(File.Path);
}
