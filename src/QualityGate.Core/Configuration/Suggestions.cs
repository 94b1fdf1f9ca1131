namespace QualityGate.Configuration;

/// <summary>"Did you mean …?" for misspelt keys and names.</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="text"/> by edit distance, if it is close enough to be a likely typo.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var (a, b) = (text.ToLowerInvariant(), candidate.ToLowerInvariant());

            // "maximum" for "max", "thresh" for "threshold": a shared stem is a likely intent.
            var distance = a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) ? 1 : EditDistance(a, b);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // A suggestion further away than about a third of the word is noise, not help.
        return best is not null && bestDistance <= Math.Max(2, text.Length / 3) ? best : null;
    }

    public static string DidYouMean(string text, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var closest = Closest(text, list);
        return closest is not null
            ? $"Did you mean '{closest}'?"
            : $"Valid keys: {string.Join(", ", list)}.";
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
