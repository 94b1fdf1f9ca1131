using Parquet;

namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// A Parquet part's columns, decoded a row group at a time for the fast pass to read as numbers,
/// with no text in between. The columns a pass needs are split between readers of their own (a
/// file stream and footer each), so a row group's columns decode on every core at once; hive
/// partition values are columns of constant text after the file's own, as in its text.
/// </summary>
internal sealed class ParquetRowGroups : IDisposable
{
    private readonly List<(FileStream File, ParquetReader Reader)> _readers = [];
    private readonly ParquetCells[] _cells;

    private ParquetRowGroups(string path, int readers)
    {
        try
        {
            for (var i = 0; i < readers; i++)
            {
                var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                try
                {
                    _readers.Add((file, ParquetReader.CreateAsync(file, ParquetTextStream.Options, leaveStreamOpen: true).GetAwaiter().GetResult()));
                }
                catch
                {
                    file.Dispose();
                    throw;
                }
            }

            _cells = ParquetCells.OfTable(_readers[0].Reader.Schema, path, why => new NotSupportedException(why)).Cells;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a part for <paramref name="readers"/> readers at once. Throws on anything the text
    /// reader would refuse or not read (the caller then leaves the file to it, for its errors).
    /// </summary>
    public static ParquetRowGroups Open(string path, int readers) => new(path, Math.Max(1, readers));

    /// <summary>The file's columns and its partition columns.</summary>
    public int ColumnCount => _cells.Length;

    public int GroupCount => _readers[0].Reader.RowGroupCount;

    public ParquetCells this[int column] => _cells[column];

    /// <summary>Decodes <paramref name="columns"/> of a row group (others keep what they held); returns its rows.</summary>
    public int Load(int group, IReadOnlyList<int> columns)
    {
        var rows = checked((int)_readers[0].Reader.RowGroups[group].RowCount);
        Parallel.For(0, _readers.Count, new ParallelOptions { MaxDegreeOfParallelism = _readers.Count }, reader =>
        {
            using var groupReader = _readers[reader].Reader.OpenRowGroupReader(group);

            // Every reader's share: columns dealt out in turn, so wide and narrow ones spread
            // (a partition's column reads nothing).
            for (var i = reader; i < columns.Count; i += _readers.Count)
            {
                _cells[columns[i]].Read(groupReader, rows);
            }
        });
        return rows;
    }

    public void Dispose()
    {
        foreach (var (file, reader) in _readers)
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            file.Dispose();
        }
    }
}
