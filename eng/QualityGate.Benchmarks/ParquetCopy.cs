using DuckDB.NET.Data;

namespace QualityGate.Benchmarks;

/// <summary>
/// The benchmark's CSV as Parquet, written by DuckDB as a user's pipeline would write it: zstd,
/// DuckDB's own row groups (122,880 rows), its own column types (doubles, the label an integer).
/// </summary>
public static class ParquetCopy
{
    public static void Write(string csv, string parquet)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET preserve_insertion_order = true; COPY (SELECT * FROM read_csv('{Path.GetFullPath(csv)}')) TO '{Path.GetFullPath(parquet)}' (FORMAT PARQUET, COMPRESSION zstd)";
        command.ExecuteNonQuery();
    }
}
