using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Project;
using SchemaTool.Revisions;

namespace SchemaTool.Planning;

/// <summary>
/// What `plan` is told besides the model: <paramref name="AllowEmptyModel"/> lets a model without tables drop every
/// table; <paramref name="Offline"/> writes the plain forms for this revision whatever `online:` says.
/// </summary>
public sealed record PlanOptions(bool AllowEmptyModel = false, bool Offline = false);

/// <summary>
/// The `plan` use case: reads the model and the database (which must be at head), plans, and refuses what must
/// not reach the database (names and types it would refuse or change, the tool's own tables, an empty model, a
/// NOT NULL column added to a table with rows); <see cref="PlannedRevision.Write"/> then writes the revision.
/// </summary>
public static class RevisionPlanning
{
    public static async Task<PlannedRevision> PlanAsync(Workspace workspace, PlanOptions options, CancellationToken ct)
    {
        var graph = workspace.LoadRevisions();
        var head = RevisionPlanner.SingleHead(graph);
        var read = await workspace.ReadWithModelAsync(async session =>
        {
            var state = await workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero)).ReadStateAsync(ct);
            var pending = graph.Revisions.Where(r => !state.Applied.Contains(r.Id)).ToList();
            if (pending.Count > 0)
                throw new InputException(
                    $"the database is not at head: {pending.Count} revision(s) not applied ({string.Join(", ", pending.Select(p => p.Id))}); " +
                    "run `schematool apply` first, so the new revision is planned from the schema the others make; " +
                    $"or, to drop a revision that is not applied, `schematool discard {(pending.FirstOrDefault(p => graph.Children(p.Id).Count == 0) ?? pending[0]).Id}`");
            // The type catalog is read with the schema, in the same phase: one query, whatever the model holds.
            return (Schema: await workspace.IntrospectAsync(session, ct), Types: await session.ReadTypeCatalogAsync(ct));
        }, ct);
        try
        {
            var (model, session, (current, types)) = read;
            var settings = new PlanSettings(Online: workspace.Config.Online && !options.Offline, RowEstimates: session.RowEstimates);
            var plan = await CheckAsync(workspace, session, model, current, types, options, settings, ct);
            if (!plan.IsEmpty && (await RequiredColumns.FindAsync(plan, model, session, ct)) is { Count: > 0 } required)
                throw new InputException(string.Join(Environment.NewLine, required));
            return new PlannedRevision(plan, model, session, head?.Id, workspace.Config.MigrationsPath);
        }
        catch
        {
            await read.DisposeAsync();
            throw;
        }
    }

    private static async Task<Plan> CheckAsync(Workspace workspace, IDatabaseSession session, Schema model, Schema current, ITypeCatalog types,
        PlanOptions options, PlanSettings settings, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var reserved = ToolTableNames.Find(model, dialect, workspace.Config.HistoryTable).ToList();
        if (reserved.Count > 0) throw new InputException(string.Join(Environment.NewLine, reserved));
        // A model with views or routines has its types checked before the session creates those to canonicalize
        // them, which would fail on such a type less clearly; any other after planning, from the plan's schemas.
        var early = model.ObjectCounts().Any();
        var plan = await Planner.CreateAsync(session, current, model, settings,
            () => early ? TypeChecks.Find(model, dialect.Normalize(current), dialect.Normalize(model), dialect, types) : [], ct);
        var unknown = early ? [] : TypeChecks.Find(model, plan.Current, plan.Desired, dialect, types).ToList();
        if (unknown.Count > 0) throw new InputException(string.Join(Environment.NewLine, unknown));
        if (model.Tables.Count == 0 && plan.Current.Tables.Count > 0 && !options.AllowEmptyModel)
            throw new InputException(
                $"the model has no tables, and {workspace.Target.Display} has {plan.Current.Tables.Count}: the revision would drop them all, " +
                $"with their rows. Check `schema:` in schematool.yaml ({Path.GetRelativePath(workspace.Config.ProjectDirectory, workspace.Config.SchemaPath)}); " +
                "if dropping every table is what you want, run `schematool plan --allow-empty-model`");
        return plan;
    }
}

/// <summary>A plan made against an open session (kept open for what the caller prints about it); disposing closes it.</summary>
public sealed class PlannedRevision(Plan plan, Schema model, IDatabaseSession session, string? parent, string migrationsFolder) : IAsyncDisposable
{
    public Plan Plan => plan;

    public Schema Model => model;

    public IDatabaseSession Session => session;

    /// <summary>Writes the revision's up and down files, the head the plan was made at as its parent.</summary>
    public Revision Write(string message, DateTimeOffset created) =>
        RevisionFolder.Write(migrationsFolder, RevisionFile.NewId(), parent is null ? [] : [parent], message, created, plan.UpScript, plan.DownScript);

    /// <summary>What the server would refuse of this revision as a whole (on PostgreSQL: more locks than its lock table holds), as warnings.</summary>
    public async Task<IReadOnlyList<string>> ServerLimitWarningsAsync(CancellationToken cancellationToken) =>
        session is Dialects.ITransactionLimits limits ? await limits.CheckPlanAsync(plan, cancellationToken) : [];

    public ValueTask DisposeAsync() => session.DisposeAsync();
}
