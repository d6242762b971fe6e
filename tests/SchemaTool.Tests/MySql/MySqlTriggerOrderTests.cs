using SchemaTool.Yaml;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The order in which several triggers of one table, timing and event fire (information_schema.TRIGGERS.ACTION_ORDER),
/// on the real MariaDB: `follows: other` puts a trigger right after another (CREATE TRIGGER ... FOLLOWS other), is read
/// back from ACTION_ORDER, and holds through inserts, reorders and body changes, with down files that give back the
/// order exactly. A trigger without `follows:` leaves its place to the server: no change is planned for it. Each
/// trigger below appends its digit to NEW.n, so an insert shows the order they fired in.
/// </summary>
public sealed class MySqlTriggerOrderTests
{
    private const string Table = """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              n:  { type: int, default: 0 }
        triggers:

        """;

    private static string Trigger(string name, int digit, string? follows = null, int times = 1) =>
        $"  {name}: {{ table: t, timing: before, events: [insert], body: \"SET NEW.n = NEW.n * {Pow(times)} + {digit}\"" +
        (follows is null ? "" : $", follows: {follows}") + " }\n";

    private static int Pow(int times) => times == 1 ? 10 : 100;

    // Written out of order on purpose: follows, not the order of the YAML, gives the order.
    private static readonly string Abc = Table + Trigger("t_c", 3, "t_b") + Trigger("t_a", 1) + Trigger("t_b", 2, "t_a");

    private static async Task<List<string>> OrderAsync(MySqlProject project) =>
        (await project.QueryAsync("""
            SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() ORDER BY ACTION_ORDER
            """)).Select(r => (string)r[0]!).ToList();

    private static async Task<long> FiredAsync(MySqlProject project, int id)
    {
        await project.ExecuteAsync($"INSERT INTO t (id) VALUES ({id})");
        return Convert.ToInt64((await project.QueryAsync($"SELECT n FROM t WHERE id = {id}")).Single()[0]);
    }


    [Fact]
    public async Task Follows_sets_the_order_triggers_fire_in_reads_back_and_rolls_back()
    {
        await using var project = await MySqlProject.CreateAsync("trgorder");
        var revision = await project.PlanRevisionAsync(Abc, "abc");
        Assert.NotNull(revision);
        Assert.Contains("CREATE TRIGGER `t_b` BEFORE INSERT ON `t` FOR EACH ROW FOLLOWS `t_a`\nBEGIN", revision.UpSql);
        await project.ApplyAsync();
        Assert.True((await project.PlanAsync(Abc)).IsEmpty);
        Assert.Equal(["t_a", "t_b", "t_c"], await OrderAsync(project));
        Assert.Equal(123, await FiredAsync(project, 1));

        var inspected = ModelWriter.Write(await project.IntrospectAsync());
        Assert.Contains("follows: t_a", inspected);
        Assert.Contains("follows: t_b", inspected);
        Assert.True((await project.PlanAsync(inspected)).IsEmpty);

        await project.RollbackAsync("-1");
        Assert.Empty(await OrderAsync(project));
    }

    [Fact]
    public async Task A_trigger_put_between_two_others_fires_there_and_its_rollback_gives_back_the_order()
    {
        await using var project = await MySqlProject.CreateAsync("trgorder");
        await project.ConvergeAsync(Abc, "abc");

        var between = Table + Trigger("t_a", 1) + Trigger("t_ab", 4, "t_a") + Trigger("t_b", 2, "t_ab") + Trigger("t_c", 3, "t_b");
        await project.ConvergeAsync(between, "between");
        Assert.Equal(["t_a", "t_ab", "t_b", "t_c"], await OrderAsync(project));
        Assert.Equal(1423, await FiredAsync(project, 1));

        await project.RollbackAsync("-1");
        Assert.Equal(["t_a", "t_b", "t_c"], await OrderAsync(project));
        Assert.True((await project.PlanAsync(Abc)).IsEmpty);
    }

    [Fact]
    public async Task Reordering_and_changing_the_first_trigger_apply_and_roll_back_exactly()
    {
        await using var project = await MySqlProject.CreateAsync("trgorder");
        await project.ConvergeAsync(Abc, "abc");
        var bodies = await project.QueryAsync("SELECT TRIGGER_NAME, ACTION_ORDER, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() ORDER BY 1");

        // t_a's body changes (it is dropped and created), and t_c now comes before t_b.
        var changed = Table + Trigger("t_a", 5) + Trigger("t_c", 3, "t_a") + Trigger("t_b", 2, "t_c");
        await project.ConvergeAsync(changed, "reorder");
        Assert.Equal(["t_a", "t_c", "t_b"], await OrderAsync(project));
        Assert.Equal(532, await FiredAsync(project, 1));

        await project.RollbackAsync("-1");
        Assert.Equal(["t_a", "t_b", "t_c"], await OrderAsync(project));
        Assert.Equal(bodies, await project.QueryAsync("SELECT TRIGGER_NAME, ACTION_ORDER, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() ORDER BY 1"));
        Assert.Equal(123, await FiredAsync(project, 2));
    }

    [Fact]
    public async Task A_trigger_moved_elsewhere_takes_the_triggers_that_follow_it_along()
    {
        await using var project = await MySqlProject.CreateAsync("trgorder");
        var before = Table + Trigger("t_a", 1) + Trigger("t_b", 2, "t_a") + Trigger("t_x", 4, "t_b") + Trigger("t_y", 5, "t_x");
        await project.ConvergeAsync(before, "abxy");
        Assert.Equal(1245, await FiredAsync(project, 1));

        // Only t_x's own follows changes; t_y still says it follows t_x, so it moves with it.
        await project.ConvergeAsync(Table + Trigger("t_a", 1) + Trigger("t_b", 2) + Trigger("t_x", 4, "t_a") + Trigger("t_y", 5, "t_x"), "move x");
        Assert.Equal(["t_a", "t_x", "t_y", "t_b"], await OrderAsync(project));
        Assert.Equal(1452, await FiredAsync(project, 2));

        await project.RollbackAsync("-1");
        Assert.Equal(["t_a", "t_b", "t_x", "t_y"], await OrderAsync(project));
        Assert.True((await project.PlanAsync(before)).IsEmpty);
    }

    [Fact]
    public async Task Triggers_without_follows_keep_the_order_the_server_has()
    {
        await using var project = await MySqlProject.CreateAsync("trgorder");
        await project.ConvergeAsync(Abc, "abc");

        // The same triggers, no order stated: nothing to do.
        var unstated = Table + Trigger("t_a", 1) + Trigger("t_b", 2) + Trigger("t_c", 3);
        Assert.True((await project.PlanAsync(unstated)).IsEmpty);

        // The middle one's body changes: it keeps its place, and the down file puts the old one back there.
        await project.ConvergeAsync(Table + Trigger("t_a", 1) + Trigger("t_b", 7) + Trigger("t_c", 3), "body");
        Assert.Equal(["t_a", "t_b", "t_c"], await OrderAsync(project));
        Assert.Equal(173, await FiredAsync(project, 1));
        await project.RollbackAsync("-1");
        Assert.Equal(["t_a", "t_b", "t_c"], await OrderAsync(project));

        // The first one dropped, then put back by the down file, first again.
        await project.ConvergeAsync(Table + Trigger("t_b", 2) + Trigger("t_c", 3), "drop first");
        Assert.Equal(["t_b", "t_c"], await OrderAsync(project));
        await project.RollbackAsync("-1");
        Assert.Equal(["t_a", "t_b", "t_c"], await OrderAsync(project));
        Assert.True((await project.PlanAsync(Abc)).IsEmpty);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { Table + Trigger("t_a", 1, "nope"), "trigger t_a: follows nope, which is not a trigger of the model" },
        { Table + Trigger("t_a", 1, "t_a"), "trigger t_a: follows itself" },
        { Table + Trigger("t_a", 1) + Trigger("t_b", 2, "t_a") + Trigger("t_c", 3, "t_a"), "trigger t_c: follows t_a, as trigger t_b does" },
        { Table + Trigger("t_a", 1, "t_b") + Trigger("t_b", 2, "t_a"), "trigger t_a: follows t_b, which follows it" },
        {
            Table + Trigger("t_a", 1) + "  t_u: { table: t, timing: before, events: [update], body: \"SET NEW.n = 0\", follows: t_a }\n",
            "trigger t_u: follows t_a, which fires before insert on t, not before update on t"
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_follows_the_server_would_refuse_is_refused_at_plan(string yaml, string message)
    {
        await using var project = await MySqlProject.CreateAsync("trgorder");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync(yaml));
        Assert.Contains(message, error.Message);
    }
}
