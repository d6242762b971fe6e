using System.Collections.Concurrent;
using Npgsql;
using SchemaTool.Apply;
using SchemaTool.Dialects;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// What each statement of an apply does to a writer of <c>t</c>, seen from the server. Before a statement runs, a
/// writer opens a transaction and inserts a row (it holds ROW EXCLUSIVE on t, as any writer does). While the
/// statement waits for that writer, or after it ran with its transaction still open, the probe reads the lock the
/// apply's backend holds or wants on t (pg_locks) and tries an insert from a third session that gives up after
/// 300 ms: it gets through unless the statement's lock conflicts with writes. Then the writer commits.
/// </summary>
internal sealed class PostgresWriterProbe(string connectionString) : IStepObserver
{
    private static readonly TimeSpan InsertPatience = TimeSpan.FromMilliseconds(300);
    private readonly ConcurrentDictionary<int, Probe> _probes = [];
    private int _nextId = 1_000_000;

    public IDatabaseSession? Session { get; set; }

    /// <summary>Per statement: its text and traits, the lock the server showed on t, and whether the third session's insert got through.</summary>
    public List<Seen> Statements { get; } = [];

    /// <summary>Rows the writers committed, all of which must be in t afterwards.</summary>
    public int RowsWritten => _rowsWritten;

    private readonly ConcurrentBag<Task> _commits = [];
    private int _rowsWritten;

    public async Task AtAsync(StepPoint point, MigrationStep step, int index, CancellationToken cancellationToken)
    {
        if (step.Direction != Direction.Up) return;
        if (point == StepPoint.BeforeStatement && !_probes.ContainsKey(index))
        {
            var pid = ((NpgsqlConnection)Session!.Connection).ProcessID;
            var writer = await OpenAsync();
            var probe = new Probe(step.Statements[index], pid, writer) { Begun = ExecuteAsync(writer, $"BEGIN; {Insert("writer")}") };
            _probes[index] = probe;
            // The writer's insert waits when the apply's transaction already holds a lock writes conflict with (from
            // the statement before): then the statement runs without the writer in its way.
            await Task.WhenAny(probe.Begun, Task.Delay(200, cancellationToken));
            probe.WhileWaiting = Task.Run(() => WhileWaitingAsync(probe));
        }
        else if (point == StepPoint.AfterStatement && _probes.TryGetValue(index, out var probe) && !probe.Finished)
        {
            probe.Finished = true;
            await probe.WhileWaiting!;
            if (probe.Seen is null) probe.Seen = await LookAsync(probe, waited: false);
            await ReleaseAsync(probe);
            Statements.Add(probe.Seen);
        }
    }

    /// <summary>When the statement waits (for the writer, or for a lock), looks then and lets the writer commit.</summary>
    private async Task WhileWaitingAsync(Probe probe)
    {
        while (!probe.Finished)
        {
            if (await WaitingAsync(probe.Pid))
            {
                probe.Seen = await LookAsync(probe, waited: true);
                await ReleaseAsync(probe);
                return;
            }
            await Task.Delay(20);
        }
    }

    private async Task<Seen> LookAsync(Probe probe, bool waited)
    {
        await using var admin = await OpenAsync();
        await using var locks = new NpgsqlCommand(
            "SELECT mode, granted FROM pg_locks WHERE pid = @pid AND locktype = 'relation' AND relation = 't'::regclass", admin);
        locks.Parameters.AddWithValue("pid", probe.Pid);
        var modes = new List<string>();
        await using (var reader = await locks.ExecuteReaderAsync())
            while (await reader.ReadAsync()) modes.Add(reader.GetString(0) + (reader.GetBoolean(1) ? "" : " (waiting)"));
        var insertWent = await TryInsertAsync();
        return new Seen(probe.Statement, waited, modes, insertWent);
    }

    private async Task<bool> TryInsertAsync()
    {
        await using var third = await OpenAsync();
        await ExecuteAsync(third, $"SET lock_timeout = '{(int)InsertPatience.TotalMilliseconds}ms'");
        try
        {
            await ExecuteAsync(third, Insert("third"));
            Interlocked.Increment(ref _rowsWritten);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>A row that keeps every constraint the tests add: a known account, a unique positive amount, a note.</summary>
    private string Insert(string note)
    {
        var id = Interlocked.Increment(ref _nextId);
        return $"INSERT INTO t (id, account_id, amount, note) VALUES ({id}, 1, {id}, '{note}')";
    }

    /// <summary>Commits the writer once its insert is done, without waiting for it here: it may wait for the apply's transaction.</summary>
    private Task ReleaseAsync(Probe probe)
    {
        if (probe.Commit is null)
        {
            probe.Commit = CommitAsync(probe);
            _commits.Add(probe.Commit);
        }
        return Task.CompletedTask;
    }

    private async Task CommitAsync(Probe probe)
    {
        await probe.Begun!;
        await ExecuteAsync(probe.Writer, "COMMIT");
        Interlocked.Increment(ref _rowsWritten);
        await probe.Writer.DisposeAsync();
    }

    /// <summary>Waits for every writer to commit (the apply has ended, so none waits for it any more).</summary>
    public Task DrainAsync() => Task.WhenAll(_commits);

    private async Task<bool> WaitingAsync(int pid)
    {
        await using var admin = await OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = @pid AND NOT granted)", admin);
        cmd.Parameters.AddWithValue("pid", pid);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One statement as the server showed it: the lock modes on t (a wanted one marked "(waiting)"), and whether a write got through meanwhile.</summary>
    public sealed record Seen(Statement Statement, bool WaitedForTheWriter, IReadOnlyList<string> Modes, bool WriteWentThrough)
    {
        /// <summary>The lock the plan said, as pg_locks names it: SHARE UPDATE EXCLUSIVE is ShareUpdateExclusiveLock.</summary>
        public string? PlannedMode => Statement.Traits.Lock is { } name
            ? string.Concat(name.Split(' ').Select(w => w[0] + w[1..].ToLowerInvariant())) + "Lock"
            : null;

        public override string ToString() =>
            $"{Statement.Text.Split('\n')[0]} | planned {Statement.Traits.Lock}, {Statement.Traits.Work} | seen [{string.Join(", ", Modes)}]" +
            $"{(WaitedForTheWriter ? " waiting for the writer" : "")} | a write {(WriteWentThrough ? "went through" : "was held up")}";
    }

    private sealed class Probe(Statement statement, int pid, NpgsqlConnection writer)
    {
        public Statement Statement => statement;
        public int Pid => pid;
        public NpgsqlConnection Writer => writer;
        public Task? WhileWaiting { get; set; }
        public volatile bool Finished;
        public Task? Begun { get; init; }
        public Task? Commit { get; set; }
        public Seen? Seen { get; set; }
    }
}
