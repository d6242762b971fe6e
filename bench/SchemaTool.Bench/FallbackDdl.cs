using System.Text;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Bench;

/// <summary>
/// CREATE statements for the synthetic schema on PostgreSQL or MariaDB, used by bench.sh only while this
/// build of schematool has no such dialect: the pg_dump / mariadb-dump / Alembic baselines can then still be
/// measured on the same schema. Once the dialect is there, bench.sh creates the schema with schematool itself.
/// </summary>
internal static class FallbackDdl
{
    public static string Generate(Generator generator, string dialect)
    {
        var schema = ModelLoader.Load(generator.Files().Select(f => (f.File, f.Text)));
        var mysql = dialect is "mysql" or "mariadb";
        string Q(string name) => mysql ? $"`{name}`" : $"\"{name}\"";
        var sql = new StringBuilder();
        if (mysql) sql.Append("SET foreign_key_checks = 0;\n");
        else sql.Append("BEGIN;\n");
        foreach (var table in schema.Tables)
        {
            var lines = new List<string>();
            foreach (var c in table.Columns)
            {
                var line = $"  {Q(c.Name)} {Type(c.Type, mysql)}{(c.Nullable ? "" : " NOT NULL")}";
                if (c.Default is { } d)
                    line += " DEFAULT " + d.Kind switch
                    {
                        DefaultKind.String => $"'{d.Text.Replace("'", "''")}'",
                        DefaultKind.Boolean => mysql ? (d.Text == "true" ? "1" : "0") : d.Text,
                        _ => d.Text,
                    };
                lines.Add(line);
            }
            if (table.PrimaryKey is { } pk) lines.Add($"  PRIMARY KEY ({string.Join(", ", pk.Columns.Select(Q))})");
            foreach (var u in table.Indexes.Where(i => i.Unique))
                lines.Add($"  CONSTRAINT {Q(u.Name)} UNIQUE ({string.Join(", ", u.Parts.Select(p => Q(p.Column!)))})");
            foreach (var fk in table.ForeignKeys)
                lines.Add($"  CONSTRAINT {Q(fk.Name)} FOREIGN KEY ({string.Join(", ", fk.Columns.Select(Q))}) REFERENCES {Q(fk.ReferencedTable)} " +
                          $"({string.Join(", ", fk.ReferencedColumns.Select(Q))}) ON DELETE {fk.OnDelete.ToSql()}");
            sql.Append($"CREATE TABLE {Q(table.Name)} (\n{string.Join(",\n", lines)}\n);\n");
            foreach (var ix in table.Indexes.Where(i => !i.Unique))
                sql.Append($"CREATE INDEX {Q(ix.Name)} ON {Q(table.Name)} ({string.Join(", ", ix.Parts.Select(p => Q(p.Column!)))});\n");
        }
        sql.Append(mysql ? "SET foreign_key_checks = 1;\n" : "COMMIT;\n");
        return sql.ToString();
    }

    private static string Type(string type, bool mysql) => type switch
    {
        "boolean" => mysql ? "tinyint(1)" : "boolean",
        "double" => mysql ? "double" : "double precision",
        "timestamp" => mysql ? "datetime" : "timestamp",
        _ => type,
    };
}
