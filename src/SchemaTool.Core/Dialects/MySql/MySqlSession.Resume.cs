using System.Text;
using System.Text.RegularExpressions;
using MySqlConnector;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Resuming a revision whose run was interrupted (the process killed, the connection lost) after the server finished
/// a statement but before its progress was recorded. DDL commits on its own, so the statement and the progress update
/// cannot be one transaction; instead each DDL statement is preceded by a <see cref="StatementCheck"/> of the tables
/// (or the view, trigger, routine or event) it names, and the resume compares them with it. Row statements need none: they commit with their progress update.
/// See docs/revisions.md, "Crashes".
/// </summary>
public sealed partial class MySqlSession
{
    private const string CheckColumn = "statement_check";

    /// <summary>SHOW CREATE TABLE prints the next AUTO_INCREMENT value, which inserts change without any DDL.</summary>
    private static readonly Regex AutoIncrementOption = new(@" AUTO_INCREMENT=\d+", RegexOptions.CultureInvariant);

    private bool _checkColumnKnown;

    /// <summary>History tables made before the column existed get it here, once per session.</summary>
    private async Task EnsureCheckColumnAsync(HistoryTable history, CancellationToken ct)
    {
        if (_checkColumnKnown) return;
        await using (var cmd = CreateCommand(
            "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table AND COLUMN_NAME = @column"))
        {
            cmd.Parameters.Add(new MySqlParameter("@table", history.Name));
            cmd.Parameters.Add(new MySqlParameter("@column", CheckColumn));
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 0)
            {
                await using var alter = CreateCommand($"ALTER TABLE {Quote(history.Name)} ADD COLUMN {CheckColumn} varchar(100) NULL");
                await alter.ExecuteNonQueryAsync(ct);
            }
        }
        _checkColumnKnown = true;
    }

    /// <summary>
    /// Whether statement <paramref name="index"/>, where the history row says to resume, took effect before the
    /// previous run stopped: its check was written and the tables it names have changed since.
    /// </summary>
    public async Task<bool> TookEffectAsync(MigrationStep step, int index, CancellationToken ct)
    {
        if (await ReadCheckAsync(step, ct) is not { } recorded || recorded.Index != index) return false;
        var statement = step.Statements[index].Text;
        var effect = StatementEffect.Of(statement);
        if (effect.Kind is EffectKind.Tables or EffectKind.Objects && await TablesStateAsync(effect.Tables, ct) == recorded.Before) return false;
        if (recorded.Statement != StatementCheck.Hash(Normalized(statement)))
            throw new StepFailedException(
                $"revision {step.Revision.Id}: statement {index + 1} of {step.Statements.Count} was running when an earlier apply stopped, " +
                "and it may have taken effect, but it has been edited in the up file since. Restore the statement as it was and apply again, " +
                $"or finish it by hand and set statements_done = {index + 1} in the history row of {step.Revision.Id}",
                new InvalidOperationException("statement edited after an interrupted run"));
        return true;
    }

    /// <summary>Records what statement <paramref name="index"/>'s tables look like before it runs.</summary>
    private async Task WriteCheckAsync(MigrationStep step, int index, StatementEffect effect, CancellationToken ct)
    {
        var statement = step.Statements[index].Text;
        var check = new StatementCheck(index, StatementCheck.Hash(Normalized(statement)), await TablesStateAsync(effect.Tables, ct));
        await RetryOnCertificationAsync(() => SetCheckAsync(step, check.ToString(), ct), ct);
    }

    /// <summary>Forgets the check once the server said how its statement ended, or the revision is done.</summary>
    private Task ClearCheckAsync(MigrationStep step, CancellationToken ct) =>
        RetryOnCertificationAsync(() => SetCheckAsync(step, null, ct), ct);

    private async Task SetCheckAsync(MigrationStep step, string? check, CancellationToken ct)
    {
        await using var cmd = CreateCommand($"UPDATE {Quote(step.History.Name)} SET {CheckColumn} = @check WHERE revision = @revision");
        cmd.Parameters.Add(new MySqlParameter("@check", (object?)check ?? DBNull.Value));
        cmd.Parameters.Add(new MySqlParameter("@revision", step.Revision.Id));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<StatementCheck?> ReadCheckAsync(MigrationStep step, CancellationToken ct)
    {
        await using var cmd = CreateCommand($"SELECT {CheckColumn} FROM {Quote(step.History.Name)} WHERE revision = @revision");
        cmd.Parameters.Add(new MySqlParameter("@revision", step.Revision.Id));
        return StatementCheck.Parse(await cmd.ExecuteScalarAsync(ct) as string);
    }

    /// <summary>A hash of the tables' SHOW CREATE TABLE text, or of their absence, in the statement's order.</summary>
    private async Task<string> TablesStateAsync(IReadOnlyList<TableName> tables, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append(table).Append('\n');
            var name = table.Database is null ? Quote(table.Name) : $"{Quote(table.Database)}.{Quote(table.Name)}";
            try
            {
                await using var cmd = CreateCommand($"SHOW CREATE {table.Kind} {name}");
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                text.Append(await reader.ReadAsync(ct) ? AutoIncrementOption.Replace(reader.GetString(CreateColumn(table.Kind)), "") : "(none)");
            }
            catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.NoSuchTable or MySqlErrorCode.TriggerDoesNotExist
                                               or MySqlErrorCode.StoredProcedureDoesNotExist or MySqlErrorCode.EventDoesNotExist)
            {
                text.Append("(absent)");
            }
            text.Append('\n');
        }
        return StatementCheck.Hash(text.ToString());
    }

    /// <summary>Where SHOW CREATE puts the statement: after the name, sql_mode and (for an event) time_zone.</summary>
    private static int CreateColumn(string kind) => kind switch
    {
        "TABLE" or "VIEW" or "SEQUENCE" => 1,
        "EVENT" => 3,
        _ => 2,
    };

    private static string Normalized(string statement) => statement.ReplaceLineEndings("\n").Trim();

    /// <summary>The server answered the statement with an error, so it ended there (DDL is atomic on MariaDB 10.6+ and MySQL 8).</summary>
    private static bool ServerRefused(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is MySqlException { SqlState: not null }) return true;
        return false;
    }
}
