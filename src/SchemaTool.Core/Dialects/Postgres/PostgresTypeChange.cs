using System.Text.RegularExpressions;
using SchemaTool.Apply;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// What ALTER COLUMN ... TYPE does to a table, which its text cannot tell: PostgreSQL keeps the rows as they are when
/// the old type's values are valid values of the new one with the same bytes (a longer varchar, varchar to text, a
/// numeric with more digits at the same scale), rebuilds only the column's indexes for a collation change, and
/// rewrites the table otherwise.
/// </summary>
internal static partial class PostgresTypeChange
{
    public static TableWork Work(Column from, Column to)
    {
        var (a, b) = (Parse(PostgresTypes.Canonical(from.Type)), Parse(PostgresTypes.Canonical(to.Type)));
        if (a == b) return from.Collation == to.Collation ? TableWork.None : TableWork.Scan;
        return KeepsBytes(a, b) ? (from.Collation == to.Collation ? TableWork.None : TableWork.Scan) : TableWork.Rewrite;
    }

    private static bool KeepsBytes((string Name, int[] Args) a, (string Name, int[] Args) b) => (a.Name, b.Name) switch
    {
        ("character varying", "character varying") => b.Args.Length == 0 || (a.Args.Length == 1 && b.Args[0] >= a.Args[0]),
        ("character varying", "text") => true,
        ("text", "character varying") => b.Args.Length == 0,
        ("numeric", "numeric") => b.Args.Length == 0 || (a.Args.Length == 2 && b.Args.Length == 2 && b.Args[1] == a.Args[1] && b.Args[0] >= a.Args[0])
                                  || (a.Args.Length == 1 && b.Args.Length >= 1 && (b.Args.Length == 1 ? 0 : b.Args[1]) == 0 && b.Args[0] >= a.Args[0]),
        ("bit varying", "bit varying") => b.Args.Length == 0 || (a.Args.Length == 1 && b.Args[0] >= a.Args[0]),
        ("cidr", "inet") => true,
        _ => false,
    };

    private static (string Name, int[] Args) Parse(string canonical)
    {
        var match = TypeWithModifiers().Match(canonical);
        if (!match.Success) return (canonical, []);
        var args = match.Groups[2].Value.Split(',').Select(x => int.TryParse(x.Trim(), out var n) ? n : -1).ToArray();
        return args.Any(n => n < 0) ? (canonical, []) : (match.Groups[1].Value.Trim(), args);
    }

    [GeneratedRegex(@"^([a-z ]+)\(([0-9, ]+)\)$")]
    private static partial Regex TypeWithModifiers();
}
