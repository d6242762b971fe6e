using SchemaTool.Revisions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Events on the real MariaDB server: the schedule in any spelling compared as the server prints it back (its
/// STARTS left out when the server set it), a comment changed alone, every down file exact.
/// </summary>
public sealed class MySqlEventTests
{
    private const string Model = """
        tables:
          sessions:
            columns:
              id:      { type: int, primary_key: true }
              expires: { type: datetime }
        events:
          purge:    { schedule: "every 1 day", body: "DELETE FROM sessions WHERE expires < now()", comment: "nightly" }
          rollover:
            schedule: "every '1 2' day_hour starts '2030-01-01 00:00:00'"
            body: |-
              BEGIN
                DELETE FROM sessions WHERE id < 0;
              END
            enabled: false
            preserve: true
        """;

    private static async Task<List<string>> EventsAsync(MySqlProject project) =>
        (await project.QueryAsync("""
            SELECT EVENT_NAME, INTERVAL_VALUE, INTERVAL_FIELD, IF(STARTS = CREATED, 'now', STARTS), STATUS, ON_COMPLETION, EVENT_COMMENT, EVENT_DEFINITION
            FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY EVENT_NAME
            """)).Select(r => string.Join(" | ", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();


    [Fact]
    public async Task Events_are_created_read_back_and_rolled_back()
    {
        await using var project = await MySqlProject.CreateAsync("events");
        var first = await project.ConvergeAsync(Model, "events");

        Assert.Contains("CREATE EVENT `purge` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE COMMENT 'nightly' DO DELETE FROM sessions WHERE expires < now();", first.UpSql);
        Assert.Contains("CREATE EVENT `rollover` ON SCHEDULE EVERY '1 2' DAY_HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO BEGIN\n  DELETE FROM sessions WHERE id < 0;\nEND;", first.UpSql);
        Assert.Contains("DROP EVENT `purge`;", first.DownSql);
        Assert.Equal([
            "purge | 1 | DAY | now | ENABLED | NOT PRESERVE | nightly | DELETE FROM sessions WHERE expires < now()",
            "rollover | '1 2' | DAY_HOUR | 2030-01-01 00:00:00 | DISABLED | PRESERVE |  | BEGIN\n  DELETE FROM sessions WHERE id < 0;\nEND",
        ], await EventsAsync(project));

        await project.RollbackAsync("base");
        Assert.Empty(await EventsAsync(project));
    }

    [Fact]
    public async Task A_comment_changed_alone_alters_the_event_and_the_down_file_restores_it()
    {
        await using var project = await MySqlProject.CreateAsync("events_comment");
        var first = await project.ConvergeAsync(Model, "events");
        var changed = await project.ConvergeAsync(Model.Replace("comment: \"nightly\"", "comment: \"every night\""), "comment");
        Assert.Contains("ALTER EVENT `purge` COMMENT 'every night';", changed.UpSql);
        Assert.Contains("ALTER EVENT `purge` COMMENT 'nightly';", changed.DownSql);
        Assert.DoesNotContain("DROP EVENT", changed.UpSql);

        await project.RollbackAsync(first.Id);
        Assert.Contains(await EventsAsync(project), e => e.Contains("| nightly |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_schedule_drops_and_creates_the_event()
    {
        await using var project = await MySqlProject.CreateAsync("events_schedule");
        var first = await project.ConvergeAsync(Model, "events");
        var changed = await project.ConvergeAsync(Model.Replace("every 1 day", "EVERY 2 HOUR"), "hourly");
        Assert.Contains("DROP EVENT `purge`;", changed.UpSql);
        Assert.Contains("CREATE EVENT `purge` ON SCHEDULE EVERY 2 HOUR", changed.UpSql);
        Assert.Contains("CREATE EVENT `purge` ON SCHEDULE EVERY 1 DAY", changed.DownSql);
        await project.RollbackAsync(first.Id);
        Assert.Contains(await EventsAsync(project), e => e.StartsWith("purge | 1 | DAY | now", StringComparison.Ordinal));
    }
}
