using System.Text;
using SchemaTool.Diff;
using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Planning;

/// <summary>Diff, dialect rewrite, dependency order, SQL: the pipeline from two schemas to a revision's scripts.</summary>
public static class Planner
{
    /// <summary>
    /// The plan from the database's schema to the model, with the model's views, triggers and routines first brought
    /// to the server's canonical form by the session (<see cref="IDatabaseSession.CanonicalizeAsync"/>): what `plan`,
    /// `diff` and `status` run.
    /// </summary>
    public static Task<Plan> CreateAsync(IDatabaseSession session, Schema current, Schema model, PlanSettings settings, CancellationToken ct) =>
        CreateAsync(session, current, model, settings, () => [], ct);

    /// <param name="checks">Problems to refuse the model for once it is valid, before the session runs any of its SQL.</param>
    internal static async Task<Plan> CreateAsync(IDatabaseSession session, Schema current, Schema model, PlanSettings settings,
        Func<IEnumerable<string>> checks, CancellationToken ct)
    {
        current = session.Dialect.Scope(current, model);
        Validate(session.Dialect, current, model); // before the session runs any of the model's SQL
        var problems = checks().ToList();
        if (problems.Count > 0) throw new InputException(string.Join(Environment.NewLine, problems));
        return Build(session.Dialect, current, await session.CanonicalizeAsync(model, ct), settings);
    }

    public static Task<Plan> CreateAsync(IDatabaseSession session, Schema current, Schema model, CancellationToken ct) =>
        CreateAsync(session, current, model, PlanSettings.Default, ct);

    public static Plan Create(IDialect dialect, Schema current, Schema model) => Create(dialect, current, model, PlanSettings.Default);

    /// <summary>
    /// The plan between two schemas that are each what a database reads back: an introspected one, or a model
    /// canonicalized by a session (else a model's views and triggers do not know what they use, and this throws).
    /// </summary>
    public static Plan Create(IDialect dialect, Schema current, Schema model, PlanSettings settings)
    {
        current = dialect.Scope(current, model);
        Validate(dialect, current, model);
        return Build(dialect, current, model, settings);
    }

    /// <summary>The plan of a model already validated: canonicalizing changes only the text of objects already checked.</summary>
    private static Plan Build(IDialect dialect, Schema current, Schema model, PlanSettings settings)
    {
        RequireDependencies(model);

        var have = dialect.Normalize(current);
        var want = dialect.Normalize(model) with { Unmanaged = have.Unmanaged };
        var diff = SchemaDiffer.Diff(have, want, dialect.TableNameComparer, dialect.ColumnNameComparer, dialect.CanRenameIndexes,
            dialect.Compared, dialect.Compared);
        var renameHints = RenameHints.Find(diff);
        var operations = OperationOrderer.Order(DependentObjects.Recreate(dialect.Rewrite(diff, have, want), have, want));
        var inverse = operations.Reverse().Select(o => o.Invert()).ToList();
        var notices = have.Unmanaged
            .Select(u => $"{u.Kind} {u.Name}{(u.Note is { } note ? $" ({note})" : "")} is not in the model's scope and is left alone").ToList();

        var up = Statements(dialect, operations, Context(settings, have), settings);
        var down = Statements(dialect, inverse, Context(settings, want), settings);
        // The hints head the up file, where a reviewer reads first, and come last on the console, after the drops' warnings.
        var hintLines = renameHints.Select(h => h.Message).ToList();
        return new Plan(have, want, operations, WarningLines(hintLines) + Render(up), Render(down),
            [.. operations.Select(o => o.Warning).OfType<string>(), .. hintLines], notices)
        {
            RenameHints = renameHints,
            UpStatements = up.SelectMany(o => o.Statements).ToList(),
            DownStatements = down.SelectMany(o => o.Statements).ToList(),
        };
    }

    private static void Validate(IDialect dialect, Schema current, Schema model)
    {
        var problems = SqlFields.Find(model, dialect).Concat(UnexpressedKeys.Find(model, dialect)).Concat(NameClashes.Find(model, dialect)).Concat(TriggerNameClashes.Find(model, dialect))
            .Concat(NameRules.Find(model, dialect)).Concat(NullablePrimaryKeys.Find(model, dialect)).Concat(dialect.Validate(model))
            .Concat(dialect.ValidateAgainst(current, model)).ToList();
        if (problems.Count > 0) throw new InputException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>Ordering by what objects use needs that to be known on the model's side too.</summary>
    private static void RequireDependencies(Schema model)
    {
        var unknown = model.Views.Where(v => v.DependsOn is null).Select(v => "view " + v.Name)
            .Concat(model.Triggers.Where(t => t.DependsOn is null).Select(t => "trigger " + t.Name))
            .Concat(model.Routines.Where(r => r.DependsOn is null).Select(r => "routine " + r.Name))
            .Concat(model.Events.Where(e => e.DependsOn is null).Select(e => "event " + e.Name))
            .ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"the model was not canonicalized, so what {string.Join(", ", unknown.Take(3))} use is unknown: plan it with Planner.CreateAsync");
    }

    private static string WarningLines(IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? "" : string.Concat(warnings.Select(w => $"-- WARNING: {PrintableText.Escape(w)}\n")) + "\n";

    private static GenerationContext Context(PlanSettings settings, Schema before) =>
        settings.Online ? GenerationContext.OnlineFrom(before) : GenerationContext.Plain;

    /// <summary>The statements of each operation in order, each knowing whether its table is new in this direction.</summary>
    private static IReadOnlyList<OperationStatements> Statements(IDialect dialect, IReadOnlyList<Operation> operations, GenerationContext context, PlanSettings settings)
    {
        var result = new List<OperationStatements>(operations.Count);
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            var isNew = op is CreateTable || created.Contains(op.TableName);
            var statements = dialect.Generate(op, context)
                .Select(s => new PlannedStatement(op, s, isNew, isNew ? null : settings.RowsOf(op.TableName))).ToList();
            result.Add(new OperationStatements(op, statements));
            if (op is CreateTable create) created.Add(create.Table.Name);
            context = context.After(op);
        }
        return result;
    }

    private sealed record OperationStatements(Operation Operation, IReadOnlyList<PlannedStatement> Statements);

    /// <summary>
    /// Each operation as a comment naming it, its warning, then its statements. The comments hold names, which may
    /// come from the database: escaped, so that no line break in one can end the comment and start a statement.
    /// </summary>
    public static string Render(IDialect dialect, IReadOnlyList<Operation> operations) => Render(dialect, operations, PlanSettings.Default);

    /// <summary>The operations as a revision file writes them, with the settings' forms (online by default).</summary>
    public static string Render(IDialect dialect, IReadOnlyList<Operation> operations, PlanSettings settings) =>
        Render(Statements(dialect, operations, Context(settings, Schema.Empty), settings));

    /// <summary>The statements <see cref="Render(IDialect, IReadOnlyList{Operation}, PlanSettings)"/> writes, in order.</summary>
    public static IReadOnlyList<PlannedStatement> StatementsOf(IDialect dialect, IReadOnlyList<Operation> operations, PlanSettings settings) =>
        Statements(dialect, operations, Context(settings, Schema.Empty), settings).SelectMany(o => o.Statements).ToList();

    /// <summary>
    /// A statement that runs apart from the revision's transaction, or copies its table, gets its note as a comment
    /// line above it, so that the file says what apply will do with it.
    /// </summary>
    private static string Render(IReadOnlyList<OperationStatements> operations)
    {
        var text = new StringBuilder();
        foreach (var (op, statements) in operations)
        {
            text.Append("-- ").Append(PrintableText.Escape(op.Describe())).Append('\n');
            if (op.Warning is { } warning) text.Append("-- WARNING: ").Append(PrintableText.Escape(warning)).Append('\n');
            foreach (var planned in statements)
            {
                if (planned.Statement.Note is { } note && !planned.NewTable) text.Append("-- ").Append(PrintableText.Escape(note)).Append('\n');
                text.Append(planned.Statement.Text).Append(";\n");
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
