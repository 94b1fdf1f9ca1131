using System.Security.Cryptography;
using System.Text;
using QualityGate.Baseline;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Hostile;

/// <summary>A text file's hash ignores a byte order mark and CRLF line ends, wherever they fall in the file, and nothing else.</summary>
public sealed class ContentHashTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData((1 << 20) - 1)]
    [InlineData(1 << 20)]
    [InlineData((1 << 20) + 1)]
    [InlineData(5)]
    public void Crlf_line_ends_hash_as_lf_even_across_read_boundaries(int at)
    {
        var lf = new StringBuilder();
        while (lf.Length < 3 << 20)
        {
            lf.Append("a,b,c\n");
        }

        var text = lf.ToString();
        var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var straddling = crlf[..at] + "x\r\ny" + crlf[at..];
        var plain = crlf[..at].Replace("\r\n", "\n", StringComparison.Ordinal) + "x\ny" + crlf[at..].Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(Sha(text), ContentHash.OfTextFile(_directory.Write("lf.csv", text)));
        Assert.Equal(Sha(text), ContentHash.OfTextFile(Write("crlf.csv", crlf, bom: true)));
        Assert.Equal(Sha(plain), ContentHash.OfTextFile(Write("straddling.csv", straddling, bom: false)));
    }

    [Fact]
    public void A_lone_carriage_return_is_content()
    {
        Assert.NotEqual(ContentHash.OfTextFile(_directory.Write("a.csv", "a\rb\n")), ContentHash.OfTextFile(_directory.Write("b.csv", "ab\n")));
        Assert.Equal(Sha("a\rb\r"), ContentHash.OfTextFile(_directory.Write("c.csv", "a\rb\r")));
        Assert.Equal(Sha("a\r\nb\n"), ContentHash.OfTextFile(_directory.Write("d.csv", "a\r\r\nb\r\n")));
    }

    private string Write(string name, string text, bool bom)
    {
        var path = _directory.File(name);
        File.WriteAllBytes(path, [.. (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()), .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
