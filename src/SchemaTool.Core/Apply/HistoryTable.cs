using System.Data.Common;
using System.Globalization;
using SchemaTool.Dialects;

namespace SchemaTool.Apply;

/// <summary>One row of the history table: a revision applied, or partly applied where DDL is not transactional.</summary>
public sealed record HistoryRow(
    string Revision,
    IReadOnlyList<string> Parents,
    string Message,
    string Checksum,
    DateTimeOffset AppliedAt,
    long DurationMs,
    int StatementsDone,
    int StatementsTotal,
    bool Complete);

/// <summary>Reads and writes <c>schematool_history</c> with portable SQL; only its DDL comes from the dialect.</summary>
public sealed class HistoryTable(IDatabaseSession session, string name = HistoryTable.DefaultName)
{
    public const string DefaultName = "schematool_history";

    /// <summary>The row lock of a Galera cluster (GaleraLock); like the history table, never part of the schema compared.</summary>
    public const string LockTableName = "schematool_lock";

    /// <summary>
    /// The tool's own tables, which introspection leaves out: the history table by its configured name, and the
    /// default one and the lock table whatever the configuration says (a model may not name them: Planning).
    /// </summary>
    public static IReadOnlySet<string> ToolTables(string historyTable) =>
        new HashSet<string>(StringComparer.Ordinal) { historyTable, DefaultName, LockTableName };

    public string Name => name;

    private string Table => session.Quote(name);

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(session.HistoryTableDdl(name));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<HistoryRow>> ReadAsync(CancellationToken ct)
    {
        if (!await session.TableExistsAsync(name, ct)) return [];
        await using var cmd = session.CreateCommand(
            $"SELECT revision, parents, message, checksum, applied_at, duration_ms, statements_done, statements_total, complete FROM {Table} ORDER BY applied_at, revision");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<HistoryRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new HistoryRow(
                reader.GetString(0),
                reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                PrintableText.OneLine(reader.GetString(2)), // printed by status, history and check
                reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture) != 0));
        }
        return rows;
    }

    public async Task InsertAsync(Revisions.Revision revision, int done, int total, bool complete, long durationMs, CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(
            $"INSERT INTO {Table} (revision, parents, message, checksum, applied_at, duration_ms, statements_done, statements_total, complete) " +
            "VALUES (@revision, @parents, @message, @checksum, @applied_at, @duration, @done, @total, @complete)");
        Add(cmd, "revision", revision.Id);
        Add(cmd, "parents", string.Join(" ", revision.Parents));
        Add(cmd, "message", revision.Message);
        Add(cmd, "checksum", revision.Checksum);
        Add(cmd, "applied_at", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Add(cmd, "duration", durationMs);
        Add(cmd, "done", done);
        Add(cmd, "total", total);
        Add(cmd, "complete", complete ? 1 : 0);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task UpdateProgressAsync(string revision, int done, bool complete, long durationMs, string? checksum, CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(
            $"UPDATE {Table} SET statements_done = @done, complete = @complete, duration_ms = @duration" +
            (checksum is null ? "" : ", checksum = @checksum") + " WHERE revision = @revision");
        Add(cmd, "revision", revision);
        Add(cmd, "done", done);
        Add(cmd, "complete", complete ? 1 : 0);
        Add(cmd, "duration", durationMs);
        if (checksum is not null) Add(cmd, "checksum", checksum);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task DeleteAsync(string revision, CancellationToken ct)
    {
        await using var cmd = session.CreateCommand($"DELETE FROM {Table} WHERE revision = @revision");
        Add(cmd, "revision", revision);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand cmd, string parameter, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + parameter;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
