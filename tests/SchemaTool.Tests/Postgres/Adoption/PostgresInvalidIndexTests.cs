using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// An index that a failed CREATE INDEX CONCURRENTLY left behind is invalid: no query uses it and a unique one
/// enforces nothing. It was read as the model's index, so that after the failed revision was discarded `check`
/// said the database matched the model while duplicates went in. It is now named and left alone, and the
/// model's index is built again.
/// </summary>
public sealed class PostgresInvalidIndexTests
{
    private const string Table = """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              v: { type: int, nullable: true }

        """;

    private const string WithIndex = Table + """
            indexes:
              ux_v: { columns: [v], unique: true }

        """;

    [Fact]
    public async Task A_unique_index_left_invalid_by_a_failed_build_is_not_taken_for_the_models()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        project.WriteModel(Table);
        project.PlanAndApply("table");
        await project.ExecuteAsync("INSERT INTO t VALUES (1, 7), (2, 7)");
        project.WriteModel(WithIndex);
        project.Ok("plan", "-m", "unique v");
        project.Expect(3, "apply");
        Assert.Equal(0L, await project.ScalarAsync("SELECT count(*) FROM pg_index WHERE indexrelid = 'ux_v'::regclass AND indisvalid"));
        project.Ok("discard");

        var check = project.Expect(1, "check");
        Assert.Contains("create unique index ux_v on t", check.All);
        var inspect = project.Ok("inspect");
        Assert.Contains("invalid index ux_v (on t)", inspect.All);

        await project.ExecuteAsync("DELETE FROM t WHERE id = 2");
        project.PlanAndApply("unique v again");
        project.Expect(0, "check");
        await Assert.ThrowsAnyAsync<Exception>(() => project.ExecuteAsync("INSERT INTO t VALUES (3, 7)"));
    }
}
