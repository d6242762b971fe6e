using SchemaTool.Dialects;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// A SQL field of the model (check, default_sql, generated expression, index expression, index where, a partition key
/// or bound, a SQLite virtual table's module arguments) that holds a
/// second statement is refused at plan with exit 2, the file, line and column, the table and the field; nothing is
/// written, and a `victim` table keeps its row. Each payload is shaped to run as valid SQL where the field lands in
/// the revision, so that the old code, which wrote it as it was, dropped (or on MySQL emptied) the victim.
/// </summary>
public sealed class SqlFieldInjectionTests
{
    private const string Base = """
        tables:
          victim:
            columns:
              id: { type: int, primary_key: true }
          t:
            columns:
              id: { type: int, primary_key: true }
              a: { type: int, nullable: true }

        """;

    /// <summary>(dialect, field, the YAML that adds it to table t, what the error names).</summary>
    private static readonly (string Dialect, string Field, string Yaml, string Names)[] Cases =
    [
        ("sqlite", "check", "    checks:\n      ck_t: \"1 = 1)); DROP TABLE victim; CREATE TABLE decoy (x, CHECK (1 = 1\"", "check 'ck_t' of table 't'"),
        ("postgres", "check", "    checks:\n      ck_t: \"1 = 1); DROP TABLE victim; SELECT (1\"", "check 'ck_t' of table 't'"),
        ("mysql", "check", "    checks:\n      ck_t: \"1 = 1); TRUNCATE victim; DO (1\"", "check 'ck_t' of table 't'"),
        ("sqlite", "default_sql", "      d: { type: int, default_sql: \"0); DROP TABLE victim; SELECT (1\" }", "default_sql of column 't.d'"),
        ("postgres", "default_sql", "      d: { type: int, default_sql: \"0); DROP TABLE victim; SELECT (1\" }", "default_sql of column 't.d'"),
        ("mysql", "default_sql", "      d: { type: int, default_sql: \"0); TRUNCATE victim; DO (1\" }", "default_sql of column 't.d'"),
        ("sqlite", "generated", "      g: { type: int, nullable: true, generated: { expression: \"0) VIRTUAL; DROP TABLE victim; SELECT (1\" } }", "generated expression of column 't.g'"),
        ("postgres", "generated", "      g: { type: int, nullable: true, generated: { expression: \"0) STORED; DROP TABLE victim; SELECT (1\", stored: true } }", "generated expression of column 't.g'"),
        ("mysql", "generated", "      g: { type: int, nullable: true, generated: { expression: \"0) VIRTUAL; TRUNCATE victim; DO (1\" } }", "generated expression of column 't.g'"),
        ("sqlite", "index expression", "    indexes:\n      ix_t: { columns: [{ expression: \"a)); DROP TABLE victim; SELECT ((1\" }] }", "expression of a column of index 'ix_t' of 't'"),
        ("postgres", "index expression", "    indexes:\n      ix_t: { columns: [{ expression: \"a)); DROP TABLE victim; SELECT ((1\" }] }", "expression of a column of index 'ix_t' of 't'"),
        ("sqlite", "index where", "    indexes:\n      ix_t: { columns: [a], where: \"a > 0; DROP TABLE victim\" }", "where of index 'ix_t' of 't'"),
        ("postgres", "index where", "    indexes:\n      ix_t: { columns: [a], where: \"a > 0; DROP TABLE victim\" }", "where of index 'ix_t' of 't'"),
        ("postgres", "partition_by", "    partition_by: \"range (id); DROP TABLE victim; SELECT (1)\"", "partition_by of table 't'"),
        ("postgres", "partition bound", "    partition_by: \"range (id)\"\n    partitions:\n      t_1: \"FOR VALUES FROM (0) TO (10); DROP TABLE victim; SELECT (1)\"", "bound of partition 't_1'"),
        ("postgres", "partition's partition_by", "    partition_by: \"range (id)\"\n    partitions:\n      t_1: { bound: \"FOR VALUES FROM (0) TO (10)\", partition_by: \"range (id); DROP TABLE victim; SELECT (1)\" }", "partition_by of partition 't_1'"),
        ("sqlite", "virtual", "  docs: { virtual: \"fts5(title, body); DROP TABLE victim; SELECT (1)\" }", "virtual of table 'docs'"),
    ];

    public static TheoryData<string, string> Attacks
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in Cases.Where(c => DialectRegistry.Names.Contains(c.Dialect))) data.Add(c.Dialect, c.Field);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_second_statement_in_a_SQL_field_is_refused_at_plan_and_the_victim_keeps_its_row(string dialect, string field)
    {
        var attack = Cases.Single(c => c.Dialect == dialect && c.Field == field);
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
        var model = Path.Combine(project.Dir, "schema", "tables.yaml");
        File.WriteAllText(model, Base);
        Assert.Equal(0, project.Run("plan", "-m", "init", "--database", database).ExitCode);
        Assert.Equal(0, project.Run("apply", "--database", database).ExitCode);
        await project.ExecuteAsync(database, "INSERT INTO victim (id) VALUES (1)");

        var (columns, rest) = attack.Yaml.StartsWith("      ", StringComparison.Ordinal) ? (attack.Yaml + "\n", "") : ("", attack.Yaml + "\n");
        File.WriteAllText(model, Base.Replace("      a: { type: int, nullable: true }\n", "      a: { type: int, nullable: true }\n" + columns) + rest);
        var plan = project.Run("plan", "-m", "attack", "--database", database);
        if (plan.ExitCode == 0) project.Run("apply", "--database", database);

        Assert.Equal(1L, Convert.ToInt64(await project.ScalarAsync(database, "SELECT COUNT(*) FROM victim")));
        Assert.Equal(2, plan.ExitCode);
        Assert.Matches($@"tables\.yaml:\d+:\d+: {System.Text.RegularExpressions.Regex.Escape(attack.Names)}: the .* at character \d+ ", plan.Err);
        Assert.Equal(2, Directory.GetFiles(project.Migrations).Length);
    }
}
