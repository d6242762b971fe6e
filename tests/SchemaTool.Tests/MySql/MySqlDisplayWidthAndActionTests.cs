namespace SchemaTool.Tests.MySql;

/// <summary>
/// What MariaDB keeps as written and SHOW CREATE TABLE shows: an integer's display width (int(2), not int(11))
/// and an ON DELETE / ON UPDATE NO ACTION written out (REFERENTIAL_CONSTRAINTS says NO ACTION for it, RESTRICT for
/// a key that states nothing). Inspect copies both; plan takes either spelling for the other, as InnoDB does and as
/// MySQL 8.0.19, which reports no display widths, needs.
/// </summary>
public sealed class MySqlDisplayWidthAndActionTests
{
    [Fact]
    public async Task Display_widths_and_a_written_NO_ACTION_are_copied_by_inspect_plan_and_apply()
    {
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE parents (id int(2) NOT NULL PRIMARY KEY, a int(10) unsigned, b bigint(5) unsigned zerofill, c tinyint(1), d smallint(3), e int, f int unsigned, g mediumint(4));
            CREATE TABLE children (
              id int NOT NULL PRIMARY KEY, p1 int(2), p2 int(2), p3 int(2), p4 int(2),
              CONSTRAINT fk_written FOREIGN KEY (p1) REFERENCES parents (id) ON DELETE NO ACTION ON UPDATE NO ACTION,
              CONSTRAINT fk_restrict FOREIGN KEY (p2) REFERENCES parents (id) ON DELETE RESTRICT,
              CONSTRAINT fk_unstated FOREIGN KEY (p3) REFERENCES parents (id),
              CONSTRAINT fk_mixed FOREIGN KEY (p4) REFERENCES parents (id) ON DELETE CASCADE ON UPDATE NO ACTION
            );
            """);
        Assert.Matches(@"\n      id: +\{ type: int\(2\), primary_key: true \}", yaml);
        Assert.Matches(@"\n      a: +\{ type: int unsigned, nullable: true \}", yaml);
        Assert.Matches(@"\n      b: +\{ type: bigint\(5\) unsigned zerofill, nullable: true \}", yaml);
        Assert.Matches(@"\n      d: +\{ type: smallint\(3\), nullable: true \}", yaml);
        Assert.Contains("fk_written: { columns: [p1], references: { table: parents, columns: [id] }, on_delete: no action, on_update: no action }", yaml);
        Assert.Contains("fk_restrict: { columns: [p2], references: { table: parents, columns: [id] } }", yaml);
        Assert.Contains("fk_mixed: { columns: [p4], references: { table: parents, columns: [id] }, on_delete: cascade, on_update: no action }", yaml);
    }

    [Theory]
    [InlineData("int", "int(2)")]
    [InlineData("int(2)", "int")]
    [InlineData("int(11)", "int(3)")]
    [InlineData("int(5) unsigned", "int unsigned")]
    public async Task A_display_width_alone_is_no_change(string inDatabase, string inModel)
    {
        await using var project = await MySqlProject.CreateAsync("width");
        await project.ExecuteAsync($"CREATE TABLE t (id {inDatabase} NOT NULL PRIMARY KEY)");
        var plan = await project.PlanAsync($"tables:\n  t:\n    columns:\n      id: {{ type: \"{inModel}\", primary_key: true }}\n");
        Assert.True(plan.IsEmpty, plan.UpScript);
    }

    [Theory]
    [InlineData("ON DELETE NO ACTION", "")]
    [InlineData("", ", on_delete: no action")]
    [InlineData("ON DELETE RESTRICT", ", on_delete: no action")]
    [InlineData("ON DELETE NO ACTION", ", on_delete: restrict")]
    public async Task NO_ACTION_written_or_not_and_RESTRICT_are_no_change(string inDatabase, string inModel)
    {
        await using var project = await MySqlProject.CreateAsync("no_action");
        await project.ExecuteAsync($"CREATE TABLE p (id int NOT NULL PRIMARY KEY); CREATE TABLE c (id int NOT NULL PRIMARY KEY, p_id int NOT NULL, CONSTRAINT fk_c_p_id FOREIGN KEY (p_id) REFERENCES p (id) {inDatabase})");
        var plan = await project.PlanAsync($"tables:\n  p:\n    columns:\n      id: {{ type: int, primary_key: true }}\n  c:\n    columns:\n      id: {{ type: int, primary_key: true }}\n      p_id: {{ type: int, index: false }}\n    foreign_keys:\n      fk_c_p_id: {{ columns: [p_id], references: {{ table: p, columns: [id] }}{inModel} }}\n");
        Assert.True(plan.IsEmpty, plan.UpScript);
    }
}
