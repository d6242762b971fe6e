using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>An applied revision's file edited or removed stops apply and rollback, naming it, unless --allow-changed.</summary>
public sealed class ChecksumTests : IDisposable
{
    private readonly ScratchProject _project = new();

    public ChecksumTests()
    {
        _project.AddTable("1", "", "t1", minute: 1);
        _project.AddTable("2", "1", "t2", minute: 2);
        _project.AddTable("3", "2", "t3", minute: 3);
        _project.Ok("apply", ScratchProject.Id("2"));
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task An_edited_up_file_stops_apply_and_rollback_naming_the_file()
    {
        var edited = _project.UpFile("1");
        File.AppendAllText(edited, "-- a reviewer's note\n");
        foreach (var args in new[] { new[] { "apply" }, ["rollback", "-1"], ["apply", "--dry-run"], ["rollback", "base", "--dry-run"] })
        {
            var result = _project.Run(args);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(Path.GetFileName(edited), result.Err);
            Assert.Contains("edited after it was applied", result.Err);
            Assert.Contains("--allow-changed", result.Err);
        }
        Assert.Equal(2, (await _project.AppliedAsync()).Count);
    }

    [Fact]
    public async Task A_removed_file_stops_apply_naming_the_revision()
    {
        var removed = _project.UpFile("2");
        File.Delete(removed);
        File.Delete(removed.Replace(".up.sql", ".down.sql"));
        // 3's parent is gone too, so the folder no longer loads: re-parent it, as a developer might.
        File.WriteAllText(_project.UpFile("3"), File.ReadAllText(_project.UpFile("3")).Replace($"-- parents: {ScratchProject.Id("2")}", $"-- parents: {ScratchProject.Id("1")}"));
        File.WriteAllText(_project.UpFile("3").Replace(".up.", ".down."), File.ReadAllText(_project.UpFile("3").Replace(".up.", ".down.")).Replace($"-- parents: {ScratchProject.Id("2")}", $"-- parents: {ScratchProject.Id("1")}"));

        var result = _project.Run("apply");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"revision {ScratchProject.Id("2")} (create t2) is applied but its files are gone", result.Err);
        Assert.Equal(2, (await _project.AppliedAsync()).Count);

        // The way out it names works: rehash records nothing for a file that is gone, discard --force does.
        Assert.DoesNotContain("rehash", result.Err);
        Assert.Contains($"`schematool discard {ScratchProject.Id("2")} --force`", result.Err);
        _project.Ok("discard", ScratchProject.Id("2"), "--force");
        _project.Ok("apply");
        Assert.Equal(2, (await _project.AppliedAsync()).Count);
    }

    [Fact]
    public void Status_names_the_revision_whose_files_are_gone_as_current_and_its_applied_parent_not()
    {
        var removed = _project.UpFile("3");
        _project.Ok("apply");
        File.Delete(removed);
        File.Delete(removed.Replace(".up.sql", ".down.sql"));

        var status = _project.Run("status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"current:  {ScratchProject.Id("3")}\n", status.Out);
        Assert.Contains($"revision {ScratchProject.Id("3")} is applied but its files are gone", status.Err);
    }

    [Fact]
    public async Task A_mistyped_migrations_folder_is_named_as_the_likely_cause()
    {
        File.AppendAllText(Path.Combine(_project.Dir, "schematool.yaml"), "migrations: migration\n");
        var result = _project.Run("apply");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the migrations folder holds no revisions: check `migrations:` in schematool.yaml", result.Err);
        Assert.Equal(2, (await _project.AppliedAsync()).Count);
    }

    [Fact]
    public async Task Allow_changed_runs_anyway()
    {
        File.AppendAllText(_project.UpFile("1"), "-- a reviewer's note\n");
        _project.Ok("apply", "--allow-changed");
        Assert.Equal(3, (await _project.AppliedAsync()).Count);
        _project.Ok("rollback", "base", "--allow-changed");
        Assert.Empty(await _project.AppliedAsync());
    }

    [Fact]
    public void Line_endings_alone_are_not_an_edit()
    {
        var file = _project.UpFile("1");
        File.WriteAllText(file, File.ReadAllText(file).ReplaceLineEndings("\r\n"));
        _project.Ok("apply");
    }
}
