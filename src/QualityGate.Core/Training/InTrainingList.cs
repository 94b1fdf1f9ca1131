using QualityGate.Configuration;
using QualityGate.Storage;

namespace QualityGate.Training;

/// <summary>
/// The held-out examples that <c>qgate export-training --include-heldout-mined</c> put into the
/// training data: one id per line, sorted, in a file beside the suite
/// (<c>hard-negatives.in-training.txt</c> for <c>hard-negatives.csv</c>). Commit it with the
/// suite: the gate leaves these examples out of held-out metrics, since they are held out no more.
/// </summary>
public static class InTrainingList
{
    public static string? PathFor(GateConfig config) =>
        config.Data.Suite is { } suite ? Path.ChangeExtension(suite, ".in-training.txt") : null;

    public static IReadOnlySet<string> Read(GateConfig config) =>
        PathFor(config) is { } path && File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Adds ids to the list, written atomically; the list only grows, since a model trained on an example has seen it.</summary>
    public static int Add(GateConfig config, IEnumerable<string> ids)
    {
        var path = PathFor(config)!;
        var all = Read(config).Concat(ids).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(string.Concat(all.Select(id => id + "\n"))));
        return all.Count;
    }
}
