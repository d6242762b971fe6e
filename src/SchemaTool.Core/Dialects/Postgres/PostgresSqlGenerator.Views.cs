using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>The statements of an operation on a view or materialized view; null for any other operation.</summary>
    private static IReadOnlyList<string>? ViewStatements(Operation operation) => operation switch
    {
        CreateView op => CreateView(op.View),
        DropView op => [$"DROP {ViewWord(op.View.Materialized)} {QN(op.View.Name)}"],
        // PostgresObjectRewrite leaves a ReplaceView only where the output columns stay the same, which PostgreSQL
        // replaces in place; it is never a materialized view's.
        // CREATE OR REPLACE sets the view's options to those it gives, none when it gives none.
        ReplaceView op => [$"CREATE OR REPLACE VIEW {QN(op.To.Name)}{ViewColumns(op.To)}{WithClause(op.To.With)} AS {op.To.Sql}"],
        SetObjectComment { Kind: SchemaObjectKind.View or SchemaObjectKind.MaterializedView } op =>
            [CommentOn(ViewWord(op.Kind == SchemaObjectKind.MaterializedView), QN(op.Name), op.To)],
        _ => null,
    };

    private static string ViewWord(bool materialized) => materialized ? "MATERIALIZED VIEW" : "VIEW";

    private static string ViewColumns(View view) => view.Columns.Count > 0 ? $" ({Columns(view.Columns)})" : "";

    /// <summary>A view; a materialized one filled at once (WITH DATA), then its indexes; then its comment.</summary>
    private static IReadOnlyList<string> CreateView(View view)
    {
        var statements = new List<string>
        {
            $"CREATE {ViewWord(view.Materialized)} {QN(view.Name)}{ViewColumns(view)}{WithClause(view.With)} AS {view.Sql}" + (view.Materialized ? "\nWITH DATA" : ""),
        };
        foreach (var index in view.Indexes) statements.AddRange(CreateIndex(view.Name, index));
        if (view.ClusterOn is { } clustered) statements.Add($"ALTER MATERIALIZED VIEW {QN(view.Name)} CLUSTER ON {Q(clustered)}");
        if (view.Comment is not null) statements.Add(CommentOn(ViewWord(view.Materialized), QN(view.Name), view.Comment));
        return statements;
    }
}
