using System.Text;
using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>
/// Writes a <see cref="Schema"/> as model YAML (SPEC.md) in one canonical form: tables by name, columns in
/// their order, indexes, foreign keys and checks by name, one flow map per column. Names the loader would
/// generate are left out by using the column shorthands, so <see cref="ModelLoader"/> reads back the same
/// schema. `inspect` writes this text, and `diff` compares two of them.
/// </summary>
public static partial class ModelWriter
{
    /// <summary>
    /// The schema as model YAML. With a dialect, the schema is first put in that dialect's canonical form, so
    /// that two schemas that the dialect considers equal are written the same way.
    /// </summary>
    public static string Write(Schema schema, IDialect? dialect = null)
    {
        if (dialect is not null) schema = dialect.Normalize(schema);
        var text = new StringBuilder();
        WriteUnmanaged(text, schema.Unmanaged);
        WriteObjectsBeforeTables(text, schema);
        if (schema.Tables.Count == 0)
            text.Append("tables: {}\n");
        else
        {
            text.Append("tables:\n");
            foreach (var table in schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
                WriteTable(text, table);
        }
        WriteObjectsAfterTables(text, schema);
        return text.ToString();
    }

    private static void WriteUnmanaged(StringBuilder text, IReadOnlyList<UnmanagedObject> unmanaged)
    {
        if (unmanaged.Count == 0) return;
        text.Append("# Left alone: the model cannot express these objects yet, and schematool never changes them.\n");
        foreach (var o in unmanaged.OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal))
            text.Append("#   ").Append(Describe(o)).Append('\n');
    }

    /// <summary>How an unmanaged object is named to the user: `view v_users`, `trigger t_audit (on users)`.</summary>
    public static string Describe(UnmanagedObject o) =>
        $"{o.Kind} {o.Name}" + (o.Table is { } t && t != o.Name ? $" (on {t})" : "") + (o.Note is { } note ? $" ({note})" : "");

    private static void WriteTable(StringBuilder text, Table table)
    {
        var shorthands = ColumnShorthands.For(table);
        text.Append("  ").Append(YamlText.Key(table.Name)).Append(":\n");
        if (table.Comment is { } comment) text.Append("    comment: ").Append(YamlText.Quoted(comment)).Append('\n');
        if (table.RenamedFrom is { } renamed) text.Append("    renamed_from: ").Append(YamlText.Scalar(renamed)).Append('\n');
        if (table.Partitioning is { } partitioning) WritePartitioning(text, partitioning, "    ");
        if (table.Options is { } tableOptions)
        {
            WriteOptions(text, tableOptions);
            if (tableOptions.Virtual is not null) return; // its columns come from the module's arguments
        }

        // A table with no columns exists on PostgreSQL; `columns: {}` keeps it loadable.
        text.Append(table.Columns.Count == 0 ? "    columns: {}\n" : "    columns:\n");
        var keys = table.Columns.Select(c => YamlText.Key(c.Name)).ToList();
        var width = keys.Count == 0 ? 0 : keys.Max(k => k.Length) + 1;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            text.Append("      ").Append((keys[i] + ":").PadRight(width)).Append(' ')
                .Append(ColumnMap(column, shorthands)).Append('\n');
        }

        if (table.PrimaryKey is { } pk && shorthands.PrimaryKeyColumn is null)
        {
            var columns = YamlText.List(pk.Columns.Select(YamlText.Scalar));
            var options = (pk.Name is { } name ? ", name: " + YamlText.Scalar(name) : "")
                          + (pk.Deferrable == Deferrability.NotDeferrable ? "" : ", deferrable: " + DeferrableText(pk.Deferrable));
            text.Append("    primary_key: ").Append(options.Length == 0 ? columns : $"{{ columns: {columns}{options} }}").Append('\n');
        }

        var indexes = table.Indexes.Where(i => !shorthands.Indexes.Contains(i)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        if (indexes.Count > 0)
        {
            text.Append("    indexes:\n");
            foreach (var index in indexes)
                text.Append("      ").Append(YamlText.Key(index.Name)).Append(": ").Append(IndexMap(index)).Append('\n');
        }

        var foreignKeys = table.ForeignKeys.Where(f => !shorthands.ForeignKeys.Contains(f)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (foreignKeys.Count > 0)
        {
            text.Append("    foreign_keys:\n");
            foreach (var fk in foreignKeys)
                text.Append("      ").Append(YamlText.Key(fk.Name)).Append(": ").Append(ForeignKeyMap(fk)).Append('\n');
        }

        if (table.Checks.Count > 0)
        {
            text.Append("    checks:\n");
            foreach (var check in table.Checks.OrderBy(c => c.Name, StringComparer.Ordinal))
                text.Append("      ").Append(YamlText.Key(check.Name)).Append(": ")
                    .Append(CheckValue(check))
                    .Append('\n');
        }
        WriteExclusions(text, table);
        if (table.ClusterOn is { } clustered) text.Append("    cluster_on: ").Append(YamlText.Scalar(clustered)).Append('\n');
    }

    private static void WriteOptions(StringBuilder text, TableOptions options)
    {
        if (options.Virtual is { } module) text.Append("    virtual: ").Append(YamlText.Quoted(module)).Append('\n');
        if (options.Engine is { } engine) text.Append("    engine: ").Append(YamlText.Scalar(engine)).Append('\n');
        if (options.Charset is { } charset) text.Append("    charset: ").Append(YamlText.Scalar(charset)).Append('\n');
        if (options.Collation is { } collation) text.Append("    collation: ").Append(YamlText.Scalar(collation)).Append('\n');
        if (options.RowFormat is { } rowFormat) text.Append("    row_format: ").Append(YamlText.Scalar(rowFormat)).Append('\n');
        if (options.KeyBlockSize is { } keyBlockSize) text.Append("    key_block_size: ").Append(keyBlockSize.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        if (options.Unlogged) text.Append("    unlogged: true\n");
        if (options.With is { } with) text.Append("    with: ").Append(WithMap(with)).Append('\n');
        if (options.WithoutRowId) text.Append("    without_rowid: true\n");
        if (options.Strict) text.Append("    strict: true\n");
    }

    private static string ColumnMap(Column column, ColumnShorthands shorthands)
    {
        var entries = new List<string> { (column.DeclaredType ? "declared_type: " : "type: ") + YamlText.Scalar(column.Type) };
        if (column.Nullable) entries.Add("nullable: true");
        if (column.Default is { } d)
            entries.Add(d.Kind switch
            {
                DefaultKind.String => "default: " + YamlText.Quoted(d.Text),
                DefaultKind.Number => "default: " + YamlText.Number(d.Text),
                DefaultKind.Boolean => "default: " + d.Text,
                _ => "default_sql: " + YamlText.Scalar(d.Text),
            });
        if (shorthands.PrimaryKeyColumn == column.Name) entries.Add("primary_key: true");
        if (column.Numbering is { } numbering) entries.Add("auto_increment: " + NumberingMap(numbering));
        else if (column.AutoIncrement) entries.Add("auto_increment: true");
        if (shorthands.Index.TryGetValue(column.Name, out var index))
        {
            if (index.Unique) entries.Add("unique: true");
            if (index.Name != Names.Generated("uq", shorthands.Table, column.Name)) entries.Add("index: true");
        }
        if (shorthands.References.TryGetValue(column.Name, out var fk))
        {
            entries.Add("references: " + YamlText.Scalar(fk.ReferencedTable + "." + fk.ReferencedColumns[0]));
            if (fk.OnDelete != ReferentialAction.NoAction) entries.Add("on_delete: " + fk.OnDelete.ToYaml());
            if (fk.OnUpdate != ReferentialAction.NoAction) entries.Add("on_update: " + fk.OnUpdate.ToYaml());
        }
        if (column.Check is { } check) entries.Add("check: " + YamlText.Quoted(check));
        if (column.Statistics is { } statistics) entries.Add("statistics: " + statistics.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (column.Collation is { } collation) entries.Add("collation: " + YamlText.Scalar(collation));
        if (column.Generated is { } g)
            entries.Add("generated: { expression: " + YamlText.Quoted(g.Expression) + (g.Stored ? ", stored: true" : "") + " }");
        if (column.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        if (column.RenamedFrom is { } renamed) entries.Add("renamed_from: " + YamlText.Scalar(renamed));
        return "{ " + string.Join(", ", entries) + " }";
    }

    internal static string IndexMap(TableIndex index)
    {
        var entries = new List<string> { "columns: " + YamlText.List(index.Parts.Select(PartText)) };
        if (index.Unique) entries.Add("unique: true");
        if (index.Constraint) entries.Add("constraint: true");
        if (index.Method is { } method) entries.Add("using: " + YamlText.Scalar(method));
        if (index.Where is { } where) entries.Add("where: " + YamlText.Quoted(where));
        if (index.Include.Count > 0) entries.Add("include: " + YamlText.List(index.Include.Select(YamlText.Scalar)));
        if (index.NullsNotDistinct) entries.Add("nulls_not_distinct: true");
        if (index.Deferrable != Deferrability.NotDeferrable) entries.Add("deferrable: " + DeferrableText(index.Deferrable));
        if (index.With is { } with) entries.Add("with: " + WithMap(with));
        if (index.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        return "{ " + string.Join(", ", entries) + " }";
    }

    /// <summary>Storage parameters as a flow map; a canonical true/false or number is written plain, so that it reads back the same.</summary>
    private static string WithMap(StorageParameters parameters) =>
        "{ " + string.Join(", ", parameters.Items.Select(p => YamlText.Key(p.Name) + ": " + (p.Text is "true" or "false" ? p.Text : YamlText.Number(p.Text)))) + " }";

    private static string PartText(IndexPart part)
    {
        if (part is { Column: { } plain, Descending: false, OpClass: null, Collation: null, Length: null, Nulls: null })
            return YamlText.Scalar(plain);
        var entries = new List<string>
        {
            part.Column is { } column ? "column: " + YamlText.Scalar(column) : "expression: " + YamlText.Quoted(part.Expression ?? ""),
        };
        if (part.Descending) entries.Add("order: desc");
        if (part.Nulls is { } nulls) entries.Add("nulls: " + (nulls == NullsOrder.First ? "first" : "last"));
        if (part.OpClass is { } opclass) entries.Add("opclass: " + YamlText.Scalar(opclass));
        if (part.Collation is { } collation) entries.Add("collation: " + YamlText.Scalar(collation));
        if (part.Length is { } length) entries.Add("length: " + length);
        return "{ " + string.Join(", ", entries) + " }";
    }

    private static string ForeignKeyMap(ForeignKey fk)
    {
        var entries = new List<string>
        {
            "columns: " + YamlText.List(fk.Columns.Select(YamlText.Scalar)),
            $"references: {{ table: {YamlText.Scalar(fk.ReferencedTable)}, columns: {YamlText.List(fk.ReferencedColumns.Select(YamlText.Scalar))} }}",
        };
        if (fk.OnDelete != ReferentialAction.NoAction) entries.Add("on_delete: " + fk.OnDelete.ToYaml());
        if (fk.OnUpdate != ReferentialAction.NoAction) entries.Add("on_update: " + fk.OnUpdate.ToYaml());
        if (fk.Deferrable != Deferrability.NotDeferrable) entries.Add("deferrable: " + DeferrableText(fk.Deferrable));
        if (fk.NotValid) entries.Add("not_valid: true");
        return "{ " + string.Join(", ", entries) + " }";
    }

    /// <summary>A check's condition, or its map form when it has more than a condition.</summary>
    private static string CheckValue(Check check)
    {
        if (!check.NoInherit && !check.NotValid) return YamlText.Quoted(check.Expression);
        var entries = new List<string> { "expression: " + YamlText.Quoted(check.Expression) };
        if (check.NoInherit) entries.Add("no_inherit: true");
        if (check.NotValid) entries.Add("not_valid: true");
        return "{ " + string.Join(", ", entries) + " }";
    }

    private static string DeferrableText(Deferrability deferrable) =>
        deferrable == Deferrability.InitiallyDeferred ? "initially deferred" : "initially immediate";

    private static string NumberingMap(Numbering n)
    {
        var entries = new List<string>();
        if (n.Always) entries.Add("always: true");
        if (n.Sequence is { } sequence) entries.Add("sequence: " + YamlText.Scalar(sequence));
        if (n.SequenceType is { } sequenceType) entries.Add("sequence_type: " + YamlText.Scalar(sequenceType));
        if (n.Start is { } start) entries.Add("start: " + start.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n.Increment is { } increment) entries.Add("increment: " + increment.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n.MinValue is { } min) entries.Add("min: " + min.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n.MaxValue is { } max) entries.Add("max: " + max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n.Cache is { } cache) entries.Add("cache: " + cache.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n.Cycle) entries.Add("cycle: true");
        if (n.Unlogged is { } unlogged) entries.Add("unlogged: " + (unlogged ? "true" : "false"));
        return entries.Count == 0 ? "true" : "{ " + string.Join(", ", entries) + " }";
    }

    /// <summary>`partition_by:` and `partitions:`, a sub-partitioned partition as a map with its own.</summary>
    private static void WritePartitioning(StringBuilder text, Partitioning partitioning, string indent)
    {
        text.Append(indent).Append("partition_by: ").Append(YamlText.Quoted(partitioning.By)).Append('\n');
        if (partitioning.Partitions.Count == 0) return;
        text.Append(indent).Append("partitions:\n");
        foreach (var partition in partitioning.Partitions.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(indent).Append("  ").Append(YamlText.Key(partition.Name)).Append(':');
            if (partition.Partitioning is not { } sub)
            {
                text.Append(' ').Append(YamlText.Quoted(partition.Bound)).Append('\n');
                continue;
            }
            text.Append('\n').Append(indent).Append("    bound: ").Append(YamlText.Quoted(partition.Bound)).Append('\n');
            WritePartitioning(text, sub, indent + "    ");
        }
    }
}
