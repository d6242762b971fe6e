using System.Text.Json;
using Npgsql;
using SchemaTool.Dialects;
using SchemaTool.Dialects.Postgres;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Tests.Infrastructure;

using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Runs one case of the conformance corpus (../shared/corpus/postgres.jsonl, from sqldef): the catalog of
/// a database loaded with `desired` is the model; plan against one loaded with `current`, apply, re-plan, roll back.
/// </summary>
public static class PostgresCorpusRunner
{
    public sealed record CorpusCase(string Id, string Current, string Desired, string[] CurrentSchemas, string[] DesiredSchemas)
    {
        public bool UsesSchemas => CurrentSchemas.Length + DesiredSchemas.Length > 0
                                   || Current.Contains("CREATE SCHEMA", StringComparison.OrdinalIgnoreCase)
                                   || Desired.Contains("CREATE SCHEMA", StringComparison.OrdinalIgnoreCase);
    }

    public enum Outcome { Pass, Unsupported, BadCase, Fail }

    public sealed record Result(string Id, Outcome Outcome, string Detail = "");

    public static IEnumerable<CorpusCase> Load(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string[] Needs(string side) =>
                root.GetProperty("notes").TryGetProperty("needs_schemas", out var needs) && needs.TryGetProperty(side, out var list)
                    ? list.EnumerateArray().Select(e => e.GetString()!).ToArray()
                    : [];
            yield return new CorpusCase(root.GetProperty("id").GetString()!, root.GetProperty("current").GetString()!,
                root.GetProperty("desired").GetString()!, Needs("current"), Needs("desired"));
        }
    }

    public static async Task<Result> RunAsync(CorpusCase c)
    {
        var server = PostgresServer.Shared;
        var a = await server.CreateDatabaseAsync("corpus");
        var b = await server.CreateDatabaseAsync("corpus");
        var folder = TempFolder.Create("schematool-corpus-");
        var dialect = new PostgresDialect();
        try
        {
            foreach (var (db, sql, schemas) in new[] { (a, c.Current, c.CurrentSchemas), (b, c.Desired, c.DesiredSchemas) })
            {
                var error = await LoadAsync(server.ConnectionString(db), sql, schemas);
                if (error is not null) return new Result(c.Id, Outcome.BadCase, error);
            }
            var targetA = dialect.ParseTarget(server.Url(a), folder);
            var targetB = dialect.ParseTarget(server.Url(b), folder);
            var model = await IntrospectAsync(dialect, targetB);
            var start = await IntrospectAsync(dialect, targetA);
            if (c.UsesSchemas)
                return new Result(c.Id, Outcome.Unsupported, "uses schemas other than public");
            if (!model.Unmanaged.Select(u => (u.Kind, u.Name)).ToHashSet().SetEquals(start.Unmanaged.Select(u => (u.Kind, u.Name))))
                return new Result(c.Id, Outcome.Unsupported, "objects outside the model: " +
                    string.Join(", ", model.Unmanaged.Concat(start.Unmanaged).Select(u => $"{u.Kind} {u.Name}").Distinct()));

            Plan plan;
            try { plan = PlannedStatements.Create(dialect, start, model); }
            catch (Exception e) { return new Result(c.Id, Outcome.Fail, "plan: " + e.Message); }
            if (plan.IsEmpty)
                return Same(start, model, dialect) ? new Result(c.Id, Outcome.Pass) : new Result(c.Id, Outcome.Fail, "plan is empty but schemas differ");
            Revisions.RevisionFolder.Write(folder, "000000000001", [], "case", DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
            var graph = Revisions.RevisionFolder.Load(folder);
            await using (var session = await dialect.OpenAsync(targetA, CancellationToken.None))
            {
                try { await new Apply.Migrator(session, graph, new Apply.MigratorOptions(TimeSpan.FromSeconds(30))).ApplyAsync("head", CancellationToken.None); }
                catch (Exception e) { return new Result(c.Id, Outcome.Fail, "apply: " + e.Message + "\n" + plan.UpScript); }
            }
            var after = await IntrospectAsync(dialect, targetA);
            var again = Planner.Create(dialect, after, model);
            if (!again.IsEmpty) return new Result(c.Id, Outcome.Fail, "not converged:\n" + again.UpScript + "\nafter:\n" + plan.UpScript);
            await using (var session = await dialect.OpenAsync(targetA, CancellationToken.None))
            {
                try { await new Apply.Migrator(session, graph, new Apply.MigratorOptions(TimeSpan.FromSeconds(30))).RollbackAsync("base", CancellationToken.None); }
                catch (Exception e) { return new Result(c.Id, Outcome.Fail, "rollback: " + e.Message + "\n" + plan.DownScript); }
            }
            var back = await IntrospectAsync(dialect, targetA);
            var undo = Planner.Create(dialect, back, start);
            if (!undo.IsEmpty) return new Result(c.Id, Outcome.Fail, "rollback left differences:\n" + undo.UpScript + "\ndown was:\n" + plan.DownScript);
            return new Result(c.Id, Outcome.Pass);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TempFolder.Delete(folder);
            await server.DropDatabaseAsync(a);
            await server.DropDatabaseAsync(b);
        }
    }

    private static bool Same(Schema one, Schema other, IDialect dialect) =>
        Planner.Create(dialect, one, other).IsEmpty && Planner.Create(dialect, other, one).IsEmpty;

    private static async Task<Schema> IntrospectAsync(IDialect dialect, ConnectionTarget target)
    {
        await using var session = await dialect.OpenAsync(target, CancellationToken.None);
        return await session.IntrospectAsync(CancellationToken.None);
    }

    /// <summary>Runs the statements, retrying the failed ones while some succeed (order-sensitive cases).</summary>
    private static async Task<string?> LoadAsync(string connectionString, string sql, string[] schemas)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var pending = schemas.Select(s => $"CREATE SCHEMA IF NOT EXISTS \"{s}\"").Concat(SchemaTool.Dialects.Postgres.PostgresLexer.Instance.Split(sql)).ToList();
        while (pending.Count > 0)
        {
            var failed = new List<(string Sql, string Error)>();
            foreach (var statement in pending)
            {
                try
                {
                    await using var cmd = new NpgsqlCommand(statement, connection);
                    await cmd.ExecuteNonQueryAsync();
                }
                catch (PostgresException e) { failed.Add((statement, e.MessageText)); }
            }
            if (failed.Count == pending.Count) return $"does not load: {failed[0].Error} in {failed[0].Sql}";
            pending = failed.Select(f => f.Sql).ToList();
        }
        return null;
    }
}
