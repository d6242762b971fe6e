using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// The known type nearest to an unknown one, for "did you mean ...?": the names of other languages that people
/// write first (string, long, datetime), then the known name fewest edits away.
/// </summary>
public static class TypeSuggestions
{
    private static readonly Dictionary<string, string> Habits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = "text",
        ["str"] = "text",
        ["long"] = "bigint",
        ["number"] = "numeric",
        ["datetime"] = "timestamp",
        ["bool"] = "boolean",
        ["guid"] = "uuid",
        ["bytes"] = "binary",
        ["blob"] = "binary",
        ["float64"] = "double",
        ["int64"] = "bigint",
        ["int32"] = "int",
    };

    /// <summary>The suggestion for <paramref name="type"/>'s name among <paramref name="known"/>, with its modifiers kept; null when nothing is near.</summary>
    public static string? Nearest(TypeName type, IEnumerable<string> known)
    {
        var name = type.Name;
        var knownSet = known as IReadOnlySet<string> ?? known.ToHashSet(StringComparer.OrdinalIgnoreCase);
        string? best = null;
        if (Habits.TryGetValue(name, out var habit) && knownSet.Contains(habit)) best = habit;
        var bestDistance = Math.Max(1, Math.Min(3, name.Length / 3));
        if (best is null)
            foreach (var candidate in knownSet.Concat(Habits.Keys).Order(StringComparer.Ordinal)) // ties go to the same name every time
            {
                var distance = Spelling.Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant(), bestDistance);
                if (distance > bestDistance || (distance == bestDistance && best is not null)) continue;
                var target = Habits.TryGetValue(candidate, out var mapped) ? mapped : candidate;
                if (!knownSet.Contains(target)) continue;
                best = target;
                bestDistance = distance;
            }
        if (best is null) return null;
        var args = type.Arguments is { } a ? "(" + string.Join(",", a.Select(x => x.Text)) + ")" : "";
        return best + args;
    }
}
