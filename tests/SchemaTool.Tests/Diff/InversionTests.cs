using SchemaTool.Diff;
using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;
using SchemaTool.Planning;
using static SchemaTool.Tests.Diff.Schemas;

namespace SchemaTool.Tests.Diff;

public sealed class InversionTests
{
    private static readonly Table Users = Table("users", Text("email", nullable: true), Int("team_id"))
        .WithIndex(Index("ix_users_email", "email"))
        .WithFk(Fk("users", "team_id", "teams"));

    /// <summary>One example of every operation kind.</summary>
    public static IEnumerable<Operation> Examples() =>
    [
        new CreateTable(Users),
        new DropTable(Users),
        new RenameTable("people", "users"),
        new SetTableComment("users", null, "people who sign in"),
        new AlterTableOptions("users", null, new TableOptions(WithoutRowId: true, Strict: true)),
        new AddColumn("users", Text("bio", nullable: true)),
        new DropColumn("users", Text("bio", nullable: true)),
        new RenameColumn("users", "login", "username"),
        new AlterColumn("users", new Column("name", "varchar(64)"), new Column("name", "varchar(128)", Nullable: true, Default: ColumnDefault.String("x"))),
        new AddPrimaryKey("users", new PrimaryKey(new[] { "id", "team_id" })),
        new DropPrimaryKey("users", new PrimaryKey(new[] { "id" })),
        new CreateIndex("users", Index("ix_users_email", "email")),
        new DropIndex("users", Index("ix_users_email", "email") with { Unique = true, Where = "email IS NOT NULL" }),
        new RenameIndex("users", "ix_users_login", "ix_users_username", IsConstraint: false),
        new SetIndexStorage("users", "ix_users_email", StorageParameters.Of([new StorageParameter("fillfactor", "70")]), null),
        new SetClusterIndex("users", "users_pkey", "ix_users_email"),
        new AddForeignKey("users", Fk("users", "team_id", "teams")),
        new DropForeignKey("users", Fk("users", "team_id", "teams") with { OnDelete = ReferentialAction.Cascade }),
        new AddCheck("users", new Check("ck_users_email", "email <> ''")),
        new DropCheck("users", new Check("ck_users_email", "email <> ''")),
        new AddExclusion("bookings", new Exclusion("ex_bookings_room", new[] { new ExclusionElement(IndexPart.Of("room"), "=") }, "gist")),
        new DropExclusion("bookings", new Exclusion("ex_bookings_room", new[] { new ExclusionElement(IndexPart.Of("room"), "=") }, "gist", "room > 0")),
        new SetExclusionComment("bookings", "ex_bookings_room", null, "one at a time"),
        new CreatePartition("events", new Partition("events_2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')")),
        new DropPartition("events", new Partition("events_old", "DEFAULT")),
        new RebuildTable(Users, Users with { Columns = Users.Columns.Take(2).ToValueList() },
            new[] { new ColumnSource("id", "id"), new ColumnSource("email", "email") },
            new[] { "CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END" }),
        .. ObjectSamples.Operations(),
    ];

    public static TheoryData<string> ExampleNames() => new(Examples().Select(o => o.GetType().Name));

    private static Operation Example(string type) => Examples().Single(o => o.GetType().Name == type);

    [Fact]
    public void The_examples_cover_every_operation_kind()
    {
        var kinds = typeof(Operation).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Operation)) && !t.IsAbstract && t.Namespace == typeof(Operation).Namespace).Select(t => t.Name).Order().ToList();
        Assert.Equal(kinds, Examples().Select(o => o.GetType().Name).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Inverting_twice_gives_the_operation_back(string type)
    {
        var op = Example(type);
        Assert.Equal(op, op.Invert().Invert());
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void The_inverse_names_the_same_table_after_the_operation(string type)
    {
        var op = Example(type);
        var inverse = op.Invert();
        // A rename's inverse acts on the name the rename gave; everything else on the same table.
        Assert.Equal(op switch { RenameTable r => r.From, RenameType t => t.From, RenameSequence s => s.From, _ => op.TableName }, inverse.TableName);
    }

    [Fact]
    public void Inverses_pair_up_the_kinds()
    {
        Assert.IsType<DropTable>(new CreateTable(Users).Invert());
        Assert.IsType<AddColumn>(new DropColumn("users", Text("bio")).Invert());
        Assert.Equal(new RenameColumn("users", "username", "login"), new RenameColumn("users", "login", "username").Invert());
        Assert.Equal(new RenameTable("users", "people"), new RenameTable("people", "users").Invert());
        var rebuild = (RebuildTable)Example(nameof(RebuildTable));
        var back = (RebuildTable)rebuild.Invert();
        Assert.Equal(rebuild.To, back.From);
        Assert.Equal(rebuild.From, back.To);
        Assert.Equal(rebuild.Triggers, back.Triggers);
    }

    [Fact]
    public void Dialect_flags_survive_inversion()
    {
        var create = new CreateTable(Users) { ForeignKeysUnordered = true };
        Assert.True(((DropTable)create.Invert()).ForeignKeysUnordered);
        Assert.Equal(create, create.Invert().Invert());

        var options = new AlterTableOptions("users", new TableOptions(Charset: "latin1"), new TableOptions(Charset: "utf8mb4", Collation: "utf8mb4_bin"));
        Assert.Equal(new AlterTableOptions("users", options.To, options.From), options.Invert());
    }

    [Fact]
    public void Drops_keep_the_whole_object_so_the_down_file_can_recreate_it()
    {
        var current = Of(Users, Table("teams"));
        var ops = SchemaDiffer.Diff(current, Of(Table("teams")));
        Assert.Equal(new CreateTable(Users), Assert.Single(ops).Invert());
    }

    [Fact]
    public void The_inverted_operations_are_what_the_reverse_diff_finds()
    {
        var current = Of(Table("teams"), Table("users", Text("legacy")).WithIndex(Index("ix_users_legacy", "legacy")));
        var desired = Of(
            Table("teams", Text("name")),
            Users,
            Table("audit"));
        var desired2 = desired with { Tables = desired.Tables.Where(t => t.Name != "users").Append(Users with { Columns = Users.Columns.Append(new Column("legacy", "varchar(10)")).ToValueList() }).ToValueList() };

        var forward = SchemaDiffer.Diff(current, desired2);
        var backward = SchemaDiffer.Diff(desired2, current);

        Assert.Equal(
            backward.Select(o => o.Describe()).Order().ToList(),
            forward.Select(o => o.Invert().Describe()).Order().ToList());
        Assert.Equal(backward.ToHashSet(), forward.Select(o => o.Invert()).ToHashSet());
    }

    [Fact]
    public void The_down_plan_is_the_reverse_of_the_inverted_up_plan()
    {
        var dialect = new SqliteDialect();
        var current = Of(Table("zones"), Table("users", Text("legacy", nullable: true)).WithIndex(Index("ix_users_legacy", "legacy")));
        var desired = Of(
            Table("zones"),
            Table("users", Text("email", nullable: true)).WithIndex(Index("ix_users_email", "email")),
            Table("accounts", Int("zone_id")).WithFk(Fk("accounts", "zone_id", "zones")));

        var plan = Planner.Create(dialect, current, desired);

        var down = plan.Operations.Reverse().Select(o => o.Invert()).ToList();
        Assert.Equal(Planner.Render(dialect, down), plan.DownScript);
        Assert.Equal(plan.Operations.Count, down.Count);
        // Undoing the down plan gives the up plan back, operation by operation.
        Assert.Equal(plan.Operations, down.AsEnumerable().Reverse().Select(o => o.Invert()).ToList());
    }
}
