using SchemaTool.Dialects.MySql;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// What a resume reads from a statement: the tables whose SHOW CREATE TABLE tells whether it ran, or that it is a row
/// statement (committed with its progress), or nothing it can check.
/// </summary>
public sealed class StatementEffectTests
{
    [Theory]
    [InlineData("CREATE TABLE `users` (\n  `id` int NOT NULL\n)", "users")]
    [InlineData("create temporary table if not exists users (id int)", "users")]
    [InlineData("CREATE OR REPLACE TABLE app.`we``ird` (id int)", "app.we`ird")]
    [InlineData("DROP TABLE IF EXISTS a, `b`, db.c", "a b db.c")]
    [InlineData("RENAME TABLE a TO b, c TO d", "a b c d")]
    [InlineData("ALTER ONLINE IGNORE TABLE IF EXISTS `t` ADD COLUMN x int", "t")]
    [InlineData("ALTER TABLE t RENAME TO u", "t")]
    [InlineData("CREATE UNIQUE INDEX IF NOT EXISTS ix ON t (c)", "t")]
    [InlineData("DROP INDEX `ix` ON `t`", "t")]
    [InlineData("-- WARNING: drops a column\n# and a hash comment\n/* and a block */ ALTER TABLE t DROP COLUMN c", "t")]
    public void DDL_names_the_tables_it_changes(string statement, string tables)
    {
        var effect = StatementEffect.Of(statement);
        Assert.Equal(EffectKind.Tables, effect.Kind);
        Assert.Equal(tables, string.Join(" ", effect.Tables));
    }

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT 1", "VIEW v")]
    [InlineData("CREATE OR REPLACE ALGORITHM = MERGE DEFINER = 'root'@'%' SQL SECURITY INVOKER VIEW `app`.`v` AS SELECT 1", "VIEW app.v")]
    [InlineData("create definer=current_user() view v as select 1", "VIEW v")]
    [InlineData("DROP VIEW IF EXISTS `v`", "VIEW v")]
    [InlineData("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.x = 1", "TRIGGER tr")]
    [InlineData("CREATE DEFINER=`u`@`localhost` TRIGGER IF NOT EXISTS tr AFTER DELETE ON t FOR EACH ROW BEGIN END", "TRIGGER tr")]
    [InlineData("DROP TRIGGER tr", "TRIGGER tr")]
    [InlineData("CREATE FUNCTION f() RETURNS int RETURN 1", "FUNCTION f")]
    [InlineData("CREATE AGGREGATE FUNCTION f() RETURNS int BEGIN END", "FUNCTION f")]
    [InlineData("DROP PROCEDURE IF EXISTS p", "PROCEDURE p")]
    [InlineData("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t", "EVENT e")]
    [InlineData("DROP EVENT `e`", "EVENT e")]
    public void DDL_of_a_view_trigger_routine_or_event_names_it(string statement, string objects)
    {
        var effect = StatementEffect.Of(statement);
        Assert.Equal(EffectKind.Objects, effect.Kind);
        Assert.Equal(objects, string.Join(" ", effect.Tables));
    }

    [Theory]
    [InlineData("INSERT INTO runs (revision) VALUES ('1')", "Rows")]
    [InlineData("update users set name = 'x'", "Rows")]
    [InlineData("DELETE FROM runs", "Rows")]
    [InlineData("REPLACE INTO t VALUES (1)", "Rows")]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0", "Unknown")]
    [InlineData("TRUNCATE TABLE t", "Unknown")]
    [InlineData("ALTER TABLE", "Unknown")]
    [InlineData("RENAME TABLE a b", "Unknown")]
    public void Other_statements_are_rows_or_unknown(string statement, string kind) =>
        Assert.Equal(kind, StatementEffect.Of(statement).Kind.ToString());

    [Fact]
    public void Every_statement_the_generator_writes_names_its_tables()
    {
        foreach (var operation in MySqlSamples.ByKind.Values.Where(o => o is not (RebuildTable or CreatePartition or DropPartition) && !MySqlSamples.NotYetOnMySql.Contains(o.GetType())))
        foreach (var sql in MySqlSqlGenerator.Generate(operation).Concat(MySqlSqlGenerator.Generate(operation.Invert())))
        {
            var effect = StatementEffect.Of(sql);
            // MariaDB renames a sequence as a table (RENAME TABLE).
            var kind = operation.ObjectKind == SchemaObjectKind.Table || operation is RenameSequence ? EffectKind.Tables : EffectKind.Objects;
            Assert.True(effect.Kind == kind && effect.Tables.Count > 0, $"{operation.GetType().Name}: {sql}");
        }
        var combined = new CombinedAlterTable("users", new Operation[] { new AddColumn("users", MySqlSamples.Id), new AddPrimaryKey("users", new PrimaryKey(new[] { "id" })) }.ToValueList());
        Assert.Equal(["users"], StatementEffect.Of(MySqlSqlGenerator.Generate(combined).Single()).Tables.Select(t => t.ToString()));
    }
}
