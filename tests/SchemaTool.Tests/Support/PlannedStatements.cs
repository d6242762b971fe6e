using SchemaTool.Dialects;
using SchemaTool.Diff;
using SchemaTool.Planning;

namespace SchemaTool.Tests.Support;

/// <summary>
/// The statements a plan generated, and the check that the revision script written from them splits back, by the
/// dialect's lexer, into exactly those statements in order: apply runs what plan meant, no more and no fewer.
/// A statement is compared from its first token to its last, as the splitter cuts it: a comment that ends a field
/// at the end of a statement (WHERE a > 0 /* why */) is not part of what runs.
/// </summary>
public static class PlannedStatements
{
    /// <summary>The statements of the operations in the settings' forms (online by default), as the splitter cuts them.</summary>
    public static IReadOnlyList<string> Of(IDialect dialect, IReadOnlyList<Operation> operations, PlanSettings? settings = null) =>
        Planner.StatementsOf(dialect, operations, settings ?? PlanSettings.Default).Select(s => Code(dialect, s.Statement.Text)).ToList();

    private static IReadOnlyList<string> Of(IDialect dialect, IEnumerable<PlannedStatement> statements) =>
        statements.Select(s => Code(dialect, s.Statement.Text)).ToList();

    private static string Code(IDialect dialect, string statement)
    {
        var tokens = dialect.Lexer.Tokenize(statement);
        return tokens.Count == 0 ? "" : statement[tokens[0].Start..tokens[^1].End];
    }

    /// <summary>The up and down scripts of <paramref name="plan"/> split into exactly its up and down statements.</summary>
    public static void AssertSplit(IDialect dialect, Plan plan)
    {
        Assert.Equal(Of(dialect, plan.UpStatements), dialect.SplitStatements(plan.UpScript));
        Assert.Equal(Of(dialect, plan.DownStatements), dialect.SplitStatements(plan.DownScript));
    }

    /// <summary><see cref="Planner.Render(IDialect, IReadOnlyList{Operation}, PlanSettings)"/>, checked to split back into the operations' statements.</summary>
    public static string Render(IDialect dialect, IReadOnlyList<Operation> operations, PlanSettings? settings = null)
    {
        var script = Planner.Render(dialect, operations, settings ?? PlanSettings.Default);
        Assert.Equal(Of(dialect, operations, settings), dialect.SplitStatements(script));
        return script;
    }

    /// <summary><see cref="Planner.Create(IDialect, SchemaTool.Model.Schema, SchemaTool.Model.Schema)"/>, its scripts checked to split back into its statements.</summary>
    public static Plan Create(IDialect dialect, SchemaTool.Model.Schema current, SchemaTool.Model.Schema model)
    {
        var plan = Planner.Create(dialect, current, model);
        AssertSplit(dialect, plan);
        return plan;
    }

    /// <summary><see cref="Planner.CreateAsync"/>, its scripts checked to split back into its statements.</summary>
    public static async Task<Plan> CreateAsync(IDatabaseSession session, SchemaTool.Model.Schema current, SchemaTool.Model.Schema model, CancellationToken ct)
    {
        var plan = await Planner.CreateAsync(session, current, model, ct);
        AssertSplit(session.Dialect, plan);
        return plan;
    }
}
