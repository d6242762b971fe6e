using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>Dropping a table or a column puts a `-- WARNING:` above it in the up file, and plan prints the same warning.</summary>
public sealed class DestructiveWarningTests
{
    private const string Model = """
        tables:
          keep:
            columns:
              id:    { type: int, primary_key: true }
              notes: { type: text, nullable: true }
          gone:
            columns:
              id: { type: int, primary_key: true }
        """;

    [Fact]
    public void Dropped_table_and_column_are_warned_in_the_file_and_on_stderr()
    {
        using var project = new TempProject();
        project.WriteModel(Model);
        project.Ok("plan", "-m", "first");
        project.Ok("apply");
        project.WriteModel("tables:\n  keep:\n    columns:\n      id: { type: int, primary_key: true }\n");

        var plan = project.Ok("plan", "-m", "drop things");

        var up = File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, "*_drop_things.up.sql").Single());
        Assert.Contains("-- drop table gone\n-- WARNING: drops table gone and all its rows\nDROP TABLE \"gone\";\n", up);
        Assert.Contains("-- drop column keep.notes\n-- WARNING: drops column keep.notes and its data\nALTER TABLE \"keep\" DROP COLUMN \"notes\";\n", up);
        Assert.Contains("WARNING: drops table gone and all its rows\n", plan.Stderr);
        Assert.Contains("WARNING: drops column keep.notes and its data\n", plan.Stderr);
        Assert.DoesNotContain("WARNING", plan.Stdout);

        var down = File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, "*_drop_things.down.sql").Single());
        Assert.DoesNotContain("WARNING", down);
    }

    [Fact]
    public void Dry_run_prints_the_warnings_too_and_writes_nothing()
    {
        using var project = new TempProject();
        project.WriteModel(Model);
        project.Ok("plan", "-m", "first");
        project.Ok("apply");
        project.WriteModel("tables:\n  keep:\n    columns:\n      id: { type: int, primary_key: true }\n      notes: { type: text, nullable: true }\n");

        var plan = project.Ok("plan", "--dry-run");

        Assert.Contains("WARNING: drops table gone and all its rows", plan.Stderr);
        Assert.Contains("-- WARNING: drops table gone and all its rows\nDROP TABLE \"gone\";", plan.Stdout);
        Assert.Equal(2, project.MigrationFiles().Count);
    }
}
