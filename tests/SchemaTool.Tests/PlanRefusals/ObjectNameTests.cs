using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// The names of the objects beyond tables (views, materialized views and their indexes, sequences, enum types and
/// values, domains, schemas, partitions, triggers, functions) are held to the rules table names are held to: a
/// PostgreSQL name over 63 bytes was cut short by the server, so that the next plan dropped what the last one
/// created (a partition with its rows, a sequence with its value) and created it again; a name holding a line
/// break or an escape went into the revision and onto the terminal.
/// </summary>
public sealed class ObjectNameTests
{
    private static readonly string Long = new('x', 64);

    private const string Table = """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }

        """;

    private const string Touch = """
        functions:
          touch: { definition: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$" }

        """;

    /// <summary>(what, the model beside table t, the line and column where the long name is written, how the error names it).</summary>
    private static readonly (string What, string Yaml, string Place, string Named)[] LongNames =
    [
        ("view", $"views:\n  v{Long}: {{ sql: \"SELECT id FROM t\" }}\n", "6:3", $"view name 'v{Long}'"),
        ("view column", $"views:\n  v: {{ sql: \"SELECT id FROM t\", columns: [c{Long}] }}\n", "6:3", $"column name 'c{Long}' of view 'v'"),
        ("materialized view index", $"views:\n  mv: {{ sql: \"SELECT id FROM t\", materialized: true, indexes: {{ i{Long}: {{ columns: [id] }} }} }}\n", "6:3", $"index name 'i{Long}' of view 'mv'"),
        ("sequence", $"sequences:\n  s{Long}: {{}}\n", "6:3", $"sequence name 's{Long}'"),
        ("enum type", $"types:\n  e{Long}: {{ enum: [a] }}\n", "6:3", $"enum type name 'e{Long}'"),
        ("enum value", $"types:\n  e: {{ enum: [a{Long}] }}\n", "6:3", $"value 'a{Long}' of enum type 'e'"),
        ("domain", $"types:\n  d{Long}: {{ domain: int }}\n", "6:3", $"domain name 'd{Long}'"),
        ("schema", $"schemas: [s{Long}]\n", "5:11", $"schema name 's{Long}'"),
        ("trigger", $"{Touch}triggers:\n  r{Long}: {{ table: t, timing: before, events: [update], for_each: row, execute: touch() }}\n", "8:3", $"trigger name 'r{Long}'"),
        ("function", $"functions:\n  f{Long}: {{ definition: \"CREATE FUNCTION f{Long}() RETURNS int LANGUAGE sql AS 'SELECT 1'\" }}\n", "6:3", $"function name 'f{Long}'"),
    ];

    public static TheoryData<string> LongNameCases => new(LongNames.Select(c => c.What));

    [Theory]
    [MemberData(nameof(LongNameCases))]
    public async Task A_name_of_65_bytes_beyond_tables_is_refused_on_postgres_with_its_place(string what)
    {
        var attack = LongNames.Single(c => c.What == what);
        using var project = await DialectProject.CreateAsync("postgres");
        project.WriteModel(Table + attack.Yaml);

        var plan = project.Expect(2, "plan", "-m", "long");

        Assert.Contains($"tables.yaml:{attack.Place}: {attack.Named} is 65 bytes long in UTF-8; PostgreSQL names are at most 63 bytes", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task A_partition_name_of_65_bytes_is_refused_on_postgres_and_the_partition_of_63_keeps_its_rows()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        var fits = new string('p', 63);
        project.WriteModel($$"""
            tables:
              t:
                partition_by: "range (id)"
                partitions: { {{fits}}: "FOR VALUES FROM (0) TO (10)" }
                columns:
                  id: { type: int, primary_key: true }
            """);
        project.PlanAndApply("partitioned");
        await project.ExecuteAsync("INSERT INTO t VALUES (1)");
        project.Expect(0, "plan", "-m", "again");
        Assert.Equal(2, project.MigrationFiles().Count);

        project.WriteModel(File.ReadAllText(project.ModelFile).Replace(fits, "q" + Long));
        var plan = project.Expect(2, "plan", "-m", "long");

        Assert.Contains($"tables.yaml:4:17: partition name 'q{Long}' of table 't' is 65 bytes long in UTF-8", plan.Err);
        Assert.Equal(2, project.MigrationFiles().Count);
        Assert.Equal(1L, await project.ScalarAsync($"SELECT COUNT(*) FROM {project.Quote(fits)}"));
    }

    /// <summary>(dialect, what, the model beside table t, where the name is written, how the error names it).</summary>
    private static readonly (string Dialect, string What, string Yaml, string Place, string Named)[] ControlNames =
    [
        ("sqlite", "view", "views:\n  \"v\\nDROP TABLE t;\": { sql: \"SELECT id FROM t\" }\n", "6:3", "view name 'v\\nDROP TABLE t;' holds a line feed"),
        ("postgres", "view", "views:\n  \"v\\nDROP TABLE t;\": { sql: \"SELECT id FROM t\" }\n", "6:3", "view name 'v\\nDROP TABLE t;' holds a line feed"),
        ("postgres", "sequence", "sequences:\n  \"s\\e[31mred\": {}\n", "6:3", "sequence name 's\\x1b[31mred' holds"),
        ("postgres", "trigger", $"{Touch}triggers:\n  \"tr\\n\": {{ table: t, timing: before, events: [update], for_each: row, execute: touch() }}\n", "8:3", "trigger name 'tr\\n' holds a line feed"),
        ("sqlite", "trigger", "triggers:\n  \"tr\\r\": { table: t, timing: after, events: [update], body: \"SELECT 1;\" }\n", "6:3", "trigger name 'tr\\r' holds"),
        ("postgres", "partition", "    partition_by: \"range (id)\"\n    partitions: { \"p\\n\": \"FOR VALUES FROM (0) TO (10)\" }\n", "6:17", "partition name 'p\\n' holds a line feed"),
    ];

    public static TheoryData<string, string> ControlNameCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in ControlNames) data.Add(c.Dialect, c.What);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ControlNameCases))]
    public async Task A_name_beyond_tables_holding_a_control_character_is_refused_with_its_place(string dialect, string what)
    {
        var attack = ControlNames.Single(c => c.Dialect == dialect && c.What == what);
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(attack.Yaml.StartsWith("    ", StringComparison.Ordinal) ? Table.TrimEnd('\n') + "\n" + attack.Yaml : Table + attack.Yaml);

        var plan = project.Expect(2, "plan", "-m", "control");

        Assert.Contains($"tables.yaml:{attack.Place}: {attack.Named}", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }
}
