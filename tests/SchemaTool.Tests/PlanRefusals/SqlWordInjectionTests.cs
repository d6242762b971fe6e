using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// `type`, index `using`, `opclass`, `collation` and MySQL's table options go into the SQL as words: each is held to the shape of what it
/// is, so a second statement cannot ride in one (it dropped `victim` at apply, with exit 0).
/// </summary>
public sealed class SqlWordInjectionTests
{
    private const string Victim = "tables:\n  victim:\n    columns:\n      id: { type: int, primary_key: true }\n";

    private static async Task<DialectProject> WithVictimAsync(string dialect)
    {
        var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Victim);
        project.PlanAndApply("victim");
        return project;
    }

    private static async Task AssertRefusedAsync(DialectProject project, string model, string message)
    {
        project.WriteModel(Victim + model);

        var plan = project.Expect(2, "plan", "-m", "attack");

        Assert.Contains(message, plan.Err);
        Assert.Equal(2, project.MigrationFiles().Count);
        project.Ok("apply");
        Assert.Contains("victim", await project.AllTablesAsync());
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_type_holding_a_statement_is_refused(string dialect)
    {
        using var project = await WithVictimAsync(dialect);
        await AssertRefusedAsync(project,
            "  t:\n    columns:\n      a: { type: \"int, x int); DROP TABLE victim; CREATE TABLE y (z int\" }\n",
            "tables.yaml:7:18: column 't.a': type 'int, x int); DROP TABLE victim; CREATE TABLE y (z int' is not a type: " +
            "', x int); DROP TABLE victim; CREATE TABLE y (z int' cannot follow the type");
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_type_modifier_holding_a_statement_is_refused(string dialect)
    {
        using var project = await WithVictimAsync(dialect);
        await AssertRefusedAsync(project,
            "  t:\n    columns:\n      a: { type: \"varchar(10) NOT NULL); DROP TABLE victim; --\" }\n",
            "tables.yaml:7:18: column 't.a': type 'varchar(10) NOT NULL); DROP TABLE victim; --' is not a type: ");
    }

    [Fact]
    public async Task A_quoted_enum_value_cannot_end_early_on_mysql()
    {
        // MySQL reads \' inside a string as a quote: 'a\', ' would be one value there and two in standard SQL.
        using var project = await WithVictimAsync("mysql");
        await AssertRefusedAsync(project,
            "  t:\n    columns:\n      a: { type: \"enum('a\\\\', 'b) NOT NULL, x int); DROP TABLE victim; -- ')\" }\n",
            "a quoted modifier cannot hold a backslash or a control character");
    }

    [Theory]
    [InlineData("engine", "InnoDB; DROP TABLE victim; SELECT 1")]
    [InlineData("charset", "utf8mb4; DROP TABLE victim; SELECT 1")]
    [InlineData("collation", "utf8mb4_bin; DROP TABLE victim; SELECT 1")]
    [InlineData("row_format", "DYNAMIC; DROP TABLE victim; SELECT 1")]
    public async Task A_table_option_holding_a_statement_is_refused_on_mysql(string key, string payload)
    {
        using var project = await WithVictimAsync("mysql");
        await AssertRefusedAsync(project,
            $"  t:\n    {key}: \"{payload}\"\n    columns:\n      a: {{ type: int }}\n",
            $"tables.yaml:5:3: `{key}:` of table 't' must be a name (letters, digits and _, such as InnoDB, utf8mb4, utf8mb4_bin or DYNAMIC), not '{payload}'");
    }

    [Fact]
    public async Task A_domain_base_type_holding_a_statement_is_refused_on_postgres()
    {
        using var project = await WithVictimAsync("postgres");
        await AssertRefusedAsync(project,
            "types:\n  d: { domain: \"int; DROP TABLE victim; SELECT 1\" }\n",
            "tables.yaml:6:16: domain of type 'd': 'int; DROP TABLE victim; SELECT 1' is not a type: ");
    }

    [Fact]
    public async Task An_index_method_holding_a_statement_is_refused_on_postgres()
    {
        using var project = await WithVictimAsync("postgres");
        await AssertRefusedAsync(project,
            "  t:\n    columns:\n      a: { type: int }\n    indexes:\n      ix_t_a: { columns: [a], using: \"btree (a); DROP TABLE victim; CREATE INDEX ix2 ON t USING btree\" }\n",
            "tables.yaml:9:7: index 'ix_t_a' of 't': `using:` must be an index method name (btree, hash, gin, gist, brin...), not 'btree (a); drop table victim; create index ix2 on t using btree'");
    }

    [Fact]
    public async Task An_operator_class_holding_a_statement_is_refused_on_postgres()
    {
        using var project = await WithVictimAsync("postgres");
        await AssertRefusedAsync(project,
            "  t:\n    columns:\n      a: { type: text }\n    indexes:\n      ix_t_a: { columns: [{ column: a, opclass: \"text_pattern_ops); DROP TABLE victim; --\" }] }\n",
            "tables.yaml:9:7: index 'ix_t_a' of 't': `opclass:` must be an operator class name (text_pattern_ops, or schema.name), not 'text_pattern_ops); DROP TABLE victim; --'");
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_column_collation_holding_a_statement_is_refused(string dialect)
    {
        using var project = await WithVictimAsync(dialect);
        await AssertRefusedAsync(project,
            "  t:\n    columns:\n      a: { type: text, collation: \"nocase); DROP TABLE victim; --\" }\n",
            "tables.yaml:7:7: collation of column 't.a' must be a collation name (letters, digits, _ . - @, such as en_US.utf8 or utf8mb4_unicode_ci), not 'nocase); DROP TABLE victim; --'");
    }

    [Theory]
    [InlineData("sqlite", "en-US", "SQLite has no collation 'en-US'; use BINARY, NOCASE or RTRIM")]
    [InlineData("mysql", "utf8mb4.bin", "MySQL has no collation 'utf8mb4.bin'; its names are letters, digits and _")]
    public async Task A_collation_name_the_database_cannot_read_as_a_word_is_refused(string dialect, string collation, string message)
    {
        using var project = await WithVictimAsync(dialect);
        await AssertRefusedAsync(project, $"  t:\n    columns:\n      a: {{ type: text, nullable: true, collation: {collation} }}\n", message);
    }
}
