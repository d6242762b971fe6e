using SchemaTool.Diff;
using SchemaTool.Model;
using SchemaTool.Tests.Diff;
using static SchemaTool.Tests.Diff.Schemas;

namespace SchemaTool.Tests.Sqlite;

/// <summary>Every operation kind either has SQL on SQLite or is rewritten into a rebuild that has.</summary>
public sealed class SqliteOperationCoverageTests
{
    private static readonly Schema Tables = Of(
        Table("teams"),
        Table("people"),
        Table("users", Text("email", nullable: true), Int("team_id"), Text("login"), Text("name"), Text("bio", nullable: true))
            .WithIndex(Index("ix_users_email", "email"))
            .WithFk(Fk("users", "team_id", "teams")));

    /// <summary>
    /// The kinds of object SQLite does not have: a model that declares them is refused at plan (SqliteDialect.Validate),
    /// and the generator refuses their operations. Listed here so that a new kind cannot be forgotten.
    /// </summary>
    private static readonly Type[] NotOnSqlite =
    [
        typeof(CreateRoutine), typeof(DropRoutine), typeof(ReplaceRoutine),
        typeof(CreateEnumType), typeof(DropEnumType), typeof(AddEnumValue), typeof(RemoveEnumValue), typeof(RenameEnumValue), typeof(RenameType),
        typeof(CreateDomain), typeof(DropDomain), typeof(AlterDomain),
        typeof(CreateCompositeType), typeof(DropCompositeType), typeof(AlterCompositeType),
        typeof(CreateSequence), typeof(DropSequence), typeof(AlterSequence), typeof(RenameSequence),
        typeof(CreateExtension), typeof(DropExtension), typeof(AlterExtension), typeof(CreateNamespace), typeof(DropNamespace),
        typeof(CreateEvent), typeof(DropEvent), typeof(SetObjectComment),
        typeof(AddExclusion), typeof(DropExclusion), typeof(SetExclusionComment), typeof(SetClusterIndex),
    ];

    [Fact]
    public void Every_operation_kind_generates_sql_or_is_rewritten_into_a_rebuild()
    {
        var kinds = typeof(Operation).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Operation)) && !t.IsAbstract && t.Namespace == typeof(Operation).Namespace).ToList();
        var examples = InversionTests.Examples().ToList();
        Assert.Equal(kinds.Select(k => k.Name).Order(), examples.Select(e => e.GetType().Name).Order());

        var dialect = SqliteDatabase.Dialect;
        // SQLite cannot rename an index, so its plans never hold one: the differ drops and creates it instead.
        Assert.False(dialect.CanRenameIndexes);
        foreach (var op in examples.Where(o => o is not RenameIndex))
        {
            if (op is CreatePartition or DropPartition || NotOnSqlite.Contains(op.GetType()))
            {
                // Partitions are PostgreSQL's: the SQLite validator refuses them before any plan is made.
                Assert.Throws<NotSupportedException>(() => dialect.Generate(op));
                continue;
            }
            var rewritten = dialect.Rewrite([op], Tables, Tables);
            Assert.NotEmpty(rewritten);
            if (op is ReplaceView replace)
                Assert.Equal([new DropView(replace.From), new CreateView(replace.To)], rewritten);
            else if (!rewritten.SequenceEqual([op]))
                Assert.All(rewritten, r => Assert.IsType<RebuildTable>(r));
            foreach (var r in rewritten)
            {
                var statements = dialect.Generate(r);
                Assert.True(statements.Count > 0, $"{op.GetType().Name}: no SQL");
                Assert.All(statements, s => Assert.False(string.IsNullOrWhiteSpace(s)));
            }
        }
    }

    [Theory]
    [InlineData(nameof(AlterColumn))]
    [InlineData(nameof(AddPrimaryKey))]
    [InlineData(nameof(DropPrimaryKey))]
    [InlineData(nameof(AddForeignKey))]
    [InlineData(nameof(DropForeignKey))]
    [InlineData(nameof(AddCheck))]
    [InlineData(nameof(DropCheck))]
    [InlineData(nameof(SetTableComment))]
    public void What_alter_table_cannot_do_becomes_a_rebuild(string kind)
    {
        var op = InversionTests.Examples().Single(o => o.GetType().Name == kind);
        Assert.Throws<NotSupportedException>(() => SqliteDatabase.Dialect.Generate(op));
        Assert.IsType<RebuildTable>(Assert.Single(SqliteDatabase.Dialect.Rewrite([op], Tables, Tables)));
    }
}
