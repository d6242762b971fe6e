using System.Text.Json;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>The --json shapes documented in README.md: every key present, in snake_case, stdout only.</summary>
public sealed class JsonOutputTests
{
    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Theory]
    [InlineData("apply", "--json")]
    [InlineData("apply", "--dry-run", "--json")]
    [InlineData("rollback", "base", "--json")]
    [InlineData("rollback", "-1", "--dry-run", "--json")]
    public void Apply_and_rollback_json_without_all_is_refused_rather_than_printing_text(params string[] args)
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        var run = project.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--json goes with --all", run.Err);
        Assert.Contains("`schematool status --json`", run.Err);
        Assert.False(File.Exists(Path.Combine(project.Dir, "app.db")), "the refused run created the database");
    }

    [Fact]
    public void Plan_json_names_the_revision_it_wrote_and_its_changes()
    {
        using var project = UxProject.FromExample();
        var run = project.Ok("plan", "-m", "initial migration", "--json");
        Assert.Equal("", run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(["changed", "dry_run", "revision", "summary", "tables", "operations", "warnings", "notices", "up_sql", "down_sql", "up_statements", "down_statements"], Keys(root));
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Equal(["id", "parents", "message", "up_path", "down_path"], Keys(root.GetProperty("revision")));
        Assert.Equal("initial migration", root.GetProperty("revision").GetProperty("message").GetString());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("created").GetInt32());
        var op = root.GetProperty("operations")[0];
        Assert.Equal(["kind", "table", "object", "description", "warning"], Keys(op));
        Assert.Equal("create_table", op.GetProperty("kind").GetString());
        Assert.Contains("CREATE TABLE", root.GetProperty("up_sql").GetString());
    }

    [Fact]
    public void Plan_json_with_nothing_to_do_says_changed_false_and_writes_nothing()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        var run = project.Ok("plan", "-m", "again", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.False(doc.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("revision").ValueKind);
        Assert.Single(project.UpFiles());
    }

    [Fact]
    public void Status_json_has_every_key()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.CreateEmptyDatabase();
        var run = project.Ok("status", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(["database", "current", "heads", "at_head", "pending", "half_applied", "matches_model", "differences"], Keys(root));
        Assert.False(root.GetProperty("at_head").GetBoolean());
        Assert.Equal(["id", "parents", "message", "created"], Keys(root.GetProperty("pending")[0]));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", root.GetProperty("pending")[0].GetProperty("created").GetString());
    }

    [Fact]
    public void History_json_lists_revisions_newest_first_with_their_state()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        project.UseModel("steps/2-posts.yaml");
        project.Ok("plan", "-m", "posts");
        var run = project.Ok("history", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        var revisions = doc.RootElement.GetProperty("revisions");
        Assert.Equal(["id", "parents", "message", "created", "state", "head", "current", "applied_at", "duration_ms", "edited"], Keys(revisions[0]));
        Assert.Equal("posts", revisions[0].GetProperty("message").GetString());
        Assert.Equal("pending", revisions[0].GetProperty("state").GetString());
        Assert.True(revisions[0].GetProperty("head").GetBoolean());
        Assert.Equal("applied", revisions[1].GetProperty("state").GetString());
        Assert.True(revisions[1].GetProperty("current").GetBoolean());
        Assert.Equal(JsonValueKind.String, revisions[1].GetProperty("applied_at").ValueKind);
    }
}
