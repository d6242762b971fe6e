using System.Data.Common;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// Reads a SQLite schema in five queries whatever the number of tables: sqlite_schema joined with the pragma
/// table-valued functions, plus the kept CREATE text for what the pragmas do not report.
/// </summary>
internal sealed class SqliteIntrospector(IDatabaseSession session, IReadOnlySet<string> excludedTables)
{
    // A virtual table is read from its CREATE statement alone: pragma_table_xinfo fails on one whose module this
    // SQLite lacks. sqlite_schema keeps "CREATE VIRTUAL TABLE" in that spelling, whatever was written.
    private const string UserTables = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'";

    private sealed record RawColumn(string Name, string Type, bool NotNull, string? Default, int PrimaryKeyOrder, int Hidden);
    private sealed record RawIndex(string Name, bool Unique, string Origin, string? Sql, List<(string? Column, bool Desc, string? Collation)> Parts);
    private sealed record RawForeignKey(int Id, string Table, List<string> From, List<string> To, string OnUpdate, string OnDelete);

    public async Task<Schema> ReadAsync(CancellationToken ct)
    {
        // The shadow tables that keep a virtual table's data (docs_content, docs_idx... of an fts5 table docs), as
        // SQLite itself tells them from the virtual table's module, come with the schema's objects.
        var objects = await QueryAsync("""
            SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'
            UNION ALL SELECT 'shadow', name, name, NULL FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'
            ORDER BY 2
            """,
            r => (Type: r.GetString(0), Name: r.GetString(1), Table: r.GetString(2), Sql: r.IsDBNull(3) ? null : r.GetString(3)), ct);

        var columns = await GroupAsync(
            $"SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p WHERE {UserTables} ORDER BY m.name, p.cid",
            r => new RawColumn(r.GetString(1), r.GetString(2), r.GetInt64(3) != 0, r.IsDBNull(4) ? null : r.GetString(4), (int)r.GetInt64(5), (int)r.GetInt64(6)), ct);

        var indexSql = objects.Where(o => o.Type == "index").ToDictionary(o => o.Name, o => o.Sql);
        var indexes = new Dictionary<string, List<RawIndex>>(StringComparer.Ordinal);
        await foreach (var row in StreamAsync(
            $"SELECT m.name, il.name, il.\"unique\", il.origin, ix.name, ix.\"desc\", ix.coll FROM sqlite_schema m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ix WHERE {UserTables} AND ix.key = 1 ORDER BY m.name, il.name, ix.seqno",
            r => (Table: r.GetString(0), Index: r.GetString(1), Unique: r.GetInt64(2) != 0, Origin: r.GetString(3),
                  Column: r.IsDBNull(4) ? null : r.GetString(4), Desc: r.GetInt64(5) != 0, Collation: r.IsDBNull(6) ? null : r.GetString(6)), ct))
        {
            if (!indexes.TryGetValue(row.Table, out var list)) indexes[row.Table] = list = [];
            var index = list.LastOrDefault();
            if (index is null || index.Name != row.Index)
                list.Add(index = new RawIndex(row.Index, row.Unique, row.Origin, indexSql.GetValueOrDefault(row.Index), []));
            index.Parts.Add((row.Column, row.Desc, row.Collation));
        }

        var foreignKeys = new Dictionary<string, List<RawForeignKey>>(StringComparer.Ordinal);
        await foreach (var row in StreamAsync(
            $"SELECT m.name, fk.id, fk.\"table\", fk.\"from\", fk.\"to\", fk.on_update, fk.on_delete FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) fk WHERE {UserTables} ORDER BY m.name, fk.id, fk.seq",
            r => (Table: r.GetString(0), Id: (int)r.GetInt64(1), Target: r.GetString(2), From: r.GetString(3), To: r.IsDBNull(4) ? null : r.GetString(4), OnUpdate: r.GetString(5), OnDelete: r.GetString(6)), ct))
        {
            if (!foreignKeys.TryGetValue(row.Table, out var list)) foreignKeys[row.Table] = list = [];
            var fk = list.LastOrDefault();
            if (fk is null || fk.Id != row.Id) list.Add(fk = new RawForeignKey(row.Id, row.Target, [], [], row.OnUpdate, row.OnDelete));
            fk.From.Add(row.From);
            if (row.To is not null) fk.To.Add(row.To);
        }

        var folded = new Lazy<Dictionary<string, string>>(() => columns.Keys
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));
        var tables = new List<Table>();
        var unmanaged = new List<UnmanagedObject>();
        var shadows = VirtualTables.ShadowTables(objects.Select(o => (o.Type, o.Name, o.Sql)));
        foreach (var o in objects)
        {
            if (o.Type == "table" && !excludedTables.Contains(o.Name) && !o.Name.StartsWith(SqliteSqlGenerator.RebuildPrefix, StringComparison.Ordinal)
                && !shadows.Contains(o.Name))
            {
                tables.Add(VirtualTables.Module(o.Sql ?? "") is { } module
                    ? new Table(o.Name, ValueList<Column>.Empty, Options: new TableOptions(Virtual: module))
                    : BuildTable(o.Name, o.Sql ?? "", columns.GetValueOrDefault(o.Name) ?? [], indexes.GetValueOrDefault(o.Name) ?? [], foreignKeys.GetValueOrDefault(o.Name) ?? [], ParentOf));
            }
        }
        var (views, triggers) = ReadViewsAndTriggers(objects.Where(o => o.Type is "view" or "trigger").Select(o => (o.Type, o.Name, o.Table, o.Sql)), tables, unmanaged);
        return new Schema(tables.ToValueList(), unmanaged.ToValueList()) { Views = views, Triggers = triggers };

        // SQLite resolves names without regard to case, and pragma_foreign_key_list reports them as the foreign
        // key spells them (REFERENCES Users (ID) for a table users (id)): read them as the parent declares them.
        (string Name, List<RawColumn> Columns)? ParentOf(string table) =>
            columns.TryGetValue(table, out var exact) ? (table, exact)
            : folded.Value.TryGetValue(table, out var name) ? (name, columns[name])
            : null;
    }

    /// <summary>
    /// Views and triggers from their kept CREATE text, with what each uses (SqliteObjectText.Dependencies). A text
    /// that is not what the model can say is named and left alone; a rebuild of its table keeps such a trigger
    /// as it is (RebuildTable.Triggers).
    /// </summary>
    private (ValueList<View>, ValueList<Trigger>) ReadViewsAndTriggers(IEnumerable<(string Type, string Name, string Table, string? Sql)> objects, List<Table> tables, List<UnmanagedObject> unmanaged)
    {
        var list = objects.ToList();
        if (list.Count == 0) return (ValueList<View>.Empty, ValueList<Trigger>.Empty);
        var relations = new Dictionary<string, (string Name, IReadOnlyList<string>? Columns)>(AsciiCaseInsensitiveComparer.Instance);
        foreach (var t in tables) relations.TryAdd(t.Name, (t.Name, t.Columns.Select(c => c.Name).ToList()));
        foreach (var o in list.Where(o => o.Type == "view")) relations.TryAdd(o.Name, (o.Name, null));

        var views = new List<View>();
        var triggers = new List<Trigger>();
        foreach (var o in list)
        {
            var sql = o.Sql ?? "";
            if (o.Type == "view" && SqliteObjectText.ParseView(sql) is { } view)
                views.Add(new View(o.Name, view.Sql, Columns: view.Columns) { DependsOn = SqliteObjectText.Dependencies(view.Sql, o.Name, relations) });
            else if (o.Type == "trigger" && excludedTables.Contains(o.Table))
                continue;
            else if (o.Type == "trigger" && SqliteObjectText.ParseTrigger(o.Name, relations.GetValueOrDefault(o.Table).Name ?? o.Table, sql) is { } trigger)
                triggers.Add(trigger with { DependsOn = SqliteObjectText.Dependencies((trigger.When ?? "") + " " + trigger.Body, null, relations, trigger.Table) });
            else
                unmanaged.Add(new UnmanagedObject(o.Type, o.Name, o.Table, o.Sql));
        }
        return (views.ToValueList(), triggers.ToValueList());
    }

    private static Table BuildTable(string name, string sql, List<RawColumn> rawColumns, List<RawIndex> rawIndexes, List<RawForeignKey> rawKeys, Func<string, (string Name, List<RawColumn> Columns)?> parentOf)
    {
        var parsed = SqliteDdlParser.ParseTable(name, sql);
        var parsedColumns = parsed.Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var keyColumns = rawColumns.Where(c => c.PrimaryKeyOrder > 0).OrderBy(c => c.PrimaryKeyOrder).Select(c => c.Name).ToList();

        var columns = rawColumns.Select(c =>
        {
            var extra = parsedColumns.GetValueOrDefault(c.Name);
            // An INTEGER PRIMARY KEY is the rowid: never null, whatever the declaration says.
            // The type as the CREATE TABLE spells it: pragma_table_info writes INT for `int`. A rowid column reads
            // back nullable when NOT NULL is not written, as declared; it never holds NULL either way.
            var type = extra?.DeclaredType ?? c.Type;
            return new Column(c.Name, type, Nullable: !c.NotNull,
                Default: c.Default is null ? null : SqliteNormalizer.Default(ColumnDefault.Sql(c.Default)),
                AutoIncrement: extra?.AutoIncrement ?? false,
                Collation: extra?.Collation,
                Generated: extra?.Generated,
                DeclaredType: SqliteNormalizer.NeedsDeclaredType(type));
        }).ToValueList();

        var indexes = new List<TableIndex>();
        var uniqueNumber = 0;
        foreach (var raw in rawIndexes.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (raw.Origin == "pk") continue;
            var parsedIndex = raw.Sql is null ? null : SqliteDdlParser.ParseIndex(raw.Sql);
            var parts = raw.Parts.Select((p, i) => new IndexPart(
                p.Column,
                p.Column is null ? parsedIndex?.Expressions.ElementAtOrDefault(i) : null,
                p.Desc,
                Collation: SqliteNormalizer.IndexCollation(p.Collation ?? "BINARY", p.Column is null ? null : parsedColumns.GetValueOrDefault(p.Column)?.Collation))).ToValueList();
            if (raw.Origin == "u")
            {
                var columnNames = parts.Select(p => p.Column ?? "").ToList();
                var constraint = parsed.Uniques.FirstOrDefault(u => u.Columns.SequenceEqual(columnNames, StringComparer.OrdinalIgnoreCase));
                indexes.Add(new TableIndex(constraint?.Name ?? $"{name}_unique{++uniqueNumber}", parts, Unique: true, Constraint: true));
            }
            else
                indexes.Add(new TableIndex(raw.Name, parts, raw.Unique, Where: parsedIndex?.Where));
        }

        var foreignKeys = rawKeys.Select(k =>
        {
            var declared = parsed.ForeignKeys.FirstOrDefault(p => p.Columns.SequenceEqual(k.From, StringComparer.OrdinalIgnoreCase)
                                                                  && p.Table.Equals(k.Table, StringComparison.OrdinalIgnoreCase));
            var parent = parentOf(k.Table);
            var parentColumns = parent?.Columns ?? [];
            // A foreign key written without target columns points at the parent's primary key.
            var target = k.To.Count == k.From.Count
                ? k.To.Select(c => Declared(parentColumns, c)).ToList()
                : parentColumns.Where(c => c.PrimaryKeyOrder > 0).OrderBy(c => c.PrimaryKeyOrder).Select(c => c.Name).ToList();
            var from = k.From.Select(c => Declared(rawColumns, c)).ToList();
            return new ForeignKey(
                declared?.Name ?? Yaml.Names.Generated("fk", name, [.. from]),
                from.ToValueList(), parent?.Name ?? k.Table, target.ToValueList(),
                Action(k.OnDelete),
                Action(k.OnUpdate),
                declared?.Deferrable ?? Deferrability.NotDeferrable);
        }).OrderBy(f => f.Name, StringComparer.Ordinal).ToValueList();

        var options = SqliteDdlParser.TableOptions(sql)?.ToUpperInvariant() ?? "";
        return new Table(name, columns,
            keyColumns.Count > 0 ? new PrimaryKey(keyColumns.ToValueList()) : null,
            // Sorted by the final name, as the model is: a UNIQUE constraint is read as sqlite_autoindex_* first.
            indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(), foreignKeys,
            parsed.Checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToValueList(),
            Options: TableOptions.OrNull(new TableOptions(
                WithoutRowId: System.Text.RegularExpressions.Regex.IsMatch(options, @"\bWITHOUT\s+ROWID\b"),
                Strict: System.Text.RegularExpressions.Regex.IsMatch(options, @"\bSTRICT\b"))));
    }

    // pragma_foreign_key_list says NO ACTION for a key that states no action, as for one that writes it.
    private static ReferentialAction Action(string rule) =>
        Model.ReferentialActions.Parse(rule) is { } action && action != ReferentialAction.ExplicitNoAction ? action : ReferentialAction.NoAction;

    private static string Declared(List<RawColumn> columns, string name) =>
        columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.Ordinal))?.Name
        ?? columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Name
        ?? name;

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var item in StreamAsync(sql, read, ct)) list.Add(item);
        return list;
    }

    private async Task<Dictionary<string, List<T>>> GroupAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        await foreach (var (key, item) in StreamAsync(sql, r => (r.GetString(0), read(r)), ct))
        {
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(item);
        }
        return groups;
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(string sql, Func<DbDataReader, T> read, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return read(reader);
    }
}
