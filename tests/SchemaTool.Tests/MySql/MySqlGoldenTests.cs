using SchemaTool.Diff;
using SchemaTool.Model;
using SchemaTool.Dialects.MySql;
using SchemaTool.Planning;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The SQL of every operation kind, kept in Golden/mysql/*.sql. Rewrite them with
/// SCHEMATOOL_UPDATE_GOLDEN=1 dotnet test --filter FullyQualifiedName~MySqlGolden, and review the diff.
/// </summary>
public sealed class MySqlGoldenTests
{
    private static readonly MySqlDialect Dialect = new();

    public static TheoryData<string> Kinds() =>
        new(MySqlSamples.ByKind.Keys.Where(t => t != typeof(RebuildTable) && t != typeof(CreatePartition) && t != typeof(DropPartition) && !MySqlSamples.NotYetOnMySql.Contains(t)).Select(t => t.Name).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_operation_kind_has_its_golden_SQL(string kind)
    {
        var operation = MySqlSamples.ByKind.Values.Single(o => o.GetType().Name == kind);
        Golden.Verify($"mysql/{kind}.sql", RevisionForms.Of(Dialect, [operation]));
    }

    [Fact]
    public void Every_operation_kind_of_the_diff_generates_MySQL_except_the_SQLite_rebuild_and_partitions()
    {
        var kinds = typeof(Operation).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Operation).Namespace && t.IsSubclassOf(typeof(Operation)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(kinds);
        foreach (var kind in kinds)
        {
            Assert.True(MySqlSamples.ByKind.TryGetValue(kind, out var sample), $"MySqlSamples has no sample of {kind.Name}: add one and its golden file");
            if (kind == typeof(RebuildTable) || kind == typeof(CreatePartition) || kind == typeof(DropPartition) || MySqlSamples.NotYetOnMySql.Contains(kind))
                Assert.Throws<NotSupportedException>(() => Dialect.Generate(sample));
            else
                Assert.Single(Dialect.Generate(sample), s => s.Length > 0);
        }
    }

    [Fact]
    public void Positioned_columns_go_back_where_they_were()
    {
        var add = new AddColumnAt("users", MySqlSamples.Email, "id");
        Golden.Verify("mysql/AddColumnAt.sql", RevisionForms.Of(Dialect, [add, add.Invert(), add with { After = null }]));
    }

    [Fact]
    public void A_column_moves_into_the_models_order_and_back()
    {
        var move = new MoveColumn("users", MySqlSamples.Email, "id", "created_at", 0);
        Golden.Verify("mysql/MoveColumn.sql", RevisionForms.Of(Dialect, [move, move.Invert()]));
    }

    [Fact]
    public void A_trigger_that_follows_another_is_created_after_it_and_dropped_alone()
    {
        var trigger = new Trigger("users_touch_2", "users", TriggerTiming.After, new[] { TriggerEvent.Update },
            Body: "UPDATE users SET email = trim(email) WHERE id = NEW.id;", Follows: "users_touch");
        var create = new CreateTrigger(trigger);
        Golden.Verify("mysql/CreateTriggerFollows.sql", RevisionForms.Of(Dialect, [create, create.Invert()]));
    }

    [Fact]
    public void An_auto_increment_key_change_is_one_statement()
    {
        var combined = new CombinedAlterTable("users", new Operation[]
        {
            new AddPrimaryKey("users", new PrimaryKey(new[] { "id" })),
            new AddColumnAt("users", MySqlSamples.Id, null),
        });
        Golden.Verify("mysql/CombinedAlterTable.sql", RevisionForms.Of(Dialect, [combined, combined.Invert()]));
    }

    [Fact]
    public void A_column_check_is_added_by_a_copy_that_reads_the_rows_and_dropped_in_place()
    {
        var plain = new Column("n", "int");
        var add = new AlterColumn("users", plain, plain with { Check = "n > 0" });
        Golden.Verify("mysql/AlterColumnCheck.sql", RevisionForms.Of(Dialect, [add, add.Invert()]));
    }

    [Fact]
    public void Identifiers_and_strings_are_quoted_for_MySQL()
    {
        Assert.Equal("`we``ird`", MySqlText.Quote("we`ird"));
        Assert.Equal(@"'it''s a \\ here'", MySqlText.String(@"it's a \ here"));
        Assert.Equal(@"it's a \ here", MySqlText.Unquote(@"'it''s a \\ here'"));
    }
}
