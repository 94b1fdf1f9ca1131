using QualityGate.Data.ParquetFiles;

namespace QualityGate.Scoring.FastPath;

/// <summary>
/// The fast pass over a Parquet part, from its decoded columns: a row group's columns decode on
/// every core, then its rows are scored in chunks on every core, then handed on in file order.
/// Reading the part as CSV text instead (rendering every cell, then parsing it again) took two
/// thirds of a Parquet check's time. Declines (false) where the text pass must decide: a feature
/// or score column that holds no numbers, a file the text reader would refuse, an unclean row.
/// </summary>
internal static class ParquetPass
{
    // Rows a worker takes at a time: small enough to share a row group evenly, large enough that
    // handing them out costs nothing.
    private const int ChunkRows = 4096;

    public static bool Read(string part, RowPlan plan, ThreadLocal<RowWorker> workers, Func<RowResult, bool> add)
    {
        ParquetRowGroups groups;
        try
        {
            groups = ParquetRowGroups.Open(part, Environment.ProcessorCount > 1 ? 2 : 1);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }

        using (groups)
        {
            if (groups.ColumnCount != plan.FieldCount || Columns(plan, groups) is not { } columns)
            {
                return false;
            }

            using var texts = new ThreadLocal<CellText>(() => new CellText());
            var results = Array.Empty<RowResult>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            for (var group = 0; group < groups.GroupCount; group++)
            {
                int rows;
                try
                {
                    rows = groups.Load(group, columns);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A damaged row group: the text reader names it.
                    return false;
                }

                if (results.Length < rows)
                {
                    results = new RowResult[rows];
                }

                Parallel.For(0, (rows + ChunkRows - 1) / ChunkRows, parallel, chunk =>
                {
                    var (worker, text) = (workers.Value!, texts.Value!);
                    for (var row = chunk * ChunkRows; row < Math.Min(rows, (chunk + 1) * ChunkRows); row++)
                    {
                        worker.Read(new ParquetFieldRow(groups, row, text), results, row);
                    }

                    worker.Flush(results);
                });

                for (var row = 0; row < rows; row++)
                {
                    if (!add(results[row]))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>The columns the plan reads; null when one it reads as a number holds none.</summary>
    private static int[]? Columns(RowPlan plan, ParquetRowGroups groups)
    {
        int[] numbers = [.. plan.FeatureIndexes, .. plan.ScoreIndex is { } score ? [score] : Array.Empty<int>()];
        if (numbers.Any(c => !groups[c].IsNumber))
        {
            return null;
        }

        // The first column is read for the comment check when it holds text.
        return [.. numbers.Append(plan.LabelIndex).Concat(plan.IdIndex is { } id ? [id] : []).Concat(plan.Identity.Select(f => f.CsvIndex)).Concat(plan.SliceIndexes).Append(0).Distinct()];
    }
}
