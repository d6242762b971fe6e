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
    public static IReadOnlyList<string> Of(IDialect dialect, IEnumerable<Operation> operations) =>
        operations.SelectMany(dialect.Generate).Select(s => Code(dialect, s)).ToList();

    private static string Code(IDialect dialect, string statement)
    {
        var tokens = dialect.Lexer.Tokenize(statement);
        return tokens.Count == 0 ? "" : statement[tokens[0].Start..tokens[^1].End];
    }

    /// <summary>The up and down scripts of <paramref name="plan"/> split into its operations' statements and their inverses'.</summary>
    public static void AssertSplit(IDialect dialect, Plan plan)
    {
        AssertSplit(dialect, plan.UpScript, plan.Operations);
        AssertSplit(dialect, plan.DownScript, plan.Operations.Reverse().Select(o => o.Invert()));
    }

    public static void AssertSplit(IDialect dialect, string script, IEnumerable<Operation> operations) =>
        Assert.Equal(Of(dialect, operations), dialect.SplitStatements(script));

    /// <summary><see cref="Planner.Render"/>, checked to split back into the operations' statements.</summary>
    public static string Render(IDialect dialect, IReadOnlyList<Operation> operations)
    {
        var script = Planner.Render(dialect, operations);
        AssertSplit(dialect, script, operations);
        return script;
    }

    /// <summary><see cref="Planner.Create"/>, its scripts checked to split back into its statements.</summary>
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
