namespace QualityGate.Tests.Support;

/// <summary>Where the repository's files are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "samples", "spam");

    public static string SampleConfig => Path.Combine(Sample, "qualitygate.yml");

    public static string SpambaseTrain => Path.Combine(Sample, "data", "train.csv");

    public static string SpambaseHeldout => Path.Combine(Sample, "data", "heldout.csv");

    /// <summary>The qgate program built next to the tests.</summary>
    public static string Qgate => Path.Combine(AppContext.BaseDirectory, "qgate.dll");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QualityGate.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("QualityGate.sln not found above the test assembly.");
    }
}
