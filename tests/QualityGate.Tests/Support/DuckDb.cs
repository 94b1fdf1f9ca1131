using System.Globalization;
using DuckDB.NET.Data;

namespace QualityGate.Tests.Support;

/// <summary>
/// DuckDB, the independent writer and reader of Parquet and CSV the tests check qgate against.
/// One thread keeps the rows in the order they were read, so a CSV and a Parquet copy agree row by
/// row. <c>~/</c> in a statement is the directory given (the process's own folder is not changed:
/// tests run in parallel).
/// </summary>
internal static class DuckDb
{
    public static void Execute(string directory, string sql)
    {
        using var connection = Open();
        using var command = Command(connection, directory, sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Each row of a query as its fields joined by commas, in the query's order.</summary>
    public static List<string> Rows(string directory, string sql)
    {
        using var connection = Open();
        using var command = Command(connection, directory, sql);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string directory, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SET threads = 1; SET preserve_insertion_order = true; {sql.Replace("~/", directory + "/", StringComparison.Ordinal)}";
        return command;
    }
}
