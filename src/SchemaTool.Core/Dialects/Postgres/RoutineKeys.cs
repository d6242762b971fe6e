using System.Text;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The model's keys of routines read from a database. A routine alone of its name keeps its name as key; overloads
/// (several of one name) are keyed by the name and their argument types, `pick_integer`, `pick_text`,
/// `pick_character_varying_array` (the one without arguments keeps the plain name), with `name:` saying the
/// server's name. A key another routine already has takes a number: `pick_integer_2`.
/// </summary>
internal static class RoutineKeys
{
    /// <param name="routines">each routine, whether it shares its name, and its argument types as oidvectortypes prints them</param>
    public static IEnumerable<Routine> Keyed(IReadOnlyList<(Routine Routine, bool Overloaded, string Types)> routines)
    {
        var taken = routines.Where(r => !r.Overloaded).Select(r => (r.Routine.Kind, r.Routine.Name)).ToHashSet();
        foreach (var (routine, overloaded, types) in routines)
        {
            if (!overloaded)
            {
                yield return routine;
                continue;
            }
            var key = types.Length == 0 ? routine.Name : routine.Name + "_" + Words(types);
            for (var n = 2; !taken.Add((routine.Kind, key)); n++)
                key = (types.Length == 0 ? routine.Name : routine.Name + "_" + Words(types)) + "_" + n;
            yield return key == routine.Name ? routine : routine with { Key = key };
        }
    }

    /// <summary>"integer, character varying[]" as "integer_character_varying_array": letters, digits and single underscores.</summary>
    private static string Words(string types)
    {
        var text = new StringBuilder();
        foreach (var c in types.Replace("[]", " array", StringComparison.Ordinal))
        {
            if (char.IsAsciiLetterOrDigit(c)) text.Append(char.ToLowerInvariant(c));
            else if (text.Length > 0 && text[^1] != '_') text.Append('_');
        }
        return text.ToString().TrimEnd('_');
    }
}
