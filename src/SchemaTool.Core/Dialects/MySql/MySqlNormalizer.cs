using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Puts a schema, the model's or the introspected one, into the form MySQL reads back, so that the differ
/// sees only real changes.
/// </summary>
public static class MySqlNormalizer
{
    public static Schema Normalize(Schema schema) => schema with
    {
        Tables = schema.Tables.MapShared(Normalize).OrderedBy(t => t.Name),
        Sequences = schema.Sequences.Count == 0 ? schema.Sequences : schema.Sequences.Select(MySqlSequences.Normalize).OrderBy(s => s.Name, StringComparer.Ordinal).ToValueList(),
    };

    /// <summary>
    /// The schema with its table and view names, and the tables its foreign keys and triggers name, in lower case,
    /// as a server with lower_case_table_names keeps them.
    /// </summary>
    public static Schema WithLowerCaseTableNames(Schema schema) => schema with
    {
        Views = schema.Views.MapShared(v => ValueList.SameIfEqual(v, v with { Name = v.Name.ToLowerInvariant() })),
        Triggers = schema.Triggers.MapShared(t => ValueList.SameIfEqual(t, t with { Table = t.Table.ToLowerInvariant() })),
        Tables = schema.Tables.MapShared(t => ValueList.SameIfEqual(t, t with
        {
            Name = t.Name.ToLowerInvariant(),
            ForeignKeys = t.ForeignKeys.MapShared(f => ValueList.SameIfEqual(f, f with { ReferencedTable = f.ReferencedTable.ToLowerInvariant() })),
        })),
    };

    public static Table Normalize(Table table)
    {
        var options = MySqlTableOptions.Normalize(table.Options);
        // A column in its table's collation is declared without one: the catalog reads it so.
        var columns = table.Columns.MapShared(c => Normalize(c) is var n && n.Collation is { } collation && collation == options?.Collation
            ? n with { Collation = null } : n);
        var foreignKeys = table.ForeignKeys.MapShared(Normalize).OrderedBy(f => f.Name);
        var normalized = table with
        {
            Columns = columns,
            // Every primary key is named PRIMARY in MySQL; a name in the model cannot be kept.
            PrimaryKey = table.PrimaryKey is { } pk ? ValueList.SameIfEqual(pk, pk with { Name = null }) : null,
            ForeignKeys = foreignKeys,
            Checks = table.Checks.MapShared(c => ValueList.SameIfEqual(c, c with { Expression = MySqlExpressions.Canonical(c.Expression) }))
                .OrderedBy(c => c.Name),
            Comment = string.IsNullOrEmpty(table.Comment) ? null : table.Comment,
            Options = options == table.Options ? table.Options : options,
        };
        var indexes = table.Indexes.MapShared(Normalize);
        var kept = indexes.Where(i => !ForeignKeyIndexes.IsImplied(i, normalized)).ToList();
        return ValueList.SameIfEqual(table, normalized with
        {
            Indexes = (kept.Count == indexes.Count ? indexes : kept.ToValueList()).OrderedBy(i => i.Name),
        });
    }

    public static Column Normalize(Column column)
    {
        var type = MySqlTypes.Canonical(column.Type);
        var generated = column.Generated is { } g ? g with { Expression = MySqlExpressions.Canonical(g.Expression) } : null;
        return ValueList.SameIfEqual(column, column with
        {
            Type = type,
            // Generated columns are written without NULL / NOT NULL and read back as nullable on MariaDB.
            Nullable = column.Nullable || generated is not null,
            Default = generated is null ? MySqlDefaults.Canonical(column.Default, type) : null,
            Comment = string.IsNullOrEmpty(column.Comment) ? null : column.Comment,
            Collation = MySqlTypes.BaseName(type) == "json" ? null : column.Collation?.ToLowerInvariant(),
            Generated = generated,
            Check = column.Check is { } check ? MySqlExpressions.Canonical(check) : null,
        });
    }

    public static TableIndex Normalize(TableIndex index)
    {
        // InnoDB builds BTREE whatever USING says (HASH included) and has no separate unique constraint.
        var method = index.Method?.ToLowerInvariant() is "fulltext" or "spatial" ? index.Method.ToLowerInvariant() : null;
        return ValueList.SameIfEqual(index, index with
        {
            Method = method,
            Constraint = false,
            Comment = string.IsNullOrEmpty(index.Comment) ? null : index.Comment,
            Parts = index.Parts.MapShared(p => Normalize(p, method)),
        });
    }

    // MariaDB reports SUB_PART 32 for every SPATIAL key part, where no prefix can be given.
    private static IndexPart Normalize(IndexPart part, string? method) => ValueList.SameIfEqual(part, part with
    {
        Expression = part.Expression is null ? null : MySqlExpressions.Canonical(part.Expression),
        Length = method is null ? part.Length : null,
    });

    /// <summary>
    /// MariaDB reports RESTRICT for a key that states no action and for one that says RESTRICT, and SHOW CREATE
    /// TABLE shows neither: one form, the default. A NO ACTION written out is kept (the catalog reports it).
    /// </summary>
    public static ForeignKey Normalize(ForeignKey fk) =>
        fk.OnDelete != ReferentialAction.Restrict && fk.OnUpdate != ReferentialAction.Restrict ? fk : fk with
        {
            OnDelete = fk.OnDelete == ReferentialAction.Restrict ? ReferentialAction.NoAction : fk.OnDelete,
            OnUpdate = fk.OnUpdate == ReferentialAction.Restrict ? ReferentialAction.NoAction : fk.OnUpdate,
        };
}
