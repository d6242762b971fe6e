using System.Globalization;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// PostgreSQL refuses an ALTER SEQUENCE whose bounds leave out the sequence's current value ("RESTART value (-200)
/// cannot be less than MINVALUE (-100)"), which only the database knows when the revision runs. Before bounds that
/// narrow, the sequence is moved inside them: a value already inside stays; one outside goes to the nearer new bound,
/// to be handed out next. setval keeps to the bounds the sequence has, so where the new ones reach beyond them, the
/// sequence first takes both.
/// </summary>
internal static class PostgresSequenceBounds
{
    /// <param name="quoted">The sequence's name as SQL writes it: quoted, with its schema where it has one.</param>
    public static IEnumerable<string> MoveInside(string quoted, (long Min, long Max) from, (long Min, long Max) to)
    {
        if (to.Min <= from.Min && to.Max >= from.Max) yield break;
        if (to.Min < from.Min || to.Max > from.Max)
            yield return $"ALTER SEQUENCE {quoted} MINVALUE {Number(Math.Min(from.Min, to.Min))} MAXVALUE {Number(Math.Max(from.Max, to.Max))}";
        var (min, max) = (Number(to.Min), Number(to.Max));
        yield return $"SELECT setval({SqlLiterals.String(quoted)}, least(greatest(last_value, {min}), {max}), is_called AND last_value BETWEEN {min} AND {max}) FROM {quoted}";
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
