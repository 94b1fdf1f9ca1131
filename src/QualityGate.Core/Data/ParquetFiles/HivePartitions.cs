namespace QualityGate.Data.ParquetFiles;

/// <summary>
/// Hive-style partition folders (<c>scored/provider=gmail/day=3/part-0.parquet</c>), as Spark,
/// Databricks and DuckDB's <c>PARTITION_BY</c> write them: the partition values are not in the
/// part files, only in their folders' names, and become columns after the file's own.
/// </summary>
public static class HivePartitions
{
    /// <summary>What Hive and Spark write for a null partition value.</summary>
    private const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>Whether a folder's name is a partition (<c>key=value</c> with a key).</summary>
    public static bool IsPartitionFolder(string name) => name.IndexOf('=') > 0;

    /// <summary>
    /// The partition columns of a part file, outermost first: the <c>key=value</c> folders it sits
    /// in, up to the first folder that is none. Values are unescaped as Spark escapes them (%2F);
    /// a null partition is an empty field, as a null is in the file's own columns.
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> Of(string partPath)
    {
        var partitions = new List<(string, string)>();
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(partPath)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var name = Path.GetFileName(folder);
            if (!IsPartitionFolder(name))
            {
                break;
            }

            var equals = name.IndexOf('=');
            var value = Uri.UnescapeDataString(name[(equals + 1)..]);
            partitions.Add((Uri.UnescapeDataString(name[..equals]), value == DefaultPartition ? string.Empty : value));
        }

        partitions.Reverse();
        return partitions;
    }
}
