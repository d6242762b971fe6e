using System.Text.Json;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// Both files of an applied revision are checksummed: a down file edited to drop a table is noticed by `check`,
/// `status`, `history` and before `rollback` runs it. `rehash` records files edited on purpose, and so does
/// `apply --allow-changed`, after which the three commands agree the revision is fine. A history table from before the
/// down checksum keeps working for reads and is upgraded in place by the next apply.
/// </summary>
public sealed class DownChecksumTests
{
    public static TheoryData<string> Dialects => SafetyDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_down_file_edited_after_apply_is_noticed_and_rehash_records_it(string dialect)
    {
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
        project.AddTable("1", "", "t1", minute: 1);
        project.AddTable("2", "1", "t2", minute: 2);
        project.Ok("apply", "--database", database);
        var down = project.UpFile("2").Replace(".up.sql", ".down.sql");
        File.WriteAllText(down, File.ReadAllText(down).Replace("DROP TABLE t2;", "DROP TABLE t2;\nDROP TABLE t1;"));

        Assert.Contains(Reasons(project, database), r => r.Kind == "edited" && r.Revision == ScratchProject.Id("2") && r.Message.Contains("down file"));
        Assert.Contains($"revision {ScratchProject.Id("2")} was edited after it was applied (its down file changed", project.Run("status", "--database", database).Err);
        Assert.Contains("[down file edited since", project.Run("history", "--database", database).Out);
        Assert.True(JsonDocument.Parse(project.Ok("history", "--json", "--database", database).Out).RootElement
            .GetProperty("revisions")[0].GetProperty("edited").GetBoolean());
        var refused = project.Run("rollback", "-1", "--database", database);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(Path.GetFileName(down), refused.Err);
        Assert.Contains("schematool rehash", refused.Err);
        Assert.Equal(["t1", "t2"], await project.TablesAsync(database));

        var rehash = project.Ok("rehash", "--database", database);

        Assert.Contains($"recorded {ScratchProject.Id("2")} (create t2): its down file changed", rehash.Out);
        Assert.DoesNotContain(Reasons(project, database), r => r.Kind == "edited");
        Assert.DoesNotContain("edited", project.Ok("status", "--database", database).Err);
        Assert.DoesNotContain("edited since", project.Ok("history", "--database", database).Out);
        project.Ok("rollback", "-1", "--database", database);
        Assert.Empty(await project.TablesAsync(database));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Apply_allow_changed_records_the_edit_so_check_does_not_fail_forever(string dialect)
    {
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
        project.AddTable("1", "", "t1", minute: 1);
        project.Ok("apply", "--database", database);
        File.AppendAllText(project.UpFile("1"), "-- reviewed\n");
        project.AddTable("2", "1", "t2", minute: 2);
        Assert.Contains(Reasons(project, database), r => r.Kind == "edited");

        var applied = project.Ok("apply", "--allow-changed", "--database", database);

        Assert.Contains($"recorded the new checksums of revision {ScratchProject.Id("1")} (up file changed after it was applied; --allow-changed)", applied.Out);
        Assert.DoesNotContain(Reasons(project, database), r => r.Kind is "edited" or "pending");
        project.Ok("apply", "--database", database);
    }

    [Fact]
    public void Rehash_refuses_a_revision_that_is_not_applied()
    {
        using var project = new ScratchProject();
        project.AddTable("1", "", "t1");
        var result = project.Run("rehash", ScratchProject.Id("1"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"revision {ScratchProject.Id("1")} is not applied, so there is no checksum to record", result.Err);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_history_table_without_the_down_checksum_is_read_as_it_is_and_upgraded_by_the_next_apply(string dialect)
    {
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
        project.AddTable("1", "", "t1", minute: 1);
        project.Ok("apply", "--database", database);
        await using (var session = await project.ConnectAsync(database))
        {
            // The table as the previous version made it, with the row it wrote.
            foreach (var sql in new[]
            {
                "CREATE TABLE old_history (revision varchar(64) NOT NULL PRIMARY KEY, parents varchar(1024) NOT NULL, message text NOT NULL, " +
                "checksum varchar(64) NOT NULL, applied_at varchar(32) NOT NULL, duration_ms bigint NOT NULL, statements_done int NOT NULL, " +
                "statements_total int NOT NULL, complete int NOT NULL)",
                "INSERT INTO old_history SELECT revision, parents, message, checksum, applied_at, duration_ms, statements_done, statements_total, complete FROM schematool_history",
                "DROP TABLE schematool_history",
            })
            {
                await using var cmd = session.CreateCommand(sql);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        await RenameAsync(project, database, dialect);
        project.AddTable("2", "1", "t2", minute: 2);

        Assert.Contains("pending:  1", project.Ok("status", "--database", database).Out);
        Assert.False(await HasDownChecksumColumnAsync(project, database));
        project.Ok("apply", "--database", database);
        Assert.True(await HasDownChecksumColumnAsync(project, database));
        Assert.All(await project.HistoryAsync(database), row => Assert.NotNull(row.DownChecksum));

        var down = project.UpFile("1").Replace(".up.sql", ".down.sql");
        File.AppendAllText(down, "DROP TABLE t2;\n");
        Assert.Contains(Reasons(project, database), r => r.Kind == "edited" && r.Revision == ScratchProject.Id("1"));
    }

    private static async Task RenameAsync(ScratchProject project, string database, string dialect)
    {
        await using var session = await project.ConnectAsync(database);
        await using var cmd = session.CreateCommand(dialect == "mysql"
            ? "RENAME TABLE old_history TO schematool_history"
            : "ALTER TABLE old_history RENAME TO schematool_history");
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<bool> HasDownChecksumColumnAsync(ScratchProject project, string database)
    {
        await using var session = await project.ConnectAsync(database);
        await using var cmd = session.CreateCommand("SELECT * FROM schematool_history WHERE 1 = 0");
        await using var reader = await cmd.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Any(i => reader.GetName(i) == "down_checksum");
    }

    private sealed record Reason(string Kind, string? Revision, string Message);

    /// <summary>`check --json`'s reasons (the model of a scratch project is empty, so differences are among them).</summary>
    private static IReadOnlyList<Reason> Reasons(ScratchProject project, string database)
    {
        var json = JsonDocument.Parse(project.Run("check", "--json", "--database", database).Out).RootElement;
        return json.GetProperty("reasons").EnumerateArray()
            .Select(r => new Reason(r.GetProperty("kind").GetString()!, r.GetProperty("revision").GetString(), r.GetProperty("message").GetString()!))
            .ToList();
    }
}
