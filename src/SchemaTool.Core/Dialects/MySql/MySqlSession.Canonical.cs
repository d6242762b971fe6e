using MySqlConnector;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Diff;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlSession
{
    private const string ScratchPrefix = "schematool_scratch_";

    /// <summary>
    /// MySQL rewrites a view's query when it stores it (names quoted and qualified, keywords in lower case, spacing
    /// its own), and DDL commits as it goes, so the model's routines, views and triggers are created in a database of
    /// their own, beside the tables they name, and read back with the introspector that reads the real database: what the model says
    /// comes back exactly as the database will hold it, with what each uses. The scratch database is dropped
    /// whatever happens; a user who may not create one is told at plan, before anything else.
    /// </summary>
    public async Task<Schema> CanonicalizeAsync(Schema model, CancellationToken cancellationToken)
    {
        if (model.Views.Count == 0 && model.Triggers.Count == 0 && model.Routines.Count == 0 && model.Events.Count == 0) return model;
        if (model.ObjectCounts().Any(c => c.Kind is not (SchemaObjectKind.View or SchemaObjectKind.Trigger or SchemaObjectKind.Function
                                                                  or SchemaObjectKind.Procedure or SchemaObjectKind.Event or SchemaObjectKind.Sequence)))
            throw new NotSupportedException("the MySQL dialect has no such objects: Validate refuses them");
        var normalized = Dialect.Normalize(model);
        var scratch = ScratchPrefix + Guid.NewGuid().ToString("N")[..12];
        // An object the server refuses is named at its place in the model's files.
        var places = ModelPositions.Of(model);
        string What(string kind, string name) => $"{places.Named(kind, name)}{kind} {name}";
        await CreateScratchAsync(scratch, cancellationToken);
        try
        {
            var builder = new MySqlConnectionStringBuilder(_connectionString.Length > 0 ? _connectionString : _connection.ConnectionString) { Database = scratch, Pooling = false };
            await using var session = new MySqlSession((MySqlDialect)Dialect, new MySqlConnection(builder.ConnectionString));
            await session._connection.OpenAsync(cancellationToken);
            await UseSessionRulesAsync(session._connection, cancellationToken);
            // The sequences first: a table's default may take from one. They are not read back (nothing in them is spelled).
            foreach (var sequence in normalized.Sequences)
                await session.ExecuteForModelAsync(MySqlSequences.Create(sequence), What("sequence", sequence.Name), cancellationToken);
            var named = NamedByObjects(normalized, Dialect.TableNameComparer);
            foreach (var table in normalized.Tables.Where(t => named.Contains(t.Name)))
            {
                var alone = table with { ForeignKeys = ValueList<ForeignKey>.Empty, Partitioning = null };
                await session.ExecuteForModelAsync(MySqlSqlGenerator.Generate(new CreateTable(alone))[0], $"table {table.Name}", cancellationToken);
            }
            foreach (var routine in normalized.Routines)
                await session.ExecuteForModelAsync(routine.Definition, What(routine.ObjectKind.Word(), routine.Name), cancellationToken);
            await session.CreateViewsAsync(normalized.Views, What, cancellationToken);
            // Without their order: a trigger it follows may come later here; the model's order is put back on what is read.
            foreach (var trigger in normalized.Triggers)
                await session.ExecuteForModelAsync(MySqlObjectText.CreateTrigger(trigger with { Follows = null }), What("trigger", trigger.Name), cancellationToken);
            // Created disabled: where the server's event scheduler runs, an enabled event would run its body here at
            // once, against whatever tables it names. The model's status is put back on what is read.
            foreach (var e in normalized.Events)
                await session.ExecuteForModelAsync(MySqlObjectText.CreateEvent(e with { Enabled = false }), What("event", e.Name), cancellationToken);
            var read = await new MySqlIntrospector(session, null, new HashSet<string>()).ReadAsync(cancellationToken);
            var enabled = normalized.Events.ToDictionary(e => e.Name, e => e.Enabled, StringComparer.OrdinalIgnoreCase);
            var events = read.Events.Select(e => e with { Enabled = enabled.GetValueOrDefault(e.Name, e.Enabled) }).ToValueList();
            var follows = normalized.Triggers.ToDictionary(t => t.Name, t => t.Follows, StringComparer.OrdinalIgnoreCase);
            var triggers = read.Triggers.Select(t => t with { Follows = follows.GetValueOrDefault(t.Name) }).ToValueList();
            return model with { Views = read.Views, Triggers = triggers, Routines = read.Routines, Events = events };
        }
        catch (InputException e) when (e.Message.Contains(scratch, StringComparison.Ordinal))
        {
            // The server names the scratch database the object was tried in; the user knows their own.
            throw new InputException(e.Message.Replace(scratch, _connection.Database, StringComparison.Ordinal));
        }
        finally
        {
            await using var drop = CreateCommand($"DROP DATABASE IF EXISTS {Quote(scratch)}");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The scratch database takes the real one's character set and collation: a routine's RETURNS varchar prints
    /// them, and a table or view without its own has the database's.
    /// </summary>
    private async Task CreateScratchAsync(string scratch, CancellationToken ct)
    {
        string options;
        await using (var read = CreateCommand(
            "SELECT CONCAT(' CHARACTER SET ', DEFAULT_CHARACTER_SET_NAME, ' COLLATE ', DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"))
            options = await read.ExecuteScalarAsync(ct) as string ?? "";
        try
        {
            await using var cmd = CreateCommand($"CREATE DATABASE {Quote(scratch)}{options}");
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.DatabaseAccessDenied or MySqlErrorCode.AccessDenied or MySqlErrorCode.TableAccessDenied)
        {
            throw new DatabaseException(
                $"plan brings the model's views, triggers, routines and events to MySQL's own form by creating them in a scratch database ({ScratchPrefix}...), " +
                $"dropped at once, and this user may not create one: {e.Message}. Grant it CREATE, DROP, CREATE VIEW, CREATE ROUTINE, TRIGGER, EVENT and SELECT " +
                $"on `{ScratchPrefix.Replace("_", "\\_")}%`.*, or plan as a user who may", e);
        }
    }

    /// <summary>
    /// The views in an order the server accepts: a view that reads a view not created yet fails and is tried again
    /// after the others; what still fails when a round creates nothing is the model's mistake, told with the server's words.
    /// </summary>
    private async Task CreateViewsAsync(IReadOnlyList<View> views, Func<string, string, string> what, CancellationToken ct)
    {
        var left = views.ToList();
        while (left.Count > 0)
        {
            var failed = new List<(View View, MySqlException Error)>();
            foreach (var view in left)
            {
                try
                {
                    await using var cmd = CreateCommand(MySqlObjectText.CreateView(view));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                catch (MySqlException e) when (e.SqlState is not null)
                {
                    failed.Add((view, e));
                }
            }
            if (failed.Count == left.Count)
                throw new InputException($"{what("view", failed[0].View.Name)}: MySQL refuses it: {failed[0].Error.Message}");
            left = failed.Select(f => f.View).ToList();
        }
    }

    private async Task ExecuteForModelAsync(string statement, string what, CancellationToken ct)
    {
        try
        {
            await using var cmd = CreateCommand(statement);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (MySqlException e) when (e.SqlState is not null)
        {
            throw new InputException($"{what}: MySQL refuses it: {e.Message}");
        }
    }

    /// <summary>
    /// The model's tables that its views and triggers may name (every word and quoted name of their text, and the
    /// triggers' tables): only those are created in the scratch database, which keeps this cheap for a model of
    /// thousands of tables with a few views.
    /// </summary>
    private static HashSet<string> NamedByObjects(Schema model, IEqualityComparer<string> tableNames)
    {
        var names = new HashSet<string>(model.Triggers.Select(t => t.Table), tableNames);
        foreach (var text in model.Views.Select(v => v.Sql).Concat(model.Triggers.Select(t => t.Body ?? "")).Concat(model.Events.Select(e => e.Body)))
            foreach (var token in MySqlLexer.Instance.Tokenize(text))
                if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) names.Add(MySqlObjectText.Name(token));
        return names;
    }
}
