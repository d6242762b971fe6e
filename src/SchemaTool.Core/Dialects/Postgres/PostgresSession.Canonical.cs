using System.Security.Cryptography;
using Npgsql;
using SchemaTool.Diff;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresSession
{
    /// <summary>
    /// PostgreSQL's canonical forms are pg_get_viewdef's, pg_get_functiondef's and pg_get_triggerdef's text: the
    /// model's objects are created, with the statements a plan would write, in a scratch schema inside a transaction
    /// that is rolled back, and read back by this session's introspector, which also finds what each uses in pg_depend. The scratch schema comes first on
    /// the search_path and the session's schema after it, as the session reads its own schema with that schema alone
    /// on the path: names print unqualified on both sides, and spelling, case and casts compare equal.
    /// </summary>
    public async Task<Schema> CanonicalizeAsync(Schema model, CancellationToken cancellationToken)
    {
        if (model.Views.Count == 0 && model.Routines.Count == 0 && model.Triggers.Count == 0) return model;
        var ct = cancellationToken;
        var normalized = Dialect.Normalize(model);
        var scratch = "schematool_scratch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var schemas = new PostgresScratchSchemas(scratch, normalized, Schema);
        // An object the server refuses is named as the model has it, at its place in the model's files.
        var places = ModelPositions.Of(model);
        string What(string kind, string scratchName) => $"{places.Named(kind, schemas.Real(scratchName))}{kind} {schemas.Real(scratchName)}";
        var inScratch = schemas.ToScratch(normalized);
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        try
        {
            await ScratchAsync([
                $"CREATE SCHEMA {Quote(scratch)}",
                .. schemas.Schemas.Select(s => $"CREATE SCHEMA {Quote(s)}"),
                $"SET LOCAL search_path = {Quote(scratch)}, {Quote(Schema)}",
                // A routine's body may read tables created after it, as in the revision.
                "SET LOCAL check_function_bodies = off",
            ], "the scratch schema", ct);
            // The model's extensions bring types and functions its objects may use; one the database has is kept.
            foreach (var extension in normalized.Extensions)
                await ScratchAsync([$"CREATE EXTENSION IF NOT EXISTS {Quote(extension.Name)}"], $"extension {extension.Name}", ct);
            foreach (var (kind, name, statements) in ScratchTypes(inScratch)) await ScratchAsync(statements, What(kind, name), ct);
            foreach (var table in ScratchTables(inScratch))
                await ScratchAsync(PostgresSqlGenerator.Generate(new CreateTable(table)), $"table {schemas.Real(table.Name)}", ct);
            // A comment names a routine without its arguments, which the session's schema on the path could make
            // ambiguous here: the model's comment is kept as it is instead.
            // An aggregate names its state function, which must exist before it.
            var routines = new ScratchRoutines(scratch);
            foreach (var (routine, declared) in inScratch.Routines.Zip(normalized.Routines).OrderBy(r => r.First.Kind == RoutineKind.Aggregate))
            {
                await ScratchAsync(PostgresSqlGenerator.Generate(new CreateRoutine(routine with { Comment = null })), routine.Key is { } key ? $"{places.Named(routine.ObjectKind.Word(), declared.Name)}{routine.ObjectKind.Word()} {key}" : What(routine.ObjectKind.Word(), routine.Name), ct);
                if (routines.Overloaded(normalized, declared)) await routines.RecordAsync(this, routine, declared, schemas.FromScratchText, ct);
            }
            foreach (var view in InDependencyOrder(inScratch.Views))
                await ScratchAsync(ScratchView(view), What(view.Kind.Word(), view.Name), ct);
            // Named with its table: triggers of several tables may share a name.
            foreach (var (trigger, declared) in inScratch.Triggers.Zip(normalized.Triggers))
                await ScratchAsync(PostgresSqlGenerator.Generate(new CreateTrigger(trigger)), $"{places.Named("trigger", declared.Name)}trigger {declared.Name} on {declared.Table}", ct);
            _statementsSent += PostgresCatalogQueries.Count;
            var read = schemas.FromScratch(await PostgresIntrospector.ReadAsync(_connection, null, scratch, new HashSet<string>(), ct,
                otherSchemas: scratch + "\\_%"));
            RequireRoutinesNamedAsDeclared(normalized, read, routines);
            return model with
            {
                Views = read.Views,
                Routines = read.Routines.Select(r => routines.ModelOf(normalized, r) is { } declared ? r with { Key = declared.Key, Comment = declared.Comment } : r)
                    .ToValueList(),
                Triggers = read.Triggers,
            };
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    /// <summary>A routine's name (its key, or `name:`) is the one its definition creates: one that creates another is refused.</summary>
    private static void RequireRoutinesNamedAsDeclared(Schema model, Schema read, ScratchRoutines routines)
    {
        foreach (var routine in model.Routines)
            if (!read.Routines.Any(r => routines.ModelOf(model, r) == routine))
                throw new InputException(
                    $"{routine.ObjectKind.Word()} {routine.KeyName}: its definition does not create one {routine.ObjectKind.Word()} named {routine.Name}");
    }

    /// <summary>
    /// The types and sequences the model declares, which its tables' columns and its views may use: created first,
    /// with the generator's statements.
    /// </summary>
    private static IEnumerable<(string Kind, string Name, IReadOnlyList<string> Statements)> ScratchTypes(Schema model) =>
        model.Enums.Select(e => ("enum type", e.Name, PostgresSqlGenerator.Generate(new CreateEnumType(e))))
            .Concat(model.Domains.Select(d => ("domain", d.Name, PostgresSqlGenerator.Generate(new CreateDomain(d)))))
            .Concat(CompositeTypeOrder.Of(model.Composites).Select(c => ("composite type", c.Name, PostgresSqlGenerator.Generate(new CreateCompositeType(c)))))
            .Concat(model.Sequences.Select(s => ("sequence", s.Name, PostgresSqlGenerator.Generate(new CreateSequence(s with { OwnedBy = null })))));

    /// <summary>
    /// The model's tables that the objects name (by any word of their text), as much of them as a query can see:
    /// columns and primary key (a GROUP BY on the key lets a query select the other columns); no defaults, checks,
    /// indexes, foreign keys or partitions, which could call routines or name tables not created here.
    /// </summary>
    private static IEnumerable<Table> ScratchTables(Schema model)
    {
        var named = Names(model.Views.Select(v => v.Sql).Concat(model.Routines.Select(r => r.Definition))
            .Concat(model.Triggers.Select(t => $"{t.When} {t.Execute}")));
        named.UnionWith(model.Triggers.Select(t => QualifiedName.LocalOf(t.Table)));
        return model.Tables.Where(t => named.Contains(QualifiedName.LocalOf(t.Name))).Select(t => new Table(t.Name,
            t.Columns.Select(c => c with { Default = null, Generated = null, Comment = null }).ToValueList(),
            t.PrimaryKey));
    }

    /// <summary>Each word of the texts as PostgreSQL would name a relation by it: folded to lower case unless quoted.</summary>
    private static HashSet<string> Names(IEnumerable<string> texts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var token in PostgresLexer.Instance.Tokens(text))
                if (token.Kind == SqlTokenKind.Word) names.Add(token.Text.ToLowerInvariant());
                else if (token.Kind == SqlTokenKind.QuotedIdentifier && token.Length >= 2) names.Add(token.Text[1..^1].Replace("\"\"", "\""));
        return names;
    }

    /// <summary>Views after the views their text names: PostgreSQL checks a view's query when it is created.</summary>
    private static IEnumerable<View> InDependencyOrder(IReadOnlyList<View> views)
    {
        // By the name inside its schema: the text names a view of another schema as schema.name, two words.
        var byName = views.ToLookup(v => QualifiedName.LocalOf(v.Name), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<View>();
        void Visit(View view)
        {
            if (done.Contains(view.Name) || !visiting.Add(view.Name)) return;
            foreach (var name in Names([view.Sql]))
                foreach (var used in byName[name])
                    if (used.Name != view.Name) Visit(used);
            done.Add(view.Name);
            order.Add(view);
        }
        foreach (var view in views) Visit(view);
        return order;
    }

    /// <summary>The plan's statements for a view, a materialized one left empty: only its definition is read back.</summary>
    private static IReadOnlyList<string> ScratchView(View view)
    {
        var statements = PostgresSqlGenerator.Generate(new CreateView(view)).ToList();
        if (view.Materialized) statements[0] = statements[0][..^"WITH DATA".Length] + "WITH NO DATA";
        return statements;
    }

    private async Task ScratchAsync(IReadOnlyList<string> statements, string what, CancellationToken ct)
    {
        foreach (var statement in statements)
        {
            _statementsSent++;
            await using var command = new NpgsqlCommand(statement, _connection);
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e)
            {
                throw new InputException($"{what}: PostgreSQL refuses it: {e.MessageText}");
            }
        }
    }
}
