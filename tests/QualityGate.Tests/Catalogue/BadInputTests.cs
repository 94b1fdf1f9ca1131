using System.Security.Cryptography;
using QualityGate.Tests.Support;

namespace QualityGate.Tests.Catalogue;

/// <summary>
/// Every bad input gets a clear error that names the file and the line, column or row, with exit
/// code 2 (configuration) or 3 (model or data), and changes nothing: the suite, the baseline and
/// the reports are hashed before and after, and no file appears.
/// </summary>
public sealed class BadInputTests(OddModels models) : IClassFixture<OddModels>
{
    public static TheoryData<BadInput> Cases => [.. BadInputCatalogue.All()];

    [Fact]
    public void The_catalogue_has_at_least_sixty_cases_with_distinct_names()
    {
        var names = BadInputCatalogue.All().Select(c => c.Name).ToList();
        Assert.True(names.Count >= 60, $"{names.Count} cases");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_a_clear_error_and_changes_nothing(BadInput input)
    {
        using var sample = new SampleCopy();
        input.Break(sample, models);
        var before = Hashes.Of(sample.Root);

        var result = QgateProcess.Run(sample.Root, input.Args);

        Assert.True(result.ExitCode == input.ExitCode, $"exit {result.ExitCode}, expected {input.ExitCode}:\n{result.All}");
        var diagnostic = result.StandardError.Split('\n').FirstOrDefault(l => l.Contains(": error QG", StringComparison.Ordinal));
        Assert.True(diagnostic is not null, $"no diagnostic line:\n{result.All}");
        Assert.StartsWith(input.Where, diagnostic, StringComparison.Ordinal);
        Assert.Matches(@"^[^:(]+\(\d+(,\d+)?\): error QG[23]\d{3}: ", diagnostic);
        Assert.Contains(input.Message, diagnostic, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Hashes.Of(sample.Root));
    }
}
