using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Scoring;
using QualityGate.Suite;

namespace QualityGate.Explain;

/// <summary>A data column compared across the groups: a scalar input, one slot of a vector input, or a word of a text column.</summary>
/// <param name="Column">Its index in the data header.</param>
/// <param name="ModelInput">
/// False for a column the model does not read: if it separates hard negatives, it is a feature the
/// model is missing. Null when that is unknown (a model with its own loader, or precomputed scores).
/// </param>
/// <param name="Word">For a word of a text column: the word, whose presence (1 or 0) is the value compared.</param>
public sealed record Feature(string Name, int Column, bool? ModelInput, Word? Word = null)
{
    /// <summary>A word of a text column, named by both: <c>Text: "free"</c>.</summary>
    public static Feature OfWord(Feature column, string word) => new($"{column.Name}: \"{word}\"", column.Column, column.ModelInput, new Word(column.Name, word));
}

/// <summary>A word, or a pair of neighbouring words, of a text column (<see cref="TextTokens"/>).</summary>
public sealed record Word(string Column, string Text);

/// <summary>
/// Columns shuffled together for the region importance: one scalar, or neighbouring slots of a
/// vector; or, with <paramref name="Word"/>, a word taken out of a text column's value.
/// </summary>
public sealed record PermutationGroup(string Name, IReadOnlyList<int> Columns, Word? Word = null);

/// <summary>
/// Which data columns are features and how they are permuted. Features are read from the data
/// file itself, so a vector input's slots carry the header's names for them.
/// </summary>
public sealed record FeatureLayout(IReadOnlyList<Feature> Features, IReadOnlyList<PermutationGroup> Groups)
{
    /// <param name="inputs">The model's numeric inputs and the columns behind them; null when there is no model to permute (<c>kind: scores</c>).</param>
    public static FeatureLayout Of(GateConfig config, DataFile heldout, IReadOnlyList<NumericInput>? inputs, string? scoreColumn)
    {
        var notFeatures = new HashSet<string>(config.Explain.Ignore.Concat(SuiteColumns.All).Append(config.Label.Column), StringComparer.Ordinal);
        if (config.IdColumn is { } id)
        {
            notFeatures.Add(id);
        }

        if (scoreColumn is not null)
        {
            notFeatures.Add(scoreColumn);
        }

        // A model whose own loader reads the file says nothing about which columns feed which
        // input: every column is then permuted on its own, and one the model ignores shows no importance.
        var mapped = inputs?.Where(i => i.CsvIndexes.Count > 0).ToList() ?? [];
        var read = mapped.SelectMany(i => i.CsvIndexes).ToHashSet();
        var known = mapped.Count > 0;
        var features = heldout.Columns
            .Select((name, column) => new Feature(name, column, known ? read.Contains(column) : null))
            .Where(f => !notFeatures.Contains(f.Name))
            .ToList();
        if (inputs is null)
        {
            return new FeatureLayout(features, []);
        }

        var groups = new List<PermutationGroup>();
        var grouped = new HashSet<int>();
        foreach (var input in mapped.Where(i => i.CsvIndexes.Count > 1))
        {
            groups.AddRange(Split(heldout, input.CsvIndexes, config.Explain.MaxGroups));
            grouped.UnionWith(input.CsvIndexes);
        }

        groups.AddRange(features.Where(f => f.ModelInput != false && !grouped.Contains(f.Column)).Select(f => new PermutationGroup(f.Name, [f.Column])));
        return new FeatureLayout(features, [.. groups.OrderBy(g => g.Columns[0])]);
    }

    /// <summary>A vector's slots in at most <paramref name="maxGroups"/> runs of neighbours, as even as can be.</summary>
    private static IEnumerable<PermutationGroup> Split(DataFile heldout, IReadOnlyList<int> slots, int maxGroups)
    {
        var count = Math.Min(slots.Count, maxGroups);
        for (var g = 0; g < count; g++)
        {
            var start = (int)((long)slots.Count * g / count);
            var end = (int)((long)slots.Count * (g + 1) / count);
            var columns = slots.Skip(start).Take(end - start).ToList();
            var name = columns.Count == 1 ? heldout.Columns[columns[0]] : $"{heldout.Columns[columns[0]]}..{heldout.Columns[columns[^1]]}";
            yield return new PermutationGroup(name, columns);
        }
    }
}
