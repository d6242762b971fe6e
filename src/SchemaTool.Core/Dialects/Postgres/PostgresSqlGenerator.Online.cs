using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The online forms, for a table that exists before the revision: what keeps other sessions writing to it while the
/// revision runs. Indexes are built and dropped CONCURRENTLY (outside the revision's transaction); foreign keys and
/// checks are added NOT VALID, which takes its lock for a moment, and then validated in a transaction of their own
/// under a lock that lets writes go on; SET NOT NULL is proven by such a check first, so that it reads nothing; a
/// unique constraint or primary key takes over an index built concurrently. A partitioned table keeps the plain forms
/// where PostgreSQL has no online one (CONCURRENTLY, NOT VALID foreign keys, USING INDEX).
/// </summary>
public static partial class PostgresSqlGenerator
{
    public static IReadOnlyList<Statement> Generate(Operation operation, GenerationContext context)
    {
        var online = context.IsOnline(operation.TableName)
            ? OnlineForms(operation, context.Existing(operation.TableName)?.Partitioning is not null)
            : null;
        var statements = PostgresStatement.Classify(online ?? Generate(operation));
        var described = statements.Select(s => Described(operation, s)).ToList();
        return context.IsOnline(operation.TableName) ? WithoutOnlineForm(operation, described) : described;
    }

    private static IReadOnlyList<string>? OnlineForms(Operation operation, bool partitioned) => operation switch
    {
        CreateIndex { Index.Constraint: false } op when !partitioned => CreateIndex(op.Table, op.Index, concurrently: true),
        CreateIndex { Index: { Constraint: true, ColumnNames: not null } } op when !partitioned => UniqueConstraintOnline(op.Table, op.Index),
        DropIndex { Index.Constraint: false } op when !partitioned => [$"DROP INDEX CONCURRENTLY {QIndex(op.Table, op.Index.Name)}"],
        AddPrimaryKey op when !partitioned => PrimaryKeyOnline(op.Table, op.Key),
        AddForeignKey { Key.NotValid: false } op when !partitioned => AddValidated(op.Table, ForeignKeyClause(op.Key), op.Key.Name),
        AddCheck { Check.NotValid: false } op => AddValidated(op.Table, CheckClause(op.Check), op.Check.Name),
        AlterColumn op when op.NullabilityChanged && !op.To.Nullable && !RewritesTable(op) => AlterColumn(op, notNullOnline: true),
        _ => null,
    };

    /// <summary>Added NOT VALID (its lock for a moment), then validated while writes go on.</summary>
    private static IReadOnlyList<string> AddValidated(string table, string clause, string name) =>
    [
        $"ALTER TABLE {QN(table)} ADD {clause} NOT VALID",
        $"ALTER TABLE {QN(table)} VALIDATE CONSTRAINT {Q(name)}",
    ];

    private static IReadOnlyList<string> UniqueConstraintOnline(string table, TableIndex index)
    {
        var build = $"CREATE UNIQUE INDEX CONCURRENTLY {Q(index.Name)} ON {QN(table)} ({Columns(index.ColumnNames!)})";
        if (index.Include.Count > 0) build += $" INCLUDE ({Columns(index.Include)})";
        if (index.NullsNotDistinct) build += " NULLS NOT DISTINCT";
        build += WithClause(index.With);
        var statements = new List<string>
        {
            build,
            $"ALTER TABLE {QN(table)} ADD CONSTRAINT {Q(index.Name)} UNIQUE USING INDEX {Q(index.Name)}{DeferrableClause(index.Deferrable)}",
        };
        if (index.Comment is not null) statements.Add(CommentOn("INDEX", QIndex(table, index.Name), index.Comment));
        return statements;
    }

    /// <summary>The key's index built concurrently under the key's name, which the constraint then takes over.</summary>
    private static IReadOnlyList<string> PrimaryKeyOnline(string table, PrimaryKey key)
    {
        var name = key.Name ?? DefaultPrimaryKeyName(table);
        return
        [
            $"CREATE UNIQUE INDEX CONCURRENTLY {Q(name)} ON {QN(table)} ({Columns(key.Columns)})",
            $"ALTER TABLE {QN(table)} ADD CONSTRAINT {Q(name)} PRIMARY KEY USING INDEX {Q(name)}{DeferrableClause(key.Deferrable)}",
        ];
    }

    /// <summary>
    /// SET NOT NULL through a check that proves it: added NOT VALID, validated while writes go on, then SET NOT NULL
    /// reads nothing (PostgreSQL 12 and later trust a valid check) and the check goes.
    /// </summary>
    private static IEnumerable<string> SetNotNullOnline(string table, string column)
    {
        var check = Q(PostgresNumbering.ObjectName(QualifiedName.LocalOf(table), column, "not_null_schematool"));
        yield return $"ALTER TABLE {QN(table)} ADD CONSTRAINT {check} CHECK ({Q(column)} IS NOT NULL) NOT VALID";
        yield return $"ALTER TABLE {QN(table)} VALIDATE CONSTRAINT {check}";
        yield return $"ALTER TABLE {QN(table)} ALTER COLUMN {Q(column)} SET NOT NULL";
        yield return $"ALTER TABLE {QN(table)} DROP CONSTRAINT {check}";
    }

    /// <summary>What the text cannot tell: whether a type change rewrites the table; and a note for people above a statement that runs apart.</summary>
    private static Statement Described(Operation operation, Statement statement)
    {
        var traits = statement.Traits;
        if (operation is AlterColumn op && statement.Text.StartsWith($"ALTER TABLE {QN(op.Table)} ALTER COLUMN {Q(op.To.Name)} TYPE ", StringComparison.Ordinal))
            traits = traits with { Work = PostgresTypeChange.Work(op.From, op.To) };
        var note = (traits.RunsInTransaction, traits.OwnTransaction) switch
        {
            (false, _) => $"runs outside the revision's transaction: {traits.Why}",
            (true, true) => $"runs in a transaction of its own: {traits.Why}",
            _ => null,
        };
        return statement with { Traits = traits, Note = note };
    }

    /// <summary>Whether an AlterColumn's type change rewrites the table anyway: then proving NOT NULL first would only add a scan.</summary>
    private static bool RewritesTable(AlterColumn op) =>
        (op.TypeChanged || op.CollationChanged) && PostgresTypeChange.Work(op.From, op.To) == TableWork.Rewrite;
}
