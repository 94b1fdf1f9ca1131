namespace QualityGate.Data;

/// <summary>
/// A few rows written as a file of their own, with the header and separator of the file they
/// came from, so the model's own loader reads them exactly as it reads that file. The file keeps
/// the original's display path, so messages name the data the user knows. Deleted on dispose.
/// </summary>
public sealed class TemporaryRows : IDisposable
{
    private readonly DirectoryInfo _directory;

    private TemporaryRows(DirectoryInfo directory, DataFile file)
    {
        _directory = directory;
        File = file;
    }

    public DataFile File { get; }

    public static TemporaryRows Write(DataFile like, IEnumerable<IEnumerable<string>> rows)
    {
        var directory = Directory.CreateTempSubdirectory("qualitygate-rows-");
        var path = Path.Combine(directory.FullName, "rows.csv");
        var separator = like.Separator;
        System.IO.File.WriteAllLines(path, rows.Select(r => CsvRecordReader.Line(r, separator)).Prepend(CsvRecordReader.Line(like.Columns, separator)));
        return new TemporaryRows(directory, new DataFile(path, like.DisplayPath, separator, like.Columns));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
