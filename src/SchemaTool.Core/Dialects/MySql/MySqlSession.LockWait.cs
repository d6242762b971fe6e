using System.Globalization;
using System.Text;
using MySqlConnector;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// A DDL statement first waits for its table's metadata lock, and while it waits every later query of the table
/// waits behind it: one transaction left open elsewhere would stop them all for lock_wait_timeout (a year, by
/// default). So DDL runs with a short lock_wait_timeout (whole seconds, at least one), and when it gives up (1205),
/// the sessions that keep a transaction open are named: they hold the metadata locks of the tables they used until
/// they end (the servers show who holds a metadata lock only with a plugin or performance_schema, often off).
/// </summary>
public sealed partial class MySqlSession
{
    private LockWait _lockWait = LockWait.Default;
    private long? _lockWaitSet;
    private long? _lockWaitDefault;

    public Task BeginStepAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        _lockWait = step.LockWait;
        return Task.CompletedTask;
    }

    private async Task ExecuteWithLockWaitAsync(Statement statement, CancellationToken ct)
    {
        _lockWaitDefault ??= Convert.ToInt64(await ScalarAsync("SELECT @@SESSION.lock_wait_timeout", ct), CultureInfo.InvariantCulture);
        var limited = statement.Traits.WaitQueuesWrites && _lockWait.Timeout > TimeSpan.Zero;
        var seconds = limited ? Math.Max(1, (long)Math.Ceiling(_lockWait.Timeout.TotalSeconds)) : _lockWaitDefault.Value;
        if (_lockWaitSet != seconds)
        {
            await ExecuteAsync($"SET SESSION lock_wait_timeout = {seconds}", ct);
            _lockWaitSet = seconds;
        }
        try
        {
            await ExecuteAsync(statement.Text, ct);
        }
        catch (MySqlException e) when (limited && e.ErrorCode == MySqlErrorCode.LockWaitTimeout)
        {
            throw new StatementLockTimeoutException(await LockMessageAsync(statement, seconds), e);
        }
    }

    private async Task<string> LockMessageAsync(Statement statement, long seconds)
    {
        var text = new StringBuilder($"it waited {seconds} s (lock_wait_timeout) for the metadata lock");
        if (statement.Traits.Table is { } table) text.Append(" on ").Append(PrintableText.Escape(table));
        List<string> holders;
        try
        {
            holders = await OpenTransactionsAsync();
        }
        catch (MySqlException)
        {
            holders = [];
        }
        return holders.Count == 0
            ? text.Append(" and gave up; no other session had a transaction open when it looked").ToString()
            : text.Append(", which sessions with an open transaction hold until they end: ").Append(string.Join("; ", holders)).ToString();
    }

    private async Task<List<string>> OpenTransactionsAsync()
    {
        await using var cmd = CreateCommand(
            "SELECT p.ID, p.USER, p.COMMAND, p.STATE, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), LEFT(COALESCE(p.INFO, t.trx_query), 200) " +
            "FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id " +
            "WHERE p.ID <> CONNECTION_ID() ORDER BY t.trx_started");
        await using var reader = await cmd.ExecuteReaderAsync(CancellationToken.None);
        var holders = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            var line = new StringBuilder($"connection {reader.GetValue(0)} (user '{PrintableText.Escape(Convert.ToString(reader.GetValue(1)) ?? "")}'");
            var command = reader.IsDBNull(2) ? "" : reader.GetString(2);
            line.Append(command == "Sleep" ? ", idle in its transaction" : $", {PrintableText.Escape(command)}");
            if (!reader.IsDBNull(4)) line.Append($", transaction started {reader.GetValue(4)} s ago");
            line.Append(')');
            if (!reader.IsDBNull(5))
            {
                var query = reader.GetString(5).ReplaceLineEndings("\n").Split('\n')[0].Trim();
                if (query.Length > 0) line.Append(": ").Append(PrintableText.Escape(query));
            }
            holders.Add(line.ToString());
        }
        return holders;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = CreateCommand(sql);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
