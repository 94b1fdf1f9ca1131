using System.Text.RegularExpressions;

namespace QualityGate.Package.Tests.Documentation;

/// <summary>A fenced code block of a Markdown document: its language, its text (the fence's indentation removed) and where it starts.</summary>
/// <param name="RunByCi">The block is preceded by <c>&lt;!-- run by .ci/run --&gt;</c>: its commands need the repository, so CI runs them, not a consumer project.</param>
internal sealed record MarkdownBlock(string Document, int Line, string Language, string Text, bool RunByCi)
{
    /// <summary>The block's lines that are commands: neither blank nor comments.</summary>
    public IEnumerable<string> Commands => Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    public override string ToString() => $"{Document}:{Line} ({Language})";
}

internal static partial class MarkdownBlocks
{
    public const string RunByCiMarker = "<!-- run by .ci/run -->";

    /// <summary>The documents a user reads: the README and every page under docs/.</summary>
    public static IEnumerable<string> Documents() =>
        Enumerable.Repeat("README.md", 1).Concat(Directory.EnumerateFiles(Path.Combine(PackagedFeed.RepositoryRoot, "docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p)).Order(StringComparer.Ordinal));

    public static IReadOnlyList<MarkdownBlock> Read(string document)
    {
        var lines = File.ReadAllLines(Path.Combine(PackagedFeed.RepositoryRoot, document));
        var blocks = new List<MarkdownBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var end = i + 1;
            while (end < lines.Length && !Fence().IsMatch(lines[end]))
            {
                end++;
            }

            Assert.True(end < lines.Length, $"{document}:{i + 1}: a code block is never closed.");
            var body = lines[(i + 1)..end].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart());
            var runByCi = i > 0 && lines[i - 1].Trim() == RunByCiMarker;
            blocks.Add(new MarkdownBlock(document, i + 1, open.Groups["language"].Value, string.Join('\n', body), runByCi));
            i = end;
        }

        return blocks;
    }

    /// <summary>The document's shell blocks, in order.</summary>
    public static IReadOnlyList<MarkdownBlock> Shell(string document) => [.. Read(document).Where(b => b.Language is "sh" or "bash")];

    /// <summary>The document's one YAML block whose first line is <paramref name="firstLine"/>.</summary>
    public static MarkdownBlock Yaml(string document, string firstLine) =>
        Read(document).Single(b => b.Language == "yaml" && b.Text.Split('\n')[0].Trim() == firstLine);

    [GeneratedRegex(@"^(?<indent>\s*)```(?<language>[\w-]*)\s*$")]
    private static partial Regex Fence();
}
