namespace QualityGate.Tests.Support;

/// <summary>
/// A private copy of samples/spam (config, data, models, suite and baseline) for tests that
/// write: the committed sample is never changed by a test.
/// </summary>
public sealed class SampleCopy : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public SampleCopy(bool withSuite = true, bool withBaseline = true)
    {
        foreach (var folder in new[] { "data", "model" })
        {
            Directory.CreateDirectory(Path.Combine(Root, folder));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Sample, folder)))
            {
                File.Copy(file, Path.Combine(Root, folder, Path.GetFileName(file)));
            }
        }

        Directory.CreateDirectory(Path.Combine(Root, "quality"));
        if (withSuite)
        {
            File.Copy(Path.Combine(RepositoryPaths.Sample, "quality", "hard-negatives.csv"), SuitePath);
        }

        if (withBaseline)
        {
            File.Copy(Path.Combine(RepositoryPaths.Sample, "quality", "baseline.json"), BaselinePath);
        }

        File.Copy(RepositoryPaths.SampleConfig, ConfigPath);
    }

    public string Root => _directory.Path;

    public string ConfigPath => Path.Combine(Root, "qualitygate.yml");

    public string SuitePath => Path.Combine(Root, "quality", "hard-negatives.csv");

    public string BaselinePath => Path.Combine(Root, "quality", "baseline.json");

    public string WeakModel => Path.Combine(Root, "model", "spam-weak.zip");

    /// <summary>Edits the config text.</summary>
    public void EditConfig(Func<string, string> edit) => File.WriteAllText(ConfigPath, edit(File.ReadAllText(ConfigPath)));

    public void Dispose() => _directory.Dispose();
}
