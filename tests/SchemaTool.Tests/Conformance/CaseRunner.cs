using System.Text.RegularExpressions;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Project;
using SchemaTool.Revisions;
using SchemaTool.Yaml;

using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Conformance;

public enum Outcome { Pass, Fail, Unsupported, BadCase }

public sealed record CaseResult(CorpusCase Case, Outcome Outcome, string Reason = "")
{
    /// <summary>The reason's group for the summary: the text before the first colon.</summary>
    public string Group => Reason.Split(':')[0];

    public override string ToString() => $"{Case.Id} [{Case.Topic}]: {Outcome}{(Reason.Length > 0 ? " - " + Reason : "")}";
}

/// <summary>
/// A SQL feature the model cannot express, found in a case's text; the reason names it. A case that uses one
/// is still run, and is unsupported unless it passes; a <paramref name="Blind"/> feature is one the
/// introspector cannot see (SQLite's WITHOUT ROWID), so a pass would prove nothing and the case is not run.
/// </summary>
public sealed record UnsupportedFeature(Regex Pattern, string Reason, bool Blind = false);

/// <summary>
/// Runs one corpus case: current into database A, desired into database B; inspect B into model YAML; plan
/// and apply that model on A; A and B must then compare equal, a second plan must be empty, and rolling back
/// must return A to what it was.
/// </summary>
public sealed class CaseRunner(IConformanceServer server, string workFolder, IReadOnlyList<UnsupportedFeature> unsupported)
{
    // Cases that name their database share that name, so they run one at a time.
    private readonly SemaphoreSlim _named = new(1, 1);

    private IDialect Dialect => server.Dialect;

    public async Task<CaseResult> RunAsync(CorpusCase c, CancellationToken ct)
    {
        if (c.DatabaseName is not { } database) return await RunAsync(c, await server.CreateDatabaseAsync("current"), await server.CreateDatabaseAsync("desired"), ct);
        await _named.WaitAsync(ct);
        try
        {
            return await RunAsync(c,
                await server.CreateNamedDatabaseAsync(database, CaseSide.Current),
                await server.CreateNamedDatabaseAsync(database, CaseSide.Desired), ct);
        }
        finally
        {
            _named.Release();
        }
    }

    private async Task<CaseResult> RunAsync(CorpusCase c, string currentUrl, string desiredUrl, CancellationToken ct)
    {
        var feature = unsupported.FirstOrDefault(f => f.Pattern.IsMatch(c.Current) || f.Pattern.IsMatch(c.Desired));
        try
        {
            if (await LoadAsync(currentUrl, c.Current, c.CurrentSchemas, c.OrderSensitive) is { } currentError)
                return new CaseResult(c, Outcome.BadCase, "current does not load: " + currentError);
            if (await LoadAsync(desiredUrl, c.Desired, c.DesiredSchemas.Concat(c.CurrentSchemas).Distinct().ToList(), c.OrderSensitive) is { } desiredError)
                return new CaseResult(c, Outcome.BadCase, "desired does not load: " + desiredError);
            if (feature is { Blind: true }) return new CaseResult(c, Outcome.Unsupported, feature.Reason);
            var result = await ConvergeAsync(c, currentUrl, desiredUrl, ct);
            return result.Outcome == Outcome.Fail && feature is not null
                ? new CaseResult(c, Outcome.Unsupported, $"{feature.Reason}: {result.Reason}")
                : result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = $"{e.GetType().Name}: {CaseSql.Shorten(e.Message, 400)}";
            return feature is null ? new CaseResult(c, Outcome.Fail, reason) : new CaseResult(c, Outcome.Unsupported, $"{feature.Reason}: {reason}");
        }
        finally
        {
            await server.DropDatabaseAsync(currentUrl);
            await server.DropDatabaseAsync(desiredUrl);
        }
    }

    private async Task<string?> LoadAsync(string url, string sql, IReadOnlyList<string> schemas, bool orderSensitive)
    {
        await using var connection = await server.ConnectAsync(url);
        return await CaseSql.LoadAsync(connection, Dialect, sql, schemas, orderSensitive);
    }

    private async Task<IDatabaseSession> OpenAsync(string url, CancellationToken ct) =>
        await Dialect.OpenAsync(Dialect.ParseTarget(url, workFolder), ct);

    private async Task<CaseResult> ConvergeAsync(CorpusCase c, string currentUrl, string desiredUrl, CancellationToken ct)
    {
        await using var desiredDb = await OpenAsync(desiredUrl, ct);
        await using var currentDb = await OpenAsync(currentUrl, ct);
        var desired = await desiredDb.IntrospectAsync(ct);
        var before = await currentDb.IntrospectAsync(ct);
        var leftAlone = before.Unmanaged.Concat(desired.Unmanaged).ToList();
        if (leftAlone.Count > 0)
        {
            var kinds = leftAlone.Select(u => u.Kind).Distinct().Order(StringComparer.Ordinal);
            return new CaseResult(c, Outcome.Unsupported,
                $"{string.Join(", ", kinds)}: {string.Join(", ", leftAlone.Select(ModelWriter.Describe).Distinct())} (the model cannot express it yet)");
        }

        // inspect: the YAML must load, and plan against the inspected database must find nothing to do.
        var inspection = await Inspector.InspectAsync(desiredDb, ct);
        var yaml = ModelWriter.Write(CaseSql.ApplyRenameHints(inspection.Schema, c.Desired));
        Schema model;
        try
        {
            model = ModelLoader.Load("inspected.yaml", yaml);
        }
        catch (ModelException e)
        {
            return Fail("inspect wrote YAML that does not load", string.Join("; ", e.Errors));
        }
        var selfPlan = await Planner.CreateAsync(desiredDb, desired, model, ct);
        if (!selfPlan.IsEmpty)
            return Fail("inspect does not converge", Describe(selfPlan));

        // plan + apply on the current database: it must now match the desired one.
        var folder = Directory.CreateDirectory(Path.Combine(workFolder, "migrations-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var plan = await PlannedStatements.CreateAsync(currentDb, before, model, ct);
        RevisionGraph graph;
        if (!plan.IsEmpty)
        {
            RevisionFolder.Write(folder, RevisionFile.NewId(), [], "converge", DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
            graph = RevisionFolder.Load(folder);
            try
            {
                await new Migrator(currentDb, graph, new MigratorOptions(TimeSpan.FromSeconds(30))).ApplyAsync("head", ct);
            }
            catch (SchemaToolException e)
            {
                return Fail("apply failed", e.Message);
            }
        }
        else graph = RevisionFolder.Load(folder);

        var after = await currentDb.IntrospectAsync(ct);
        var differences = SchemaComparison.Differences(await desiredDb.IntrospectAsync(ct), after, Dialect);
        if (differences.Count > 0)
            return Fail("after apply the databases differ", string.Join("; ", differences) + " | up: " + plan.UpScript);

        var second = await Planner.CreateAsync(currentDb, after, model, ct);
        if (!second.IsEmpty)
            return Fail("second plan not empty", Describe(second));

        if (!plan.IsEmpty)
        {
            try
            {
                await new Migrator(currentDb, graph, new MigratorOptions(TimeSpan.FromSeconds(30))).RollbackAsync("base", ct);
            }
            catch (SchemaToolException e)
            {
                return Fail("rollback failed", e.Message);
            }
            var undone = SchemaComparison.Differences(before, await currentDb.IntrospectAsync(ct), Dialect);
            if (undone.Count > 0)
                return Fail("rollback does not restore current", string.Join("; ", undone) + " | down: " + plan.DownScript);
        }
        return new CaseResult(c, Outcome.Pass);

        CaseResult Fail(string what, string detail) => new(c, Outcome.Fail, $"{what}: {CaseSql.Shorten(detail, 600)}");
    }

    private static string Describe(Plan plan) => string.Join("; ", plan.Operations.Select(o => o.Describe()));
}
