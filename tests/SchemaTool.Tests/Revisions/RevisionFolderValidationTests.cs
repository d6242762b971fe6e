using SchemaTool.Revisions;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.RevisionHistory;

/// <summary>A broken migrations folder is refused as a whole, each problem naming the files involved.</summary>
public sealed class RevisionFolderValidationTests : IDisposable
{
    private readonly ScratchProject _project = new();

    public void Dispose() => _project.Dispose();

    private RevisionException Refused() => Assert.Throws<RevisionException>(() => RevisionFolder.Load(_project.Migrations));

    [Fact]
    public void A_valid_folder_loads_with_its_parents()
    {
        _project.AddTable("1", "", "a");
        _project.AddTable("2", "1", "b");
        var graph = RevisionFolder.Load(_project.Migrations);
        Assert.Equal(["000000000001"], graph.Find("000000000002")!.Parents);
    }

    [Fact]
    public void Duplicate_ids_name_both_files()
    {
        _project.AddTable("1", "", "a");
        _project.Add("1", "", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;", "other name");
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("revision 000000000001 is declared by more than one file", error);
        Assert.Contains("000000000001_create_a.up.sql", error);
        Assert.Contains("000000000001_other_name.up.sql", error);
    }

    [Fact]
    public void A_missing_parent_names_the_file_and_the_parent()
    {
        _project.AddTable("2", "1", "b");
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("000000000002_create_b.up.sql", error);
        Assert.Contains("parent revision 000000000001 does not exist", error);
    }

    [Fact]
    public void A_cycle_is_named_revision_by_revision()
    {
        _project.AddTable("1", "", "a");
        _project.AddTable("2", "1 3", "b");
        _project.AddTable("3", "2", "c");
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("cycle", error);
        Assert.Contains("000000000002", error);
        Assert.Contains("000000000003", error);
        Assert.Contains("-- parents:", error);
    }

    [Fact]
    public void An_up_file_without_its_down_file_is_named()
    {
        _project.AddTable("1", "", "a");
        File.Delete(_project.UpFile("1").Replace(".up.sql", ".down.sql"));
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("000000000001_create_a.up.sql: up file without its down file 000000000001_create_a.down.sql", error);
        Assert.Contains("restore it", error);
    }

    [Fact]
    public void A_down_file_of_another_revision_is_refused()
    {
        // Copied over from another revision, its header says so: rolling back would run another revision's down.
        _project.AddTable("1", "", "a");
        _project.AddTable("2", "1", "b");
        var down1 = _project.UpFile("1").Replace(".up.sql", ".down.sql");
        File.Copy(_project.UpFile("2").Replace(".up.sql", ".down.sql"), down1, overwrite: true);
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("000000000001_create_a.down.sql:1: its header says revision 000000000002, parents 000000000001; the up file says revision 000000000001", error);
    }

    [Fact]
    public void A_down_file_without_its_up_file_is_named()
    {
        _project.AddTable("1", "", "a");
        File.Delete(_project.UpFile("1"));
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("000000000001_create_a.down.sql: down file without its up file", error);
        Assert.Contains("restore it", error);
    }

    [Fact]
    public void A_header_without_parents_line_is_named_with_its_line()
    {
        var path = Path.Combine(_project.Migrations, "000000000001_x");
        File.WriteAllText(path + ".up.sql", "-- revision: 000000000001\n-- message: x\n-- created: 2026-01-01T00:00:00Z\n");
        File.WriteAllText(path + ".down.sql", "");
        var error = Assert.Single(Refused().Errors);
        Assert.Contains("000000000001_x.up.sql:1:", error);
        Assert.Contains("-- parents:", error);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        _project.AddTable("2", "1", "b");
        _project.AddTable("3", "", "c");
        File.Delete(_project.UpFile("3").Replace(".up.sql", ".down.sql"));
        Assert.Equal(2, Refused().Errors.Count);
    }

    [Fact]
    public void The_cli_exits_2_with_the_errors_on_stderr()
    {
        _project.AddTable("2", "1", "b");
        foreach (var command in new[] { new[] { "apply" }, ["history"], ["rollback", "base"], ["stamp", "base"], ["merge", "1", "2", "-m", "m"] })
        {
            var result = _project.Run(command);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("error: ", result.Err);
            Assert.Contains("parent revision 000000000001 does not exist", result.Err);
        }
    }
}
