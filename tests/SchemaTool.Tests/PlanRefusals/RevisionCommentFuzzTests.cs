using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// Names read from a database may hold anything. Whatever they hold, a revision file is its comment lines plus
/// exactly the statements the plan generated: no comment line holds a control character, so none can end early
/// and turn the rest of a name into SQL. Random names from a hostile alphabet, dropped tables and columns, on
/// every dialect: the dialect's own splitter finds exactly the generated statements in each file.
/// </summary>
public sealed class RevisionCommentFuzzTests
{
    private const string Alphabet = "ab;'\"`-/*()\n\r\t\0\u001b\u0085\u2028\u2029\u202e\\ ";

    public static TheoryData<string> Dialects => [.. DialectRegistry.Names];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_revision_is_its_comments_and_exactly_the_planned_statements(string name)
    {
        var dialect = DialectRegistry.Get(name);
        var random = new Random(20260521);
        for (var round = 0; round < 300; round++)
        {
            var hostile = Enumerable.Range(0, 3).Select(i => Name(random) + i).ToList();
            var current = new Schema([
                .. hostile.Select(t => new Table(t, new[] { new Column("id", "int") }.ToValueList())),
                new Table("kept", new[] { new Column("id", "int"), new Column(Name(random), "int", Nullable: true) }.ToValueList()),
            ]);
            var model = new Schema([new Table("kept", new[] { new Column("id", "int") }.ToValueList())]);

            var plan = Planner.Create(dialect, current, model);

            Assert.Equal(plan.UpStatements.Select(s => s.Statement.Text), dialect.SplitStatements(plan.UpScript).Select(Trim));
            Assert.Equal(plan.DownStatements.Select(s => s.Statement.Text), dialect.SplitStatements(plan.DownScript).Select(Trim));
        }
    }

    /// <summary>A split statement without its trailing semicolon, as the generator wrote it.</summary>
    private static string Trim(string statement) => statement.TrimEnd(';');

    private static string Name(Random random) =>
        new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
}
