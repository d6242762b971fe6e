using System.Globalization;
using MySqlConnector;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    private async Task ReadColumnsAsync(Dictionary<string, TableReader> tables, bool mariaDb, StringPool strings, CancellationToken ct)
    {
        await foreach (var row in QueryAsync(ColumnsQuery, ct))
        {
            if (!tables.TryGetValue(row.GetString(0), out var table))
            {
                if (!_viewColumns.TryGetValue(row.GetString(0), out var columns)) _viewColumns[row.GetString(0)] = columns = [];
                columns.Add(row.GetString(1));
                continue;
            }
            var type = strings.Get(MySqlTypes.FromCatalog(row.GetString(2)));
            var extra = Text(row, 5) ?? "";
            var generation = Text(row, 8);
            var generated = string.IsNullOrEmpty(generation) || !extra.Contains("GENERATED", StringComparison.OrdinalIgnoreCase)
                ? null
                : new GeneratedColumn(generation, extra.Contains("STORED", StringComparison.OrdinalIgnoreCase));
            var collation = Text(row, 6);
            table.Columns.Add(new Column(
                strings.Get(row.GetString(1)),
                type,
                Nullable: row.GetString(3) == "YES",
                Default: generated is null ? MySqlDefaults.FromCatalog(Text(row, 4), extra, mariaDb, type) : null,
                AutoIncrement: extra.Contains("auto_increment", StringComparison.OrdinalIgnoreCase),
                Comment: Text(row, 7),
                // A column in the table's default collation was declared without one.
                Collation: collation == table.Collation ? null : strings.GetOrNull(collation),
                Generated: generated));
        }
    }

    private async Task ReadIndexesAsync(MySqlConnection connection, Dictionary<string, TableKeys> keys, bool mariaDb, StringPool strings, CancellationToken ct)
    {
        await foreach (var row in QueryAsync(mariaDb ? MariaDbIndexesQuery : MySqlIndexesQuery, connection, ct))
        {
            var table = TableKeys.Of(keys, row.GetString(0));
            var name = row.GetString(1);
            var column = strings.GetOrNull(Text(row, 3));
            if (name == "PRIMARY")
            {
                table.PrimaryKey.Add(column!);
                continue;
            }
            var part = new IndexPart(
                column,
                Expression: column is null ? Text(row, 8) : null,
                Descending: Text(row, 5) == "D",
                Length: row.IsDBNull(4) ? null : Convert.ToInt32(row.GetValue(4), CultureInfo.InvariantCulture));
            if (!table.Indexes.TryGetValue(name, out var index))
            {
                var type = Text(row, 6)?.ToLowerInvariant();
                table.Indexes[name] = index = new TableIndex(name, ValueList<IndexPart>.Empty,
                    Unique: Convert.ToInt64(row.GetValue(2), CultureInfo.InvariantCulture) == 0,
                    Method: type is "fulltext" or "spatial" ? type : null,
                    Comment: Text(row, 7));
            }
            table.Indexes[name] = index with { Parts = index.Parts.Append(part).ToValueList() };
        }
    }

    private async Task ReadForeignKeysAsync(MySqlConnection connection, Dictionary<string, TableKeys> keys, StringPool strings, CancellationToken ct)
    {
        var rules = new Dictionary<(string Table, string Name), (string OnUpdate, string OnDelete)>();
        await foreach (var row in QueryAsync(ForeignKeysQuery, connection, ct))
        {
            var table = row.GetString(1);
            var name = row.GetString(2);
            if (Convert.ToInt64(row.GetValue(0), CultureInfo.InvariantCulture) == 0)
            {
                rules[(table, name)] = (row.GetString(6), row.GetString(7));
                continue;
            }
            // A key column without its rules row is not a foreign key of this database (the join's inner side).
            if (!rules.TryGetValue((table, name), out var rule)) continue;
            var reader = TableKeys.Of(keys, table);
            if (!reader.ForeignKeys.TryGetValue(name, out var fk))
                fk = new ForeignKey(name, ValueList<string>.Empty, strings.Get(row.GetString(4)), ValueList<string>.Empty,
                    OnDelete: ReferentialActions.Parse(rule.OnDelete) ?? ReferentialAction.NoAction,
                    OnUpdate: ReferentialActions.Parse(rule.OnUpdate) ?? ReferentialAction.NoAction);
            reader.ForeignKeys[name] = fk with
            {
                Columns = fk.Columns.Append(strings.Get(row.GetString(3))).ToValueList(),
                ReferencedColumns = fk.ReferencedColumns.Append(strings.Get(row.GetString(5))).ToValueList(),
            };
        }
    }

    private async Task ReadChecksAsync(Dictionary<string, TableReader> tables, bool mariaDb, CancellationToken ct)
    {
        await foreach (var row in QueryAsync(mariaDb ? MariaDbChecksQuery : MySqlChecksQuery, ct))
        {
            if (!tables.TryGetValue(row.GetString(0), out var table)) continue;
            var clause = row.GetString(2);
            if (row.GetString(3) == "Column" && (table.TryMarkJson(clause) || table.TryPutOnColumn(row.GetString(1), clause))) continue;
            table.Checks.Add(new Check(row.GetString(1), clause));
        }
    }

    /// <summary>One table's rows from the queries on the session's connection, gathered before the table is built.</summary>
    private sealed class TableReader(string name, string? collation, string? comment, string? engine, string? createOptions)
    {
        public string Name => name;
        public string? Collation { get; } = collation;
        public List<Column> Columns { get; } = [];
        public List<Check> Checks { get; } = [];

        /// <summary>
        /// MariaDB's json is longtext with a column-level <c>CHECK (json_valid(`col`))</c> that it adds itself;
        /// the column reads back as json and the check as its part. It names the check after the column, but
        /// the name stays when the column is renamed, so the clause decides.
        /// </summary>
        public bool TryMarkJson(string clause)
        {
            var i = Columns.FindIndex(c => c.Type == "longtext" && MySqlExpressions.Canonical(clause) == MySqlExpressions.Canonical($"json_valid({MySqlText.Quote(c.Name)})"));
            if (i < 0) return false;
            Columns[i] = Columns[i] with { Type = "json", Collation = null };
            return true;
        }

        /// <summary>
        /// A column-level CHECK is part of its column's definition, named after the column. A check whose column was
        /// renamed since keeps the old name: with no column of that name it stays a table check.
        /// </summary>
        public bool TryPutOnColumn(string name, string clause)
        {
            var i = Columns.FindIndex(c => c.Name == name && c.Check is null);
            if (i < 0) return false;
            Columns[i] = Columns[i] with { Check = clause };
            return true;
        }

        public Table Build(TableKeys? keys) => new(
            name,
            Columns.ToValueList(),
            keys?.PrimaryKey.Count > 0 ? new PrimaryKey(keys.PrimaryKey.ToValueList()) : null,
            keys is null ? ValueList<TableIndex>.Empty : keys.Indexes.Values.ToValueList(),
            keys is null ? ValueList<ForeignKey>.Empty : keys.ForeignKeys.Values.ToValueList(),
            Checks.ToValueList(),
            string.IsNullOrEmpty(comment) ? null : comment,
            Options: MySqlTableOptions.FromCatalog(engine, Collation, createOptions));
    }

    /// <summary>One table's key rows (primary key, indexes, foreign keys), read apart from its columns.</summary>
    private sealed class TableKeys
    {
        public List<string> PrimaryKey { get; } = [];
        public Dictionary<string, TableIndex> Indexes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ForeignKey> ForeignKeys { get; } = new(StringComparer.Ordinal);

        public static TableKeys Of(Dictionary<string, TableKeys> keys, string table)
        {
            if (!keys.TryGetValue(table, out var found)) keys[table] = found = new TableKeys();
            return found;
        }
    }
}
