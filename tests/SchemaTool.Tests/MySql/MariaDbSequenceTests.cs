using SchemaTool.Yaml;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// MariaDB's sequences (CREATE SEQUENCE, 10.3 and later) on the real server: created with their options before the
/// defaults that take from them (`NEXT VALUE FOR s` or `nextval(s)`), read back from the sequence itself, changed by
/// ALTER SEQUENCE, dropped after those defaults, written by `inspect`, and given back exactly by the down files.
/// </summary>
public sealed class MariaDbSequenceTests
{
    private const string Invoices = """
        sequences:
          invoice_no: { start: 1005, increment: 5, min: 1000, max: 99999, cache: 10, cycle: true, comment: "invoice numbers" }
          plain: {}
        tables:
          invoices:
            columns:
              id: { type: int, primary_key: true }
              no: { type: bigint, default_sql: "NEXT VALUE FOR invoice_no" }
              other: { type: bigint, default_sql: "nextval(plain)" }

        """;

    private static async Task<List<string>> SequencesAsync(MySqlProject project)
    {
        var names = (await project.QueryAsync("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE' ORDER BY 1"))
            .Select(r => (string)r[0]!).ToList();
        var result = new List<string>();
        foreach (var name in names)
            result.Add((string)(await project.QueryAsync($"SHOW CREATE SEQUENCE `{name}`")).Single()[1]!);
        return result;
    }


    [Fact]
    public async Task Sequences_are_created_before_the_defaults_that_use_them_read_back_and_dropped_after()
    {
        await using var project = await MySqlProject.CreateAsync("sequences");
        var revision = await project.PlanRevisionAsync(Invoices, "sequences");
        Assert.NotNull(revision);
        Assert.True(revision.UpSql.Contains("CREATE SEQUENCE `invoice_no` START WITH 1005 MINVALUE 1000 MAXVALUE 99999 INCREMENT BY 5 CACHE 10 CYCLE COMMENT 'invoice numbers';",
            StringComparison.Ordinal), revision.UpSql);
        Assert.True(revision.UpSql.IndexOf("CREATE SEQUENCE `invoice_no`", StringComparison.Ordinal) < revision.UpSql.IndexOf("CREATE TABLE `invoices`", StringComparison.Ordinal));
        Assert.True(revision.DownSql.IndexOf("DROP TABLE `invoices`", StringComparison.Ordinal) < revision.DownSql.IndexOf("DROP SEQUENCE `invoice_no`", StringComparison.Ordinal));
        await project.ApplyAsync();
        Assert.True((await project.PlanAsync(Invoices)).IsEmpty);

        await project.ExecuteAsync("INSERT INTO invoices (id) VALUES (1); INSERT INTO invoices (id) VALUES (2)");
        Assert.Equal(["1005 1", "1010 2"], (await project.QueryAsync("SELECT no, other FROM invoices ORDER BY id")).Select(r => $"{r[0]} {r[1]}"));

        var inspected = ModelWriter.Write(await project.IntrospectAsync());
        Assert.Contains("invoice_no: { start: 1005, increment: 5, min: 1000, max: 99999, cache: 10, cycle: true, comment: \"invoice numbers\" }", inspected);
        Assert.Contains("plain: {}", inspected);
        Assert.True((await project.PlanAsync(inspected)).IsEmpty, inspected);

        await project.RollbackAsync("-1");
        Assert.Empty(await SequencesAsync(project));
    }

    [Fact]
    public async Task A_sequence_is_altered_and_the_down_file_gives_its_options_back()
    {
        await using var project = await MySqlProject.CreateAsync("sequences");
        await project.ConvergeAsync(Invoices, "sequences");
        var before = await SequencesAsync(project);

        var changed = Invoices.Replace("increment: 5, min: 1000, max: 99999, cache: 10, cycle: true", "increment: 10, min: 1000, max: 500000")
            .Replace("plain: {}", "plain: { cache: 0 }");
        await project.ConvergeAsync(changed, "alter");
        Assert.Equal([
            "CREATE SEQUENCE `invoice_no` start with 1005 minvalue 1000 maxvalue 500000 increment by 10 cache 1000 nocycle ENGINE=InnoDB COMMENT='invoice numbers'",
            "CREATE SEQUENCE `plain` start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1 nocache nocycle ENGINE=InnoDB",
        ], await SequencesAsync(project));

        await project.RollbackAsync("-1");
        Assert.Equal(before, await SequencesAsync(project));
        Assert.True((await project.PlanAsync(Invoices)).IsEmpty);
    }

    [Fact]
    public async Task A_sequence_and_the_column_that_takes_from_it_go_together_and_come_back_in_order()
    {
        await using var project = await MySqlProject.CreateAsync("sequences");
        await project.ConvergeAsync(Invoices, "sequences");
        var before = await SequencesAsync(project);

        var without = Invoices.Replace("  invoice_no: { start: 1005, increment: 5, min: 1000, max: 99999, cache: 10, cycle: true, comment: \"invoice numbers\" }\n", "")
            .Replace("      no: { type: bigint, default_sql: \"NEXT VALUE FOR invoice_no\" }\n", "");
        var revision = await project.PlanRevisionAsync(without, "drop");
        Assert.NotNull(revision);
        Assert.True(revision.UpSql.IndexOf("DROP COLUMN `no`", StringComparison.Ordinal) < revision.UpSql.IndexOf("DROP SEQUENCE `invoice_no`", StringComparison.Ordinal), revision.UpSql);
        await project.ApplyAsync();
        Assert.True((await project.PlanAsync(without)).IsEmpty);

        await project.RollbackAsync("-1");
        Assert.Equal(before, await SequencesAsync(project));
        Assert.True((await project.PlanAsync(Invoices)).IsEmpty);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\nsequences:\n  s: { owned_by: t.id }\n", "sequence s: MariaDB sequences have no owner" },
        { "sequences:\n  s: { type: integer }\n", "sequence s: MariaDB 10.11's sequences are bigint" },
        { "sequences:\n  s2: { renamed_from: s }\n", "sequence s2: MariaDB keeps a renamed sequence's old name in the defaults that use it" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_a_MariaDB_sequence_cannot_be_is_refused_at_plan(string yaml, string message)
    {
        await using var project = await MySqlProject.CreateAsync("sequences");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync(yaml));
        Assert.Contains(message, error.Message);
    }
}
