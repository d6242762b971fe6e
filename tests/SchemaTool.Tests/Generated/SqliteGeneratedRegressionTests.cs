using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Generated;

/// <summary>Bugs the generated schemas found, kept as regression tests.</summary>
public sealed class SqliteGeneratedRegressionTests
{
    // Generated seeds 57, 166 and 180: OperationOrderer detached the foreign key that closes a cycle into an
    // AddForeignKey, which SQLite cannot run in place. SQLite accepts a REFERENCES to a table created later, so
    // the SQLite rewriter now marks such tables as not ordered by those keys.
    [Fact]
    public void Two_new_tables_that_reference_each_other_plan_on_sqlite()
    {
        var model = ModelLoader.Load("cycle.yaml", """
            tables:
              a:
                columns:
                  id:   { type: int, primary_key: true }
                  b_id: { type: int, nullable: true, references: b.id }
              b:
                columns:
                  id:   { type: int, primary_key: true }
                  a_id: { type: int, nullable: true, references: a.id }
            """);
        var plan = Planner.Create(DialectRegistry.Get("sqlite"), Schema.Empty, model);
        Assert.Contains("REFERENCES \"b\"", plan.UpScript);
    }
}
