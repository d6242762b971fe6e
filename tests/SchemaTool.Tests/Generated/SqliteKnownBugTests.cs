using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Generated;

/// <summary>Bugs the generated schemas found that are outside the SQLite dialect's files; each pinned until fixed.</summary>
public sealed class SqliteKnownBugTests
{
    // Generated seeds 57, 166 and 180 (before the generator stopped making cycles): OperationOrderer detaches
    // the foreign key that closes a cycle into an AddForeignKey, after SqliteRebuildRewriter has run, and
    // SqliteSqlGenerator cannot add a foreign key in place. SQLite accepts a REFERENCES to a table created later,
    // so on SQLite the cycle needs no detaching at all.
    [Fact(Skip = "known bug: a cycle of foreign keys between created tables cannot be planned on SQLite (OperationOrderer detaches it after the rewrite)")]
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
