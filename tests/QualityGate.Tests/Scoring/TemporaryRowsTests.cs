using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Scoring;

/// <summary>
/// Rows made up to be scored again (a suite item with one feature at a typical value, rows read
/// back to learn their ids) are held in memory and read through the same readers as a data file;
/// nothing is written to the temporary folder for them.
/// </summary>
public sealed class TemporaryRowsTests
{
    [Fact]
    public void Rows_made_up_to_be_scored_again_read_back_as_written_with_no_file_on_disk()
    {
        var like = new DataFile("/data/heldout.csv", "data/heldout.csv", ';', ["id", "text", "x"]);
        string[][] rows = [["1", "a;b \"quoted\"", "0.5"], ["2", "", "1e-3"], ["3", "two\nlines", "7"]];
        string path;
        using (var made = TemporaryRows.Write(like, rows))
        {
            path = made.File.Path;
            Assert.False(File.Exists(path));
            Assert.Equal("data/heldout.csv", made.File.DisplayPath);
            Assert.Equal(like.Columns, made.File.Columns);

            var read = new List<string[]>();
            using var reader = made.File.ReadRows();
            while (reader.Read() is { } fields)
            {
                read.Add([.. fields]);
            }

            Assert.Equal(rows, read);
        }

        // Let go once disposed: the path names nothing any more.
        Assert.ThrowsAny<IOException>(() => FileContent.Open(path).Dispose());
    }

    [Fact]
    public void A_temporary_folder_that_cannot_be_written_is_named_as_the_cause_not_the_model()
    {
        using var sample = new SampleCopy();
        var notAFolder = Path.Combine(sample.Root, "not-a-folder");
        File.WriteAllText(notAFolder, string.Empty);
        var temporary = Path.Combine(notAFolder, "tmp");

        var run = QgateProcess.Run(sample.Root, new Dictionary<string, string> { ["TMPDIR"] = temporary, ["NO_COLOR"] = "1" }, "check");

        Assert.Equal(ExitCodes.ModelOrData, run.ExitCode);
        Assert.Contains("'model/spam.zip' could not be read", run.All);
        Assert.Contains($"ML.NET unpacks the model into the temporary folder '{temporary}/' to read it", run.All);
        Assert.DoesNotContain("not a readable ML.NET model", run.All);
        Assert.DoesNotContain("model.assemblies", run.All);
    }
}
