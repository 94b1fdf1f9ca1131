using System.Text;
using CsCheck;
using QualityGate.Scoring.FastPath;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// The fast pass hands each worker a block of whole lines: a block that ended inside a line would
/// split one row into two wrong ones, and a line lost or read twice between blocks would shift
/// every row after it. So the blocks must end at line ends and hold, in order, exactly the text
/// after the header.
/// </summary>
public sealed class LineBlocksTests
{
    private static (string Header, List<string> Blocks) Split(string text, int blockBytes)
    {
        var lines = new LineBlocks(new MemoryStream(Encoding.UTF8.GetBytes(text)), blockBytes);
        Assert.True(lines.SkipHeader());
        var blocks = new List<string>();
        foreach (var block in lines.All())
        {
            blocks.Add(Encoding.UTF8.GetString(block.Bytes, 0, block.Length));
            block.Return();
        }

        return (text[..(text.IndexOf('\n') + 1)], blocks);
    }

    [Fact]
    public void Blocks_end_at_line_ends_and_together_hold_the_text_after_the_header()
    {
        // Lines shorter and longer than a block, LF and CRLF ends, a last line with and without one.
        var line = Gen.String[Gen.Char["abc,0.5-"], 0, 40];
        Gen.Select(line.List[0, 30], Gen.Bool, Gen.Bool, Gen.Int[1, 64]).Sample((lines, crlf, endsWithLineEnd, blockBytes) =>
        {
            var end = crlf ? "\r\n" : "\n";
            var text = "Label,f0" + end + string.Join(end, lines) + (endsWithLineEnd ? end : string.Empty);
            var (header, blocks) = Split(text, blockBytes);

            Assert.Equal(text, header + string.Concat(blocks));
            foreach (var block in blocks.Take(blocks.Count - 1))
            {
                Assert.EndsWith("\n", block);
            }

            Assert.All(blocks, block => Assert.NotEmpty(block));
        }, iter: 3_000);
    }

    [Fact]
    public void A_block_holds_lines_up_to_its_size_not_one_line_each()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i},x\n"));
        var (_, blocks) = Split(text, 1024);

        Assert.InRange(blocks.Count, 6, 7);
        Assert.All(blocks.SkipLast(1), block => Assert.InRange(block.Length, 1024 - 8, 1024));
    }

    [Fact]
    public void A_file_of_carriage_return_line_ends_is_cut_after_one()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},x\r"));
        var (_, blocks) = Split(text, 64);

        Assert.True(blocks.Count > 10);
        Assert.All(blocks, block => Assert.EndsWith("\r", block));
        Assert.Equal(text[4..], string.Concat(blocks));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_file_not_in_UTF_8_is_left_to_the_full_reader(string encoding)
    {
        var text = Encoding.GetEncoding(encoding);
        var bytes = text.GetPreamble().Concat(text.GetBytes("Label,f0\n1,0.5\n")).ToArray();

        Assert.False(new LineBlocks(new MemoryStream(bytes)).SkipHeader());
    }

    [Fact]
    public void A_file_of_only_a_header_has_no_blocks()
    {
        var lines = new LineBlocks(new MemoryStream("Label,f0"u8.ToArray()));

        Assert.True(lines.SkipHeader());
        Assert.Empty(lines.All());
    }
}
