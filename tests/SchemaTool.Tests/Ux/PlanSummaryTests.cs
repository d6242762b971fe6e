using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>plan's summary: per table created / altered / dropped, the changes a SQLite rebuild stands for, and warnings.</summary>
public sealed class PlanSummaryTests
{
    [Fact]
    public void The_first_plan_lists_the_created_tables()
    {
        using var project = UxProject.FromExample();
        var run = project.Ok("plan", "-m", "initial migration");
        Assert.Contains("2 change(s) to 2 table(s): 2 created, 0 altered, 0 dropped", run.Out);
        Assert.Contains("  + roles (created)", run.Out);
        Assert.Contains("  + users (created)", run.Out);
    }

    [Fact]
    public void A_trigger_on_a_view_is_counted_with_the_view_not_as_a_table()
    {
        using var project = UxProject.FromExample();
        project.WriteModel("""
            tables:
              s:
                columns:
                  id: { type: int, primary_key: true }
            views:
              v: { sql: "SELECT id FROM s" }
            triggers:
              tr_v: { table: v, timing: instead of, events: [insert], body: "INSERT INTO s(id) VALUES (NEW.id);" }
            """);
        var run = project.Ok("plan", "-m", "view trigger", "--dry-run");
        Assert.Contains("3 change(s) to 1 table(s) and 1 other object(s): 2 created, 0 altered, 0 dropped", run.Out);
        Assert.Contains("  + view v (created)", run.Out);
        Assert.DoesNotContain("~ v (altered)", run.Out);
    }

    [Fact]
    public void A_rebuild_is_summarised_by_the_changes_it_makes()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        project.UseModel("steps/2-posts.yaml");
        var run = project.Ok("plan", "-m", "posts", "--dry-run");
        Assert.Contains("1 created, 2 altered, 0 dropped", run.Out);
        Assert.Contains("  ~ users (altered)", run.Out);
        Assert.Matches(@"(?m)^      add column users.email \(by rebuilding the table\)$", run.Out);
        Assert.Contains("  + posts (created)", run.Out);
    }

    [Fact]
    public void Dropping_a_table_is_warned_about_on_stderr_and_in_the_file()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        project.WriteModel("""
            tables:
              roles:
                columns:
                  id:   { type: int, primary_key: true, auto_increment: true }
                  name: { type: varchar(64), unique: true }
            """);
        var run = project.Ok("plan", "-m", "drop users");
        Assert.Contains("  - users (dropped)", run.Out);
        Assert.Contains("WARNING: drops table users and all its rows", run.Err);
        var up = File.ReadAllText(project.UpFiles().Single(f => f.Contains("drop_users")));
        Assert.Contains("-- WARNING: drops table users and all its rows", up);
    }
}
