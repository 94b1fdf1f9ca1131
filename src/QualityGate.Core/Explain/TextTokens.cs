using System.Text;

namespace QualityGate.Explain;

/// <summary>
/// The words of a text column as explain compares them: runs of letters and digits, lower-cased,
/// and each pair of neighbouring words (a bigram, "click here"), which is what bag-of-words
/// featurizers such as ML.NET's FeaturizeText see. Removing a token takes out exactly what
/// <see cref="Of"/> found, so the region importance measures the very token the comparison names.
/// </summary>
public static class TextTokens
{
    /// <summary>The distinct words and word pairs of a text.</summary>
    public static HashSet<string> Of(string text)
    {
        var words = Words(text).Select(w => w.Text).ToList();
        var tokens = new HashSet<string>(words, StringComparer.Ordinal);
        for (var i = 1; i < words.Count; i++)
        {
            tokens.Add($"{words[i - 1]} {words[i]}");
        }

        return tokens;
    }

    /// <summary>The text with every occurrence of the word, or of the word pair, taken out.</summary>
    public static string Without(string text, string token)
    {
        var parts = token.Split(' ');
        var words = Words(text).ToList();
        var removed = new bool[words.Count];
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            if (parts.Select((part, k) => words[i + k].Text == part).All(match => match))
            {
                for (var k = 0; k < parts.Length; k++)
                {
                    removed[i + k] = true;
                }
            }
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (removed[i])
            {
                result.Append(text, at, words[i].Start - at);
                at = words[i].Start + words[i].Length;
            }
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static IEnumerable<(int Start, int Length, string Text)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            yield return (start, i - start, text[start..i].ToLowerInvariant());
        }
    }
}
