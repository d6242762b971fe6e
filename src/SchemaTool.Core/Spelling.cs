namespace SchemaTool;

/// <summary>
/// The nearest of a few known words to a misspelled one, for "did you mean ...?" on types, URL schemes and model
/// keys: the edit distance counts an insertion, a deletion, a substitution or two neighbours swapped as one edit.
/// </summary>
public static class Spelling
{
    /// <summary>
    /// The candidate fewest edits from <paramref name="word"/> (case ignored), if within <paramref name="limit"/>
    /// edits; of equal ones the first in ordinal order, so the same word is suggested every time.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates, int limit)
    {
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestDistance = limit;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(lower, candidate.ToLowerInvariant(), bestDistance);
            if (distance > bestDistance || (distance == bestDistance && best is not null)) continue;
            best = candidate;
            bestDistance = distance;
        }
        return best;
    }

    /// <summary>The edit distance of <paramref name="a"/> and <paramref name="b"/>; any value past <paramref name="limit"/> is limit + 1.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
