using System.Diagnostics;
using QualityGate.Data;

namespace QualityGate.Scoring;

/// <summary>
/// Progress of one pass over a data file, said every few seconds: rows so far, the file's row
/// count estimated from its size and its first rows' length, and the time left at the rate so far.
/// </summary>
internal sealed class PassProgress
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);
    private readonly Action<string> _report;
    private readonly string _name;
    private readonly long _estimatedRows;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next = Every;

    private PassProgress(Action<string> report, string name, long estimatedRows) =>
        (_report, _name, _estimatedRows) = (report, name, estimatedRows);

    public static PassProgress? For(DataFile file, Action<string>? report) =>
        report is null ? null : new PassProgress(report, file.DisplayPath, EstimateRows(file));

    /// <summary>For a pass that has estimated the file's rows already (to size its buffers): the file is not sampled again.</summary>
    public static PassProgress? For(DataFile file, Action<string>? report, long estimatedRows) =>
        report is null ? null : new PassProgress(report, file.DisplayPath, estimatedRows);

    /// <summary>Cheap enough for every row: the clock is read once every 4,096 rows.</summary>
    public void Row(long rows)
    {
        if ((rows & 4095) != 0 || _clock.Elapsed < _next)
        {
            return;
        }

        _next = _clock.Elapsed + Every;
        if (_estimatedRows <= rows)
        {
            _report($"{_name}: {rows:N0} rows scored");
            return;
        }

        var left = TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds * (_estimatedRows - rows) / rows);
        _report($"{_name}: {rows:N0} of about {_estimatedRows:N0} rows scored ({100.0 * rows / _estimatedRows:0}%), about {Format(left)} left");
    }

    private static string Format(TimeSpan left) => left.TotalSeconds < 90 ? $"{Math.Ceiling(left.TotalSeconds):0} s" : $"{Math.Ceiling(left.TotalMinutes):0} min";

    /// <summary>The parts' size over the mean length of the first part's first 64 KiB of lines; 0 when it cannot tell.</summary>
    internal static long EstimateRows(DataFile file)
    {
        try
        {
            if (file.Parts.Any(Data.MemoryFiles.Holds))
            {
                // A few rows made up in memory, read in no time.
                return 0;
            }

            if (file.Parts.All(Data.ParquetFiles.ParquetTextStream.IsParquet))
            {
                // Parquet says its rows in its metadata.
                return file.Parts.Sum(p =>
                {
                    using var parquet = Data.ParquetFiles.ParquetTextStream.Open(p);
                    return parquet.Rows;
                });
            }

            if (file.Parts.Any(p => FileContent.IsCompressed(p) || Data.ParquetFiles.ParquetTextStream.IsParquet(p)))
            {
                // Compressed sizes say little about rows: the progress counts rows without a total.
                return 0;
            }

            var bytes = file.Parts.Sum(p => new FileInfo(p).Length);
            using var stream = File.OpenRead(file.Parts[0]);
            var buffer = new byte[1 << 16];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var lines = buffer.AsSpan(0, read).Count((byte)'\n');
            return lines < 2 ? 0 : (long)(bytes / ((double)read / lines)) - file.Parts.Count;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
