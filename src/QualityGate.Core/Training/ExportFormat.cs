using System.IO.Compression;
using System.Text;
using Parquet.Schema;
using QualityGate.Data;
using QualityGate.Data.ParquetFiles;
using QualityGate.Errors;

namespace QualityGate.Training;

/// <summary>Where the export's rows go: one row of text fields at a time.</summary>
internal interface IExportRows : IDisposable
{
    /// <param name="where">Where the row comes from, asked only for an error about it.</param>
    void Add(IReadOnlyList<string> fields, Func<SourceLocation> where);
}

/// <summary>
/// The format of the export, from the output's name: <c>.parquet</c> is Parquet with the training
/// file's own column types (so it takes Parquet training data: a CSV says nothing about types),
/// <c>.gz</c> is gzip-compressed CSV, anything else CSV with the training file's separator.
/// </summary>
internal abstract class ExportFormat
{
    public static ExportFormat Of(string outputPath, DataFile training)
    {
        if (!ParquetTextStream.IsParquet(outputPath))
        {
            return new Csv(FileContent.IsCompressed(outputPath));
        }

        if (!ParquetTextStream.IsParquet(training.Parts[0]))
        {
            throw new ConfigurationException(ErrorCodes.Usage,
                $"export-training writes Parquet with the training data's own column types, and '{training.DisplayPath}' is CSV, which has none.",
                hint: $"Name the output '{Path.GetFileNameWithoutExtension(outputPath)}.csv', the training data's format.");
        }

        return new Parquet(ParquetTextStream.FieldsOf(training.Parts[0]));
    }

    /// <summary>The rows' destination in <paramref name="stream"/>, its header written.</summary>
    public abstract IExportRows Open(Stream stream, DataFile training, IReadOnlyList<string> columns);

    private sealed class Csv(bool compressed) : ExportFormat
    {
        public override IExportRows Open(Stream stream, DataFile training, IReadOnlyList<string> columns) =>
            new Rows(compressed ? new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true) : stream, training.Separator, columns);

        private sealed class Rows : IExportRows
        {
            private readonly StreamWriter _text;
            private readonly char _separator;

            public Rows(Stream stream, char separator, IReadOnlyList<string> columns)
            {
                // The gzip stream is this writer's to close (it writes its footer then); the file is not.
                _text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: stream is not GZipStream) { NewLine = "\n" };
                _separator = separator;
                CsvRecordReader.WriteLine(_text, columns, separator);
            }

            public void Add(IReadOnlyList<string> fields, Func<SourceLocation> where) => CsvRecordReader.WriteLine(_text, fields, _separator);

            public void Dispose() => _text.Dispose();
        }
    }

    private sealed class Parquet(IReadOnlyList<DataField> trainingFields) : ExportFormat
    {
        /// <summary>
        /// The training file's fields, then as text any column its partition folders add, then
        /// the weight as a double: every column the export's CSV would have, in the same order.
        /// </summary>
        public override IExportRows Open(Stream stream, DataFile training, IReadOnlyList<string> columns)
        {
            var byName = trainingFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var fields = columns.Select((name, i) => byName.TryGetValue(name, out var field) ? field
                : i >= training.Columns.Count ? new DataField<double>(name)
                : new DataField<string>(name, nullable: true)).ToList();
            return new Rows(new ParquetTableWriter(stream, fields));
        }

        private sealed class Rows(ParquetTableWriter writer) : IExportRows
        {
            public void Add(IReadOnlyList<string> fields, Func<SourceLocation> where) => writer.Add(fields, where);

            public void Dispose() => writer.Dispose();
        }
    }
}
