using System.Data.Common;
using System.Globalization;
using SchemaTool.Dialects;

namespace SchemaTool.Apply;

/// <summary>
/// One row of the history table: a revision applied, or partly applied where a revision runs in parts.
/// <see cref="DownChecksum"/> is null in rows written before the history table had the column and not filled since.
/// </summary>
public sealed record HistoryRow(
    string Revision,
    IReadOnlyList<string> Parents,
    string Message,
    string Checksum,
    DateTimeOffset AppliedAt,
    long DurationMs,
    int StatementsDone,
    int StatementsTotal,
    bool Complete,
    string? DownChecksum = null);

/// <summary>
/// Reads and writes <c>schematool_history</c> with portable SQL; only its DDL comes from the dialect. A table made
/// before a column existed keeps working: reads take the columns that are there, and <see cref="EnsureAsync"/> (run
/// under the migration lock) adds the missing ones.
/// </summary>
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

    /// <summary>Added after the first release; made by <see cref="EnsureAsync"/> where it is missing.</summary>
    public const string DownChecksumColumn = "down_checksum";

    private bool? _hasDownChecksum;

    public string Name => name;

    private string Table => session.Quote(name);

    /// <summary>Creates the table, or adds the columns an older one lacks; true when it added the down checksum column.</summary>
    public async Task<bool> EnsureAsync(CancellationToken ct)
    {
        try
        {
            return await CreateOrUpdateAsync(ct);
        }
        catch (System.Data.Common.DbException e)
        {
            // The first write of apply, rollback and stamp: where it fails, the user is told what it was for.
            throw new DatabaseException(
                $"cannot create or update the history table {name}: {session.Explain(e)}\nhint: the database takes no writes from this user " +
                "(a read-only database or role, or a standby), or may not create tables: apply, rollback and stamp record their history in it", e);
        }
    }

    private async Task<bool> CreateOrUpdateAsync(CancellationToken ct)
    {
        await using (var cmd = session.CreateCommand(session.HistoryTableDdl(name)))
            await cmd.ExecuteNonQueryAsync(ct);
        if (await HasDownChecksumAsync(ct)) return false;
        await using (var alter = session.CreateCommand($"ALTER TABLE {Table} ADD COLUMN {DownChecksumColumn} varchar(64) NULL"))
            await alter.ExecuteNonQueryAsync(ct);
        _hasDownChecksum = true;
        return true;
    }

    private async Task<bool> HasDownChecksumAsync(CancellationToken ct)
    {
        if (_hasDownChecksum is { } known) return known;
        await using var cmd = session.CreateCommand($"SELECT * FROM {Table} WHERE 1 = 0");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        _hasDownChecksum = Enumerable.Range(0, reader.FieldCount).Any(i => string.Equals(reader.GetName(i), DownChecksumColumn, StringComparison.OrdinalIgnoreCase));
        return _hasDownChecksum.Value;
    }

    public async Task<IReadOnlyList<HistoryRow>> ReadAsync(CancellationToken ct)
    {
        if (!await session.TableExistsAsync(name, ct)) return [];
        // SELECT *: a history table from an older version has fewer columns, and read-only commands must not alter it.
        await using var cmd = session.CreateCommand($"SELECT * FROM {Table} ORDER BY applied_at, revision");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
        _hasDownChecksum = columns.ContainsKey(DownChecksumColumn);
        int At(string column) => columns.TryGetValue(column, out var i)
            ? i
            : throw new DatabaseException($"the history table {name} has no column {column}; it is not a schematool history table, or it was damaged");
        var (revision, parents, message, checksum, appliedAt, duration, done, total, complete) = (At("revision"), At("parents"), At("message"),
            At("checksum"), At("applied_at"), At("duration_ms"), At("statements_done"), At("statements_total"), At("complete"));
        int? downChecksum = columns.TryGetValue(DownChecksumColumn, out var d) ? d : null;
        var rows = new List<HistoryRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new HistoryRow(
                reader.GetString(revision),
                reader.GetString(parents).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                PrintableText.OneLine(reader.GetString(message)), // printed by status, history and check
                reader.GetString(checksum),
                DateTimeOffset.Parse(reader.GetString(appliedAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Convert.ToInt64(reader.GetValue(duration), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(done), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(total), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(complete), CultureInfo.InvariantCulture) != 0,
                downChecksum is { } dc && !reader.IsDBNull(dc) ? reader.GetString(dc) : null));
        }
        return rows;
    }

    public async Task InsertAsync(Revisions.Revision revision, int done, int total, bool complete, long durationMs, CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(
            $"INSERT INTO {Table} (revision, parents, message, checksum, {DownChecksumColumn}, applied_at, duration_ms, statements_done, statements_total, complete) " +
            "VALUES (@revision, @parents, @message, @checksum, @down_checksum, @applied_at, @duration, @done, @total, @complete)");
        Add(cmd, "revision", revision.Id);
        Add(cmd, "parents", string.Join(" ", revision.Parents));
        Add(cmd, "message", revision.Message);
        Add(cmd, "checksum", revision.Checksum);
        Add(cmd, "down_checksum", revision.DownChecksum);
        Add(cmd, "applied_at", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Add(cmd, "duration", durationMs);
        Add(cmd, "done", done);
        Add(cmd, "total", total);
        Add(cmd, "complete", complete ? 1 : 0);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Advances a half-applied row. With <paramref name="revision"/> the row also takes its files' checksums: it
    /// describes the files being run, even when they were edited to finish it.
    /// </summary>
    public async Task UpdateProgressAsync(string revisionId, int done, bool complete, long durationMs, Revisions.Revision? revision, CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(
            $"UPDATE {Table} SET statements_done = @done, complete = @complete, duration_ms = @duration" +
            (revision is null ? "" : $", checksum = @checksum, {DownChecksumColumn} = @down_checksum") + " WHERE revision = @revision");
        Add(cmd, "revision", revisionId);
        Add(cmd, "done", done);
        Add(cmd, "complete", complete ? 1 : 0);
        Add(cmd, "duration", durationMs);
        if (revision is not null)
        {
            Add(cmd, "checksum", revision.Checksum);
            Add(cmd, "down_checksum", revision.DownChecksum);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records the files' checksums as they are now (`rehash`, `apply --allow-changed`, an upgraded table).</summary>
    public async Task UpdateChecksumsAsync(string revisionId, string checksum, string downChecksum, CancellationToken ct)
    {
        await using var cmd = session.CreateCommand($"UPDATE {Table} SET checksum = @checksum, {DownChecksumColumn} = @down_checksum WHERE revision = @revision");
        Add(cmd, "revision", revisionId);
        Add(cmd, "checksum", checksum);
        Add(cmd, "down_checksum", downChecksum);
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
