using System.Text.RegularExpressions;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What a model may say that PostgreSQL (or the server's version of it) cannot do; each problem is a message naming the object.</summary>
public static partial class PostgresValidator
{
    private static readonly HashSet<string> MySqlOnlyMethods = new(StringComparer.OrdinalIgnoreCase) { "fulltext", "spatial" };

    /// <param name="model">the model</param>
    /// <param name="serverVersion">the server's major version; null checks against the newest</param>
    public static IReadOnlyList<string> Validate(Schema model, int? serverVersion = null)
    {
        var version = serverVersion ?? int.MaxValue;
        var problems = new List<string>();
        foreach (var view in model.Views) ValidateOptions(view, version, serverVersion, problems);
        foreach (var routine in model.Routines.Where(LanguageC))
            problems.Add($"{routine.ObjectKind.Word()} {routine.KeyName}: a LANGUAGE c function is not modelled: plan would have the server load its " +
                         "library (and run its start-up code) to read it back; install it with its extension (`extensions:`) or keep it out of the model");
        foreach (var table in model.Tables)
        {
            ValidateStorage(table, version, serverVersion, problems);
            foreach (var index in table.Indexes)
            {
                // Named only when there is a problem: formatting it for each of thousands of valid objects cost more than the checks.
                string What() => $"index '{index.Name}' of '{table.Name}'";
                if (index.Method is { } method && MySqlOnlyMethods.Contains(method))
                    problems.Add($"{What()}: PostgreSQL has no `using: {method}` index; use gin (with to_tsvector for full text) or gist, or remove `using:`");
                if (index.Parts.Any(p => p.Length is not null))
                    problems.Add($"{What()}: PostgreSQL has no prefix indexes, so `length:` cannot be used; index an expression such as left(column, 32) instead");
                if (index.Constraint && (index.Where is not null || index.ColumnNames is null || index.Method is not null
                                         || index.Parts.Any(p => p.Descending || p.OpClass is not null || p.Collation is not null || p.Nulls is not null)))
                    problems.Add($"{What()}: a unique constraint (`constraint: true`) takes plain columns only; drop `constraint: true` to get a unique index with these options");
                if (index.NullsNotDistinct && version < 15)
                    problems.Add($"{What()}: `nulls_not_distinct:` needs PostgreSQL 15 or later; this server is PostgreSQL {serverVersion}");
            }
            foreach (var column in table.Columns)
            {
                string What() => $"column '{table.Name}.{column.Name}'";
                if (column.Generated is { Stored: false } && version < 18)
                    problems.Add(serverVersion is null
                        ? $"{What()}: a virtual generated column (`stored: false`) needs PostgreSQL 18 or later"
                        : $"{What()}: a virtual generated column (`stored: false`) needs PostgreSQL 18 or later; this server is PostgreSQL {serverVersion}: set `stored: true`");
                var type = PostgresTypes.Canonical(column.Type);
                var serial = PostgresTypes.SerialBase(type) is not null;
                if (column.AutoIncrement && !PostgresTypes.IsInteger(type))
                    problems.Add($"{What()}: auto_increment needs an integer type (smallint, int or bigint), not {column.Type}");
                if (column.AutoIncrement && serial && column.Numbering is null)
                    problems.Add($"{What()}: {column.Type} already numbers itself; use `type: int` with auto_increment (an identity column), or drop auto_increment");
                if (serial && column.Numbering is { Always: true })
                    problems.Add($"{What()}: a {column.Type} column cannot be `always:` (that is an identity column's); use `type: int` with auto_increment");
                if (!serial && column.Numbering is { SequenceType: not null })
                    problems.Add($"{What()}: `sequence_type:` is for a serial's sequence; an identity's sequence has the column's type");
                if (column.Numbering is { SequenceType: { } sequenceType } && !PostgresTypes.IsInteger(PostgresTypes.Canonical(sequenceType)))
                    problems.Add($"{What()}: `sequence_type:` must be smallint, integer or bigint, not {sequenceType}");
                if (column.Generated is not null && (column.Default is not null || column.AutoIncrement))
                    problems.Add($"{What()}: a generated column cannot have a default or auto_increment");
            }
            if (table.Partitioning is { } partitioning && PartitionKeyColumns(partitioning.By) is { } keyColumns && table.PrimaryKey is { } pk
                && !keyColumns.All(pk.Columns.Contains))
                problems.Add($"table '{table.Name}': the primary key of a partitioned table must include the partition key's columns ({string.Join(", ", keyColumns)})");
        }
        return problems;
    }

    /// <summary>
    /// A column default that calls nextval() of a sequence the model does not declare (not a serial's or an identity's)
    /// and that is not one left alone in another schema: applying it would fail with "relation does not exist", so
    /// plan refuses it.
    /// </summary>
    public static IReadOnlyList<string> ValidateAgainst(Schema current, Schema model)
    {
        List<string>? problems = null;
        HashSet<string>? sequences = null;
        foreach (var table in model.Tables)
            foreach (var column in table.Columns)
            {
                if (column.Default is not { Kind: DefaultKind.Sql } value || !value.Text.Contains("nextval", StringComparison.OrdinalIgnoreCase)) continue;
                sequences ??= current.Unmanaged.Where(u => u.Kind == "sequence").Select(u => u.Name)
                    .Concat(model.Sequences.Select(q => q.Name)).ToHashSet(StringComparer.Ordinal);
                foreach (Match m in NextVal().Matches(value.Text))
                {
                    var name = SequenceName(m.Groups["name"].Value);
                    if (sequences.Contains(name)) continue;
                    (problems ??= []).Add($"column '{table.Name}.{column.Name}': its default uses sequence '{name}', which the model does not declare " +
                        "(nor is it a sequence outside the managed schema): declare it under `sequences:`, or make the column `auto_increment:` " +
                        "(or `type: serial`) so that it owns its sequence");
                }
            }
        return problems ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The sequence's name as the catalog lists it: unquoted, qualified only outside the managed schema.</summary>
    private static string SequenceName(string literal)
    {
        var text = literal.Replace("''", "'");
        var parts = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                var end = i + 1;
                var name = new System.Text.StringBuilder();
                while (end < text.Length && !(text[end] == '"' && (end + 1 >= text.Length || text[end + 1] != '"')))
                {
                    name.Append(text[end]);
                    end += text[end] == '"' ? 2 : 1;
                }
                parts.Add(name.ToString());
                i = end + 2;
            }
            else
            {
                var dot = text.IndexOf('.', i);
                parts.Add(text[i..(dot < 0 ? text.Length : dot)].ToLowerInvariant());
                i = dot < 0 ? text.Length : dot + 1;
            }
        }
        return parts.Count == 2 && parts[0] == "public" ? parts[1] : string.Join(".", parts);
    }

    private static List<string>? PartitionKeyColumns(string by)
    {
        var open = by.IndexOf('(');
        if (open < 0 || !by.EndsWith(')')) return null;
        var columns = by[(open + 1)..^1].Split(',').Select(c => c.Trim().Trim('"')).ToList();
        return columns.All(c => PlainName().IsMatch(c)) ? columns : null;
    }

    [GeneratedRegex(@"nextval\s*\(\s*'(?<name>(?:[^']|'')+)'", RegexOptions.IgnoreCase)]
    private static partial Regex NextVal();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();

    /// <summary>A definition that says LANGUAGE c: creating it, even in a transaction rolled back, loads its library.</summary>
    private static bool LanguageC(Routine routine)
    {
        var tokens = PostgresLexer.Instance.Tokens(routine.Definition).Where(t => t.Kind != Lexing.SqlTokenKind.Comment).ToList();
        for (var i = 0; i + 1 < tokens.Count; i++)
            if (tokens[i].Is("LANGUAGE") && tokens[i + 1].Text.Trim('\'', '"').Equals("c", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
