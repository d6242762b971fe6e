namespace SchemaTool.Tests.MySql;

/// <summary>
/// A table's default character set and collation, and its engine, are modelled (`charset:`, `collation:`,
/// `engine:`): a latin1 or utf8mb4_bin table is re-created as it was, not in the server's default.
/// </summary>
public sealed class MySqlTableOptionTests
{
    [Fact]
    public async Task Tables_keep_their_charset_collation_and_engine_through_inspect_plan_and_apply()
    {
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE legacy (id int NOT NULL PRIMARY KEY, name varchar(20) NOT NULL, note varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci)
              ENGINE=InnoDB DEFAULT CHARSET=latin1;
            CREATE TABLE tokens (token varchar(40) NOT NULL PRIMARY KEY, label text) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
            CREATE TABLE cache (k varchar(20) NOT NULL PRIMARY KEY, v text) ENGINE=Aria DEFAULT CHARSET=utf8mb4;
            """);
        Assert.Contains("  legacy:\n    charset: latin1\n    collation: latin1_swedish_ci\n", yaml);
        Assert.Contains("  tokens:\n    charset: utf8mb4\n    collation: utf8mb4_bin\n", yaml);
        Assert.Contains("  cache:\n    engine: Aria\n", yaml);
        // Columns in their table's collation are written without one; the others keep theirs.
        Assert.Matches(@"\n      name: +\{ type: varchar\(20\) \}", yaml);
        Assert.Matches(@"\n      note: +\{ type: varchar\(20\), nullable: true, collation: utf8mb4_unicode_ci \}", yaml);
    }

    private const string Model = """
        tables:
          notes:
            charset: latin1
            columns:
              id:    { type: int, primary_key: true }
              title: { type: varchar(20) }
              code:  { type: varchar(8), collation: ascii_bin }
              n:     { type: int }
        """;

    [Fact]
    public async Task Changing_the_default_charset_alters_the_table_and_the_columns_that_follow_it_and_rolls_back()
    {
        await using var project = await MySqlProject.CreateAsync("charset");
        await project.PlanRevisionAsync(Model, "latin1");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO notes VALUES (1, 'caf\u00e9', 'A1', 5)");
        var before = await MySqlAdoption.ShowCreateAsync(project, "notes");
        Assert.Contains("DEFAULT CHARSET=latin1", before);

        var utf8 = Model.Replace("charset: latin1", "charset: utf8mb4\n    collation: utf8mb4_unicode_ci");
        var plan = await project.PlanAsync(utf8);
        Assert.Contains("ALTER TABLE `notes` DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", plan.UpScript);
        Assert.Contains("MODIFY COLUMN `title` varchar(20) NOT NULL", plan.UpScript);
        Assert.DoesNotContain("`code`", plan.UpScript);
        Assert.DoesNotContain("`n`", plan.UpScript);
        Assert.Contains("MODIFY COLUMN `title` varchar(20) COLLATE latin1_swedish_ci NOT NULL", plan.DownScript);
        await project.PlanRevisionAsync(utf8, "utf8mb4");
        await project.ApplyAsync();

        var after = await MySqlAdoption.ShowCreateAsync(project, "notes");
        Assert.Contains("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", after);
        Assert.Contains("`title` varchar(20) NOT NULL", after);
        Assert.Equal([1, "caf\u00e9"], (await project.QueryAsync("SELECT id, title FROM notes")).Single().Select(v => v is int i ? (object)i : v!).ToArray());
        var again = await project.PlanAsync(utf8);
        Assert.True(again.IsEmpty, again.UpScript);

        await project.RollbackAsync("-1");
        Assert.Equal(before, await MySqlAdoption.ShowCreateAsync(project, "notes"));
        Assert.Equal("caf\u00e9", (await project.QueryAsync("SELECT title FROM notes")).Single()[0]);
    }

    [Fact]
    public async Task A_model_that_names_no_charset_or_engine_leaves_the_tables_as_they_are()
    {
        await using var project = await MySqlProject.CreateAsync("charset_free");
        await project.ExecuteAsync("CREATE TABLE notes (id int NOT NULL PRIMARY KEY, title varchar(20) NOT NULL) ENGINE=Aria DEFAULT CHARSET=latin1 COLLATE=latin1_bin");
        var plan = await project.PlanAsync("tables:\n  notes:\n    columns:\n      id: { type: int, primary_key: true }\n      title: { type: varchar(20) }\n");
        Assert.True(plan.IsEmpty, plan.UpScript);
        var charsetOnly = await project.PlanAsync("tables:\n  notes:\n    charset: latin1\n    engine: aria\n    columns:\n      id: { type: int, primary_key: true }\n      title: { type: varchar(20) }\n");
        Assert.True(charsetOnly.IsEmpty, charsetOnly.UpScript);
    }
}
