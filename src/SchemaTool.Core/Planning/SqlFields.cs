using SchemaTool.Dialects;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;

namespace SchemaTool.Planning;

/// <summary>
/// The model's SQL fields, each held to one expression by the dialect's lexer (see <see cref="SqlExpressionCheck"/>).
/// The loader checks them with file:line:column when it knows the database; this check also covers a model
/// built any other way, naming the table and the field.
/// </summary>
internal static class SqlFields
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        var lexer = dialect.Lexer;
        foreach (var table in model.Tables)
        {
            foreach (var check in table.Checks)
                if (Problem(lexer, check.Expression) is { } p) yield return $"table '{table.Name}', check '{check.Name}': {p}";
            foreach (var column in table.Columns)
            {
                if (column.Default is { Kind: DefaultKind.Sql, Text: var sql } && Problem(lexer, sql) is { } d)
                    yield return $"table '{table.Name}', default_sql of column '{column.Name}': {d}";
                if (column.Generated is { } generated && Problem(lexer, generated.Expression) is { } g)
                    yield return $"table '{table.Name}', generated expression of column '{column.Name}': {g}";
            }
            if (table.Options?.Virtual is { } module && Problem(lexer, module) is { } v)
                yield return $"table '{table.Name}', virtual: {v}";
            if (table.Partitioning is { } partitioning)
                foreach (var problem in PartitionProblems(lexer, $"table '{table.Name}'", partitioning)) yield return problem;
            foreach (var exclusion in table.Exclusions)
            {
                if (exclusion.Where is { } where && Problem(lexer, where) is { } w)
                    yield return $"table '{table.Name}', where of exclusion constraint '{exclusion.Name}': {w}";
                foreach (var element in exclusion.Elements)
                    if (element.Part.Expression is { } expression && Problem(lexer, expression) is { } e)
                        yield return $"table '{table.Name}', expression of exclusion constraint '{exclusion.Name}': {e}";
            }
            foreach (var index in table.Indexes)
            {
                if (index.Where is { } where && Problem(lexer, where) is { } w)
                    yield return $"table '{table.Name}', where of index '{index.Name}': {w}";
                foreach (var part in index.Parts)
                    if (part.Expression is { } expression && Problem(lexer, expression) is { } e)
                        yield return $"table '{table.Name}', expression of index '{index.Name}': {e}";
            }
        }
        foreach (var problem in ObjectProblems(model, lexer)) yield return problem;
    }

    /// <summary>A view's query and a routine's CREATE are one statement each; a trigger's and an event's body stay inside theirs.</summary>
    private static IEnumerable<string> ObjectProblems(Schema model, SqlLexer lexer)
    {
        foreach (var view in model.Views)
            if (SqlStatementCheck.Statement(lexer, view.Sql) is { } p) yield return $"view '{view.Name}', sql: {p.Message}";
        foreach (var trigger in model.Triggers)
        {
            if (trigger.When is { } when && Problem(lexer, when) is { } w) yield return $"trigger '{trigger.Name}', when: {w}";
            if (trigger.Execute is { } execute && Problem(lexer, execute) is { } e) yield return $"trigger '{trigger.Name}', execute: {e}";
            if (trigger.Body is { } body && SqlStatementCheck.TriggerBody(lexer, body) is { } b) yield return $"trigger '{trigger.Name}', body: {b.Message}";
        }
        foreach (var routine in model.Routines)
            if (SqlStatementCheck.Creates(lexer, routine.Definition, Yaml.Objects.RoutineReader.Keyword(routine.Kind), routine.Name) is { } p) yield return $"{routine.Kind.ToString().ToLowerInvariant()} '{routine.KeyName}', definition: {p.Message}";
        foreach (var e in model.Events)
        {
            if (Problem(lexer, e.Schedule) is { } s) yield return $"event '{e.Name}', schedule: {s}";
            if (SqlStatementCheck.EventBody(lexer, e.Body) is { } b) yield return $"event '{e.Name}', body: {b.Message}";
        }
        foreach (var domain in model.Domains)
        {
            foreach (var check in domain.Checks)
                if (Problem(lexer, check.Expression) is { } c) yield return $"domain '{domain.Name}', check '{check.Name}': {c}";
            if (domain.Default is { Kind: DefaultKind.Sql, Text: var sql } && Problem(lexer, sql) is { } d)
                yield return $"domain '{domain.Name}', default_sql: {d}";
        }
    }

    /// <summary>A partition key (after PARTITION BY) and each bound (after PARTITION OF t), down the partitions' own partitions.</summary>
    private static IEnumerable<string> PartitionProblems(SqlLexer lexer, string what, Partitioning partitioning)
    {
        if (Problem(lexer, partitioning.By) is { } by) yield return $"{what}, partition_by: {by}";
        foreach (var partition in partitioning.Partitions)
        {
            if (Problem(lexer, partition.Bound) is { } bound) yield return $"partition '{partition.Name}', bound: {bound}";
            if (partition.Partitioning is { } sub)
                foreach (var problem in PartitionProblems(lexer, $"partition '{partition.Name}'", sub)) yield return problem;
        }
    }

    private static string? Problem(SqlLexer lexer, string text) => SqlExpressionCheck.Find(lexer, text)?.Message;
}
