using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    private static Column ReadColumn(NpgsqlDataReader r, string table, StringPool strings)
    {
        var name = strings.Get(r.GetString(1));
        var type = strings.Get(r.GetString(2));
        var defaultSql = strings.GetOrNull(Text(r, 4));
        var identity = r.GetString(5);
        var generated = r.GetString(6);
        var sequence = Text(r, 9);
        // A serial: the column's default is the one default that uses the sequence the column owns.
        var serial = identity.Length == 0 && generated.Length == 0 && sequence is not null && r.GetInt32(17) == 1 && r.GetBoolean(18)
            && defaultSql is not null && defaultSql.StartsWith("nextval(", StringComparison.Ordinal);
        var numbering = serial || identity.Length > 0 && sequence is not null
            ? ReadNumbering(r, table, name, type, identity == "a", serial && !r.IsDBNull(20) ? r.GetBoolean(20) : null)
            : null;
        return new Column(
            Name: name,
            Type: serial ? PostgresTypes.SerialOf(type) : type,
            Nullable: !r.GetBoolean(3),
            Default: serial || generated.Length > 0 || defaultSql is null ? null : ColumnDefault.Sql(defaultSql),
            AutoIncrement: identity.Length > 0,
            Comment: Text(r, 8),
            Collation: strings.GetOrNull(Text(r, 7)),
            Generated: generated is "s" or "v" && defaultSql is not null ? new GeneratedColumn(defaultSql, Stored: generated == "s") : null,
            Numbering: numbering,
            Statistics: r.IsDBNull(19) ? null : r.GetInt32(19));
    }

    /// <summary>The sequence's options that differ from what PostgreSQL gives a new serial or identity column.</summary>
    private static Numbering? ReadNumbering(NpgsqlDataReader r, string table, string column, string type, bool always, bool? unlogged)
    {
        var sequence = r.GetString(9);
        var options = new Numbering(always, sequence, r.GetInt64(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetBoolean(15),
            SequenceType: r.GetString(16), Unlogged: unlogged);
        return PostgresNumbering.WithoutDefaults(options, table, column, type);
    }

    private static void ReadConstraint(NpgsqlDataReader r, TableParts table, StringPool strings)
    {
        var name = r.GetString(1);
        var columns = r.GetFieldValue<string[]>(3).Select(strings.Get).ToValueList();
        switch (r.GetString(2))
        {
            case "p":
                // The name PostgreSQL gives a key is left out, as the model leaves it out.
                table.PrimaryKey = new PrimaryKey(columns, name == PostgresSqlGenerator.DefaultPrimaryKeyName(table.Name) ? null : name, Deferrable(r));
                break;
            case "u":
                table.Indexes.Add(new TableIndex(name, columns.Select(IndexPart.Of).ToValueList(), Unique: true, Constraint: true, Comment: Text(r, 11),
                    Include: r.IsDBNull(13) ? ValueList<string>.Empty : r.GetFieldValue<string[]>(13).Select(strings.Get).ToValueList(),
                    NullsNotDistinct: r.GetBoolean(14), Deferrable: Deferrable(r),
                    With: IndexStorage("btree", r.IsDBNull(16) ? null : r.GetFieldValue<string[]>(16))));
                break;
            case "f":
                table.ForeignKeys.Add(new ForeignKey(name, columns, strings.Get(r.GetString(4)), r.GetFieldValue<string[]>(5).Select(strings.Get).ToValueList(),
                    Action(r.GetString(6)), Action(r.GetString(7)), Deferrable(r), NotValid: !r.GetBoolean(15)));
                break;
            case "c":
                table.Checks.Add(new Check(name, CheckExpression(r.GetString(10)), NoInherit: r.GetBoolean(12), NotValid: !r.GetBoolean(15)));
                break;
        }
    }

    private static Deferrability Deferrable(NpgsqlDataReader r) =>
        !r.GetBoolean(8) ? Deferrability.NotDeferrable : r.GetBoolean(9) ? Deferrability.InitiallyDeferred : Deferrability.InitiallyImmediate;

    /// <summary>The expression inside pg_get_constraintdef's <c>CHECK (...)</c>, without a trailing NOT VALID.</summary>
    internal static string CheckExpression(string definition)
    {
        var text = definition.Trim();
        if (text.EndsWith(" NOT VALID", StringComparison.Ordinal)) text = text[..^" NOT VALID".Length].TrimEnd();
        if (text.EndsWith(" NO INHERIT", StringComparison.Ordinal)) text = text[..^" NO INHERIT".Length].TrimEnd();
        const string prefix = "CHECK (";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(')') ? text[prefix.Length..^1] : text;
    }

    private static ReferentialAction Action(string code) => code switch
    {
        "r" => ReferentialAction.Restrict,
        "c" => ReferentialAction.Cascade,
        "n" => ReferentialAction.SetNull,
        "d" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    private sealed record IndexPartRow(
        string Table, string Index, string Method, bool Unique, string? Where, string? Comment,
        string? Column, string? Expression, bool Descending, string? OpClass, string? Collation,
        bool NullsFirst, string[]? Include, bool NullsNotDistinct, string[]? Options);

    private static IndexPartRow ReadIndexPart(NpgsqlDataReader r, StringPool strings) => new(
        strings.Get(r.GetString(0)), r.GetString(1), strings.Get(r.GetString(2)), r.GetBoolean(3), Text(r, 4), Text(r, 5),
        strings.GetOrNull(Text(r, 7)), Text(r, 8), r.GetBoolean(9), strings.GetOrNull(Text(r, 10)), strings.GetOrNull(Text(r, 11)),
        r.GetBoolean(12), r.IsDBNull(13) ? null : r.GetFieldValue<string[]>(13), r.GetBoolean(14),
        r.IsDBNull(15) ? null : r.GetFieldValue<string[]>(15));

    private static TableIndex BuildIndex(List<IndexPartRow> rows)
    {
        var first = rows[0];
        return new TableIndex(
            first.Index,
            rows.Select(p => new IndexPart(p.Column, p.Expression, p.Descending, p.OpClass, p.Collation,
                // The order decides where NULLs go unless the index says otherwise.
                Nulls: p.NullsFirst == p.Descending ? null : p.NullsFirst ? NullsOrder.First : NullsOrder.Last)).ToValueList(),
            first.Unique,
            first.Method,
            first.Where,
            Constraint: false,
            first.Comment,
            Include: first.Include is null ? ValueList<string>.Empty : first.Include.ToValueList(),
            NullsNotDistinct: first.NullsNotDistinct,
            With: IndexStorage(first.Method, first.Options));
    }
}
