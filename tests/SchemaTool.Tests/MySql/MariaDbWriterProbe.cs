using System.Diagnostics;
using MySqlConnector;
using SchemaTool.Apply;
using SchemaTool.Dialects;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// What each ALTER TABLE of an apply does to a writer of <c>t</c>, seen from the server. While a statement is in its
/// long phase (PROCESSLIST state "altering table" for an in-place build, "copy to tmp table" for a copy), the probe
/// inserts a row from another session that gives up after a second, then looks whether the same statement is still
/// running: a write that went through while it ran shows that the statement let writes go on.
/// </summary>
internal sealed class MariaDbWriterProbe(string connectionString) : IStepObserver, IAsyncDisposable
{
    private static readonly string[] LongPhases = ["altering table", "copy to tmp table"];
    private readonly CancellationTokenSource _stop = new();
    private volatile Running? _current;
    private Task? _loop;
    private int _nextId = 1_000_000;

    public IDatabaseSession? Session { get; set; }

    /// <summary>One sample per statement that reached its long phase.</summary>
    public List<Seen> Statements { get; } = [];

    /// <summary>Rows the probe inserted, all of which must be in t afterwards.</summary>
    public int RowsWritten { get; private set; }

    public Task AtAsync(StepPoint point, MigrationStep step, int index, CancellationToken cancellationToken)
    {
        if (step.Direction != Direction.Up) return Task.CompletedTask;
        if (point == StepPoint.BeforeStatement)
        {
            _current = new Running(step.Statements[index], ((MySqlConnection)Session!.Connection).ServerThread);
            _loop ??= Task.Run(() => WatchAsync(_stop.Token));
        }
        else if (point == StepPoint.AfterStatement) _current = null;
        return Task.CompletedTask;
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        await using var monitor = await OpenAsync();
        await using var writer = await OpenAsync();
        await ExecuteAsync(writer, "SET SESSION lock_wait_timeout = 1, innodb_lock_wait_timeout = 1");
        var sampled = new HashSet<Statement>(ReferenceEqualityComparer.Instance);
        while (!ct.IsCancellationRequested)
        {
            if (_current is { } running && !sampled.Contains(running.Statement)
                && await StateAsync(monitor, running.Thread) is { } state && LongPhases.Contains(state.Phase))
            {
                sampled.Add(running.Statement);
                var clock = Stopwatch.StartNew();
                var wentThrough = await TryInsertAsync(writer);
                var took = clock.Elapsed;
                var after = await StateAsync(monitor, running.Thread);
                Statements.Add(new Seen(running.Statement, state.Phase, wentThrough, took, after?.Query == state.Query));
            }
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private async Task<bool> TryInsertAsync(MySqlConnection writer)
    {
        var id = Interlocked.Increment(ref _nextId);
        try
        {
            await ExecuteAsync(writer, $"INSERT INTO t (id, account_id, amount, note) VALUES ({id}, 1, {id}, 'writer')");
            RowsWritten++;
            return true;
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.LockWaitTimeout)
        {
            return false;
        }
    }

    private static async Task<(string Phase, string Query)?> StateAsync(MySqlConnection monitor, int thread)
    {
        await using var cmd = new MySqlCommand("SELECT STATE, INFO FROM information_schema.PROCESSLIST WHERE ID = @id AND INFO IS NOT NULL", monitor);
        cmd.Parameters.AddWithValue("id", thread);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var cmd = new MySqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Stops watching; safe to call twice (the tests stop it before they look at what it saw).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    /// <summary>A statement in its long phase, whether the write went through, how long it took, and whether the statement still ran afterwards.</summary>
    public sealed record Seen(Statement Statement, string Phase, bool WriteWentThrough, TimeSpan Took, bool StillRunningAfter)
    {
        public bool WroteWhileItRan => WriteWentThrough && StillRunningAfter;

        public override string ToString() =>
            $"{Statement.Text.Split('\n')[0]} | {Phase} | a write {(WriteWentThrough ? "went through" : "gave up")} after {Took.TotalMilliseconds:0} ms" +
            $"{(StillRunningAfter ? ", the statement still running" : ", the statement done by then")}";
    }

    private sealed record Running(Statement Statement, int Thread);
}
