using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QualityGate.Configuration;

namespace QualityGate.Baseline;

/// <summary>
/// A hash of the settings that define what the examples and outcomes are (columns, label, id,
/// threshold, region), and nothing else: loosening a limit or moving a file needs no re-bless.
/// </summary>
public static class ContentHash
{
    public static string OfSettings(GateConfig config)
    {
        var lines = new List<string>
        {
            // A model reads the data the same way whether it is an ML.NET zip or ONNX, so an ONNX
            // conversion is checked against the blessed ML.NET model; precomputed scores are not.
            $"model.kind={(config.Model.Kind == ModelKind.Scores ? ModelKind.Scores : ModelKind.MlNet)}",
            // Precomputed scores: a scored copy of the same data is the same examples, whatever
            // its score column is called.
            config.Model.Kind == ModelKind.Scores ? "model.score_column=(scores)" : $"model.score_column={config.Model.ScoreColumn}",
            $"label.column={config.Label.Column}",
            $"label.positive={string.Join('|', config.Label.Positive.Select(v => v.ToLowerInvariant()).Order(StringComparer.Ordinal))}",
            $"label.negative={string.Join('|', config.Label.Negative.Select(v => v.ToLowerInvariant()).Order(StringComparer.Ordinal))}",
            $"id={config.IdColumn}",
            $"data.separator={config.Data.Separator}",
            config.Threshold.Value is { } value
                ? $"threshold={value.ToString("R", CultureInfo.InvariantCulture)}"
                : $"threshold.{config.Threshold.Target}={config.Threshold.TargetValue.ToString("R", CultureInfo.InvariantCulture)}",
            $"region.{config.Region.Kind}={config.Region.Parameter.ToString("R", CultureInfo.InvariantCulture)}",
        };
        foreach (var (input, selection) in config.Model.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Add($"model.inputs.{input}={selection.First}..{selection.Last}|{string.Join(',', selection.Names)}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>
    /// The held-out set as the baseline identifies it. With precomputed scores the score column is
    /// left out: a new model's scores written into a copy of the same rows are the same examples,
    /// and must be compared with the baseline, not refused. A folder's hash is its parts' (see
    /// <see cref="OfParts"/>), each hashed alone, so shards can hash the parts they read.
    /// </summary>
    public static string OfHeldout(GateConfig config, string scoreColumn)
    {
        if (config.Model.Kind != ModelKind.Scores)
        {
            return OfDataFile(config.Data.Heldout);
        }

        var file = Data.DataFile.Open(config.Data.Heldout, config.Display(config.Data.Heldout), config.Data.Separator, config.Data.HeldoutLocation);
        return Whole(file, OfHeldoutParts(config, file, file, scoreColumn));
    }

    /// <summary>A part of precomputed scores, row by row without the score column, the header first.</summary>
    private static string OfScoredRows(Data.DataFile file, string part, string scoreColumn)
    {
        var skipped = file.IndexOf(scoreColumn);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(IEnumerable<string> fields) =>
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields.Where((_, i) => i != skipped)) + "\u001e"));

        Append(file.Columns);
        using var rows = (file with { Parts = [part] }).ReadRows();
        while (rows.Read() is { } fields)
        {
            Append(fields);
        }

        return "rows:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// A data file or folder as the baseline identifies it: a folder by its parts' hashes
    /// (<see cref="OfParts"/>), a Parquet file by its bytes, any other by its text
    /// (<see cref="OfTextFile"/>). The pass reads Parquet as numbers, and writing a Parquet file
    /// out as text only to hash it took as long as scoring it: a Parquet file written again, with
    /// another compression or other row groups, is blessed anew.
    /// </summary>
    public static string OfDataFile(string path)
    {
        if (Directory.Exists(path))
        {
            return OfParts(Data.DataFile.PartsOf(path).Select(p => new PartHash(Data.DataFile.PartName(path, p), OfDataFile(p))));
        }

        return Data.ParquetFiles.ParquetTextStream.IsParquet(path) ? OfFile(path) : OfTextFile(path);
    }

    /// <summary>
    /// The hash of a text file's content (<see cref="Data.TextHash"/>): taken by the pass that read
    /// it when that pass was asked to (<see cref="Data.HashedReads"/>), else read now.
    /// </summary>
    public static string OfTextFile(string path)
    {
        if (Data.HashedReads.Of(path) is { } known)
        {
            return known;
        }

        // A gzipped file is hashed as the text it holds: recompressing it is no change of data.
        using var stream = Data.FileContent.OpenUnhashed(path);
        using var hash = new Data.TextHash();
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
        }

        return hash.Finish();
    }

    /// <summary>
    /// A folder of parts: its part names and their contents' hashes, in name order. Named by their
    /// path within it, so parts of the same name in two partitions are two parts. Each part's hash
    /// stands alone, so shards that each hashed their own parts give a merge the folder's hash.
    /// </summary>
    public static string OfParts(IEnumerable<PartHash> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => $"{p.Part} {p.Sha256}")))));

    /// <summary>
    /// The hashes of a held-out folder's parts, as <see cref="OfHeldout"/> takes them into the
    /// folder's: for a shard to hand its merge, so the merge reads no row (precomputed scores are
    /// hashed row by row, each part alone).
    /// </summary>
    public static IReadOnlyList<PartHash> OfHeldoutParts(GateConfig config, Data.DataFile all, Data.DataFile share, string scoreColumn) =>
        [.. share.Parts.Select(p => new PartHash(PartName(all, p), config.Model.Kind == ModelKind.Scores ? OfScoredRows(all, p, scoreColumn) : OfDataFile(p)))];

    /// <summary>
    /// The held-out set's hash from every shard's part hashes, as <see cref="OfHeldout"/> gives it
    /// for the whole: null unless together they are every part of it, each once.
    /// </summary>
    public static string? OfHeldoutFromParts(Data.DataFile all, IEnumerable<IReadOnlyList<PartHash>?> shards)
    {
        var byName = new Dictionary<string, PartHash>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            // A shard without part hashes (precomputed scores, an older qgate), or a part twice: no hash.
            if (shard is null || !shard.All(part => byName.TryAdd(part.Part, part)))
            {
                return null;
            }
        }

        var names = all.Parts.Select(p => PartName(all, p)).ToList();
        if (byName.Count != names.Count || !names.All(byName.ContainsKey))
        {
            return null;
        }

        return Whole(all, [.. names.Select(name => byName[name])]);
    }

    /// <summary>A held-out set's hash from all its parts' in listing order: a single file's is its content's, a folder's its listing's.</summary>
    private static string Whole(Data.DataFile all, IReadOnlyList<PartHash> parts) => all.IsFolder ? OfParts(parts) : parts[0].Sha256;

    /// <summary>A part's name in a held-out set's listing: its path within the folder; empty for a single file.</summary>
    private static string PartName(Data.DataFile all, string part) => all.IsFolder ? Data.DataFile.PartName(all.Path, part) : string.Empty;
}

/// <summary>A part of a data folder (its path within the folder; empty for a single file) and its content hash.</summary>
public sealed record PartHash(string Part, string Sha256);
