using System.Security.Cryptography;
using System.Text;
using CsCheck;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scale;

/// <summary>
/// The held-out file is hashed by the pass that scores it, not by a second read: the hash a
/// reader leaves is the one a separate read gives, whatever the reads' sizes, and only for a file
/// read to its end and unchanged since.
/// </summary>
public sealed class HashedReadsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>The text a baseline identifies: no byte order mark, CRLF as LF (a lone CR stays).</summary>
    private static string Reference(byte[] bytes)
    {
        var text = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var kept = text.Where((b, i) => !(b == '\r' && i + 1 < text.Length && text[i + 1] == '\n')).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(kept));
    }

    [Fact]
    public void Text_hashed_in_chunks_of_any_sizes_hashes_as_the_whole()
    {
        // Bytes rich in what the hash treats specially (a byte order mark's bytes, CR, LF), cut anywhere.
        byte[] special = [(byte)'a', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];
        var bytes = Gen.Int[0, special.Length - 1].Select(i => special[i]).Array[0, 40];
        Gen.Select(bytes, Gen.Bool, Gen.Int[1, 7].Array[1, 12]).Sample((body, bom, cuts) =>
        {
            byte[] content = bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
            using var hash = new TextHash();
            var (at, cut) = (0, 0);
            while (at < content.Length)
            {
                var length = Math.Min(cuts[cut++ % cuts.Length], content.Length - at);
                hash.Append(content.AsSpan(at, length));
                at += length;
            }

            Assert.Equal(Reference(content), hash.Finish());
        }, iter: 20_000);
    }

    [Fact]
    public void A_file_read_to_its_end_during_a_pass_leaves_the_hash_a_separate_read_gives_and_only_then()
    {
        var path = _directory.File("wanted.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a,b\r\n1,\"x\ry\"\r\n", 50_000)))]);
        var late = _directory.Write("late.csv", "a,b\n1,2\n");
        using (HashedReads.While([path, late]))
        {
            using (var partial = FileContent.Open(path))
            {
                partial.ReadExactly(new byte[100]);
            }

            Assert.Null(HashedReads.Of(path));

            using var whole = FileContent.Open(path);
            whole.CopyTo(Stream.Null, 4099);
        }

        Assert.Equal(Reference(File.ReadAllBytes(path)), HashedReads.Of(path));
        Assert.Equal(HashedReads.Of(path), ContentHash.OfTextFile(path));

        // Read after the pass (as mining reads rows back): not hashed.
        using (var after = FileContent.Open(late))
        {
            after.CopyTo(Stream.Null);
        }

        Assert.Null(HashedReads.Of(late));
    }

    [Fact]
    public void A_file_written_after_it_was_read_is_hashed_again()
    {
        var path = _directory.Write("changed.csv", "a,b\n1,2\n");
        using (HashedReads.While([path]))
        {
            using var stream = FileContent.Open(path);
            stream.CopyTo(Stream.Null);
        }

        Assert.NotNull(HashedReads.Of(path));

        // Same length, so only the time of the write tells them apart.
        File.WriteAllText(path, "a,b\n3,4\n");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(2));

        Assert.Null(HashedReads.Of(path));
        Assert.Equal(Reference(File.ReadAllBytes(path)), ContentHash.OfTextFile(path));
    }

    [Fact]
    public void A_bless_takes_the_heldout_sets_hash_from_its_scoring_pass()
    {
        using var sample = new SampleCopy();
        var heldout = Path.Combine(sample.Root, "data", "heldout.csv");

        var baseline = BaselineBuilder.Build(QualityGate.Verbs.Bless.Evaluate(ConfigLoader.Load(sample.ConfigPath)));

        Assert.Equal(Reference(File.ReadAllBytes(heldout)), baseline.HeldoutSha256);
        Assert.Equal(baseline.HeldoutSha256, HashedReads.Of(heldout));
    }

    [Fact]
    public void A_parquet_heldout_set_is_identified_by_its_bytes_and_never_written_out_as_text_to_hash_it()
    {
        using var sample = new SampleCopy();
        var data = Path.Combine(sample.Root, "data");
        DuckDb.Execute(data, "COPY (SELECT * FROM read_csv('~/heldout.csv', header = true)) TO '~/heldout.parquet' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)");
        sample.EditConfig(yaml => yaml.Replace("heldout: data/heldout.csv", "heldout: data/heldout.parquet", StringComparison.Ordinal));
        var parquet = Path.Combine(data, "heldout.parquet");

        var baseline = BaselineBuilder.Build(QualityGate.Verbs.Bless.Evaluate(ConfigLoader.Load(sample.ConfigPath)));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(parquet))), baseline.HeldoutSha256);
        Assert.Null(HashedReads.Of(parquet));
    }
}
