using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>SQLite statements for each operation. ALTER TABLE covers little, so most changes arrive as rebuilds.</summary>
internal static class SqliteSqlGenerator
{
    public const string RebuildPrefix = "_schematool_new_";

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public static IReadOnlyList<string> Generate(Operation operation) => operation switch
    {
        CreateTable op => CreateTableStatements(op.Table, op.Table.Name),
        DropTable op => [$"DROP TABLE {Quote(op.Table.Name)}"],
        RenameTable op => RenameTable(op),
        AddColumn op => [$"ALTER TABLE {Quote(op.Table)} ADD COLUMN {ColumnDefinition(op.Column, inlinePrimaryKey: false)}"],
        DropColumn op => [$"ALTER TABLE {Quote(op.Table)} DROP COLUMN {Quote(op.Column.Name)}"],
        RenameColumn op => [$"ALTER TABLE {Quote(op.Table)} RENAME COLUMN {Quote(op.From)} TO {Quote(op.To)}"],
        CreateIndex op => [CreateIndexStatement(op.Table, op.Index)],
        DropIndex op => [$"DROP INDEX {Quote(op.Index.Name)}"],
        RebuildTable op => Rebuild(op),
        CreateView op => [SqliteObjectText.CreateView(op.View)],
        DropView op => [$"DROP VIEW {Quote(op.View.Name)}"],
        CreateTrigger op => [SqliteObjectText.CreateTrigger(op.Trigger)],
        DropTrigger op => [$"DROP TRIGGER {Quote(op.Trigger.Name)}"],
        ReplaceView => throw new NotSupportedException("SQLite cannot replace a view in place; the dialect rewrites it into a drop and a create"),
        RenameIndex => throw new NotSupportedException("SQLite cannot rename an index; plan drops and creates it again (CanRenameIndexes)"),
        _ when operation.ObjectKind != SchemaObjectKind.Table =>
            throw new NotSupportedException($"SQLite has no {operation.ObjectKind.Plural()}: no SQL to {operation.Describe()}"),
        _ => throw new NotSupportedException($"SQLite cannot {operation.Describe()} in place; the dialect rewrites it into a table rebuild"),
    };

    /// <summary>SQLite refuses a rename to a name that differs only by case ("already another table"), so that one goes through a temporary name.</summary>
    private static IReadOnlyList<string> RenameTable(RenameTable op)
    {
        if (!AsciiCaseInsensitiveComparer.Instance.Equals(op.From, op.To))
            return [$"ALTER TABLE {Quote(op.From)} RENAME TO {Quote(op.To)}"];
        var temporary = "_schematool_rename_" + op.To;
        return [$"ALTER TABLE {Quote(op.From)} RENAME TO {Quote(temporary)}", $"ALTER TABLE {Quote(temporary)} RENAME TO {Quote(op.To)}"];
    }

    private static IReadOnlyList<string> CreateTableStatements(Table table, string name)
    {
        if (table.Options?.Virtual is { } module) return [$"CREATE VIRTUAL TABLE {Quote(name)} USING {module}"];
        var single = table.PrimaryKey is { Columns.Count: 1 } pk ? pk.Columns[0] : null;
        var lines = table.Columns.Select(c => "  " + ColumnDefinition(c, c.Name == single)).ToList();
        if (table.PrimaryKey is { Columns.Count: > 1 } composite)
            lines.Add($"  PRIMARY KEY ({string.Join(", ", composite.Columns.Select(Quote))})");
        foreach (var unique in table.Indexes.Where(i => i.Constraint))
            lines.Add($"  CONSTRAINT {Quote(unique.Name)} UNIQUE ({string.Join(", ", unique.Parts.Select(IndexPart))})");
        foreach (var check in table.Checks)
            lines.Add($"  CONSTRAINT {Quote(check.Name)} CHECK ({check.Expression})");
        foreach (var fk in table.ForeignKeys)
            lines.Add("  " + ForeignKey(fk));
        var statements = new List<string> { $"CREATE TABLE {Quote(name)} (\n{string.Join(",\n", lines)}\n){Options(table.Options)}" };
        statements.AddRange(table.Indexes.Where(i => !i.Constraint).Select(i => CreateIndexStatement(table.Name, i)));
        return statements;
    }

    private static string Options(TableOptions? options) => (options?.WithoutRowId, options?.Strict) switch
    {
        (true, true) => " WITHOUT ROWID, STRICT",
        (true, _) => " WITHOUT ROWID",
        (_, true) => " STRICT",
        _ => "",
    };

    public static string ColumnDefinition(Column column, bool inlinePrimaryKey)
    {
        var parts = new List<string> { Quote(column.Name) };
        if (column.Type.Length > 0) parts.Add(column.Type);
        if (!column.Nullable) parts.Add("NOT NULL");
        if (inlinePrimaryKey) parts.Add(column.AutoIncrement ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY");
        if (column.Default is { } d) parts.Add("DEFAULT " + Default(d));
        if (column.Collation is { } collation) parts.Add("COLLATE " + collation);
        if (column.Generated is { } g) parts.Add($"GENERATED ALWAYS AS ({g.Expression}) {(g.Stored ? "STORED" : "VIRTUAL")}");
        return string.Join(" ", parts);
    }

    private static string Default(ColumnDefault value) => value.Kind switch
    {
        DefaultKind.String => SqlLiterals.String(value.Text),
        DefaultKind.Number => value.Text,
        DefaultKind.Boolean => value.Text == "true" ? "1" : "0",
        _ when value.Text is "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME" => value.Text,
        _ => "(" + value.Text + ")",
    };

    private static string ForeignKey(ForeignKey fk)
    {
        var text = $"CONSTRAINT {Quote(fk.Name)} FOREIGN KEY ({string.Join(", ", fk.Columns.Select(Quote))}) " +
                   $"REFERENCES {Quote(fk.ReferencedTable)} ({string.Join(", ", fk.ReferencedColumns.Select(Quote))})";
        if (fk.OnDelete != ReferentialAction.NoAction) text += " ON DELETE " + fk.OnDelete.ToSql();
        if (fk.OnUpdate != ReferentialAction.NoAction) text += " ON UPDATE " + fk.OnUpdate.ToSql();
        if (fk.Deferrable == Deferrability.InitiallyDeferred) text += " DEFERRABLE INITIALLY DEFERRED";
        else if (fk.Deferrable == Deferrability.InitiallyImmediate) text += " DEFERRABLE INITIALLY IMMEDIATE";
        return text;
    }

    private static string CreateIndexStatement(string table, TableIndex index) =>
        $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {Quote(index.Name)} ON {Quote(table)} ({string.Join(", ", index.Parts.Select(IndexPart))})" +
        (index.Where is { } where ? " WHERE " + where : "");

    private static string IndexPart(IndexPart part) =>
        (part.Column is { } c ? Quote(c) : "(" + part.Expression + ")") +
        (part.Collation is { } collation ? " COLLATE " + collation : "") +
        (part.Descending ? " DESC" : "");

    /// <summary>
    /// The documented rebuild (sqlite.org/lang_altertable.html#otheralter): new table, copy the rows, drop the
    /// old one, rename, recreate indexes and triggers. The apply engine turns foreign keys off around the revision
    /// and runs PRAGMA foreign_key_check before it commits. legacy_alter_table stops the rename from failing on
    /// views that name the table while it is briefly missing.
    /// </summary>
    private static IReadOnlyList<string> Rebuild(RebuildTable op)
    {
        var temp = RebuildPrefix + op.To.Name;
        var create = CreateTableStatements(op.To with { Indexes = op.To.Indexes.Where(i => i.Constraint).ToValueList() }, temp);
        var targets = string.Join(", ", op.ColumnSources.Select(s => Quote(s.To)));
        var sources = string.Join(", ", op.ColumnSources.Select(s => Quote(s.From)));
        var statements = new List<string>(create);
        if (op.ColumnSources.Count > 0)
            statements.Add($"INSERT INTO {Quote(temp)} ({targets}) SELECT {sources} FROM {Quote(op.From.Name)}");
        // DROP TABLE forgets the old table's AUTOINCREMENT counter, and the copy only raised the new one to the
        // largest id still present: ids of deleted rows would be handed out again. Carry the counter over.
        if (op.To.Columns.Any(c => c.AutoIncrement))
        {
            statements.Add($"DELETE FROM sqlite_sequence WHERE name = {SqlLiterals.String(temp)}");
            statements.Add($"INSERT INTO sqlite_sequence (name, seq) SELECT {SqlLiterals.String(temp)}, seq FROM sqlite_sequence WHERE name = {SqlLiterals.String(op.From.Name)}");
        }
        statements.Add($"DROP TABLE {Quote(op.From.Name)}");
        statements.Add("PRAGMA legacy_alter_table = ON");
        statements.Add($"ALTER TABLE {Quote(temp)} RENAME TO {Quote(op.To.Name)}");
        statements.Add("PRAGMA legacy_alter_table = OFF");
        statements.AddRange(op.To.Indexes.Where(i => !i.Constraint).Select(i => CreateIndexStatement(op.To.Name, i)));
        statements.AddRange(op.Triggers);
        return statements;
    }
}
