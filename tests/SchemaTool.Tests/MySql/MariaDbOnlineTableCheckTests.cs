using System.Diagnostics;
using MySqlConnector;
using SchemaTool.Apply;
using SchemaTool.Planning;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;
using SchemaTool.Tests.Support;
using SchemaTool.Yaml;
using Xunit.Abstractions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// A table CHECK added to an existing MariaDB table by the online copy (a new table with the CHECK, triggers that carry
/// writes to it, the rows copied in chunks, a rename that swaps the two): writers go on while it runs and every write
/// they made is in the table afterwards; a row that breaks the CHECK stops it, naming the constraint, and a resume
/// finishes it once the row is fixed; an interruption at any statement, then apply, converges; rollback drops the
/// CHECK in place; and a table the copy cannot take exactly gets the plain ALTER, named in the plan as a copy.
/// </summary>
public sealed class MariaDbOnlineTableCheckTests(ITestOutputHelper output)
{
    private const int Rows = 50_000;

    private const string Base = """
        tables:
          mirror:
            columns:
              id:     { type: bigint, primary_key: true }
              amount: { type: int }
              fee:    { type: int }
              note:   { type: varchar(40), nullable: true }
          t:
            columns:
              id:     { type: bigint, primary_key: true, auto_increment: true }
              amount: { type: int }
              fee:    { type: int }
              note:   { type: varchar(40), nullable: true }
              twice:  { type: int, nullable: true, generated: { expression: "amount * 2", stored: false } }

        """;

    private const string WithCheck = Base + "    checks:\n      ck_t_amount: \"amount >= fee\"\n";

    [Fact]
    public void The_revision_writes_the_copy_as_plain_SQL()
    {
        var dialect = MySqlProject.Dialect;
        var plan = Planner.Create(dialect, ModelLoader.Load("before.yaml", Base), ModelLoader.Load("after.yaml", WithCheck));

        Golden.Verify("mysql/AddCheckOnlineCopy.sql", plan.UpScript + "-- ==== down ====\n\n" + plan.DownScript);
        Assert.DoesNotContain(plan.UpStatements, s => s.Statement.Traits.BlocksWrites);
        Assert.Single(plan.UpStatements, s => s.Statement.Traits.RepeatsUntilDone);
    }

    [Fact]
    public async Task Writers_go_on_during_the_copy_and_every_write_is_in_the_table_after_it()
    {
        await using var project = await LoadedAsync("tablecheck_online");
        var before = await ShowCreateAsync(project, "t");
        var revision = await project.PlanRevisionAsync(WithCheck, "check");
        Assert.Contains("RENAME TABLE `t` TO `_t_old`, `_t_new` TO `t`", revision!.UpSql);

        await using var writer = new Writer(MariaDbServer.Shared.ConnectionString(project.Database));
        writer.Start();
        await Task.Delay(300);
        await project.ApplyAsync();
        await Task.Delay(300);
        await writer.StopAsync();
        output.WriteLine($"writer: {writer.Writes} writes, longest {writer.Longest.TotalMilliseconds:0} ms");
        foreach (var deadlock in writer.Deadlocks) output.WriteLine(deadlock);

        Assert.True(writer.Writes > 20, $"the writer made only {writer.Writes} writes while apply ran");
        Assert.Empty(writer.Deadlocks);
        Assert.True(writer.Longest < TimeSpan.FromSeconds(1), $"a write waited {writer.Longest.TotalMilliseconds:0} ms");
        Assert.Equal(await ChecksumAsync(project, "mirror"), await ChecksumAsync(project, "t"));
        Assert.Contains("CONSTRAINT `ck_t_amount` CHECK (`amount` >= `fee`)", await ShowCreateAsync(project, "t"));
        await AssertNothingLeftAsync(project);
        Assert.True((await project.PlanAsync(WithCheck)).IsEmpty);

        await project.RollbackAsync(RevisionFolder.Load(project.Migrations).TopologicalOrder()[0].Id);
        Assert.Equal(WithoutAutoIncrement(before), WithoutAutoIncrement(await ShowCreateAsync(project, "t")));
    }

    [Fact]
    public async Task A_row_that_breaks_the_check_stops_the_copy_and_the_resume_finishes_it_once_fixed()
    {
        await using var project = await LoadedAsync("tablecheck_broken");
        await project.ExecuteAsync("UPDATE t SET fee = amount + 1 WHERE id = 40000");
        var revision = await project.PlanRevisionAsync(WithCheck, "check");

        var e = await Assert.ThrowsAsync<StepFailedException>(() => project.ApplyAsync());

        Assert.Contains("ck_t_amount", e.Message);
        var row = (await project.HistoryAsync()).Single(r => r.Revision == revision!.Id);
        Assert.Equal((5, false), (row.StatementsDone, row.Complete));
        // Until the revision is finished, the triggers refuse a write that breaks the CHECK, as the constraint will.
        await Assert.ThrowsAsync<MySqlException>(() => project.ExecuteAsync("INSERT INTO t (amount, fee) VALUES (1, 2)"));

        await project.ExecuteAsync("UPDATE t SET fee = 0 WHERE id = 40000");
        await project.ApplyAsync();

        Assert.All(await project.HistoryAsync(), r => Assert.True(r.Complete, r.ToString()));
        Assert.Equal(await ChecksumAsync(project, "mirror", "WHERE id <> 40000"), await ChecksumAsync(project, "t", "WHERE id <> 40000"));
        await AssertNothingLeftAsync(project);
    }

    public static TheoryData<int> StatementIndexes => new() { 0, 1, 2, 3, 4, 5, 6, 7 };

    /// <summary>
    /// The run stops right after statement <paramref name="index"/> returned, before its progress was recorded (where a
    /// SIGKILL of apply lands: the server finishes the statement it was given); apply again converges.
    /// </summary>
    [Theory]
    [MemberData(nameof(StatementIndexes))]
    public async Task An_apply_stopped_after_any_statement_converges_on_the_next_apply(int index)
    {
        await using var project = await LoadedAsync("tablecheck_stop");
        var revision = await project.PlanRevisionAsync(WithCheck, "check");
        Assert.Equal(8, MySqlProject.Dialect.Lexer.Split(revision!.UpSql).Count);

        await Assert.ThrowsAsync<Interrupted>(() => ApplyAsync(project, new StopAfter(revision.Id, index)));
        await project.ExecuteAsync("INSERT INTO t (amount, fee, note) VALUES (7, 1, 'between'); INSERT INTO mirror (id, amount, fee, note) SELECT MAX(id), 7, 1, 'between' FROM t");
        await project.ApplyAsync();

        Assert.All(await project.HistoryAsync(), r => Assert.True(r.Complete && r.StatementsDone == r.StatementsTotal, r.ToString()));
        Assert.Equal(await ChecksumAsync(project, "mirror"), await ChecksumAsync(project, "t"));
        await AssertNothingLeftAsync(project);
        Assert.True((await project.PlanAsync(WithCheck)).IsEmpty);
    }

    /// <summary>A run cancelled in the middle of the copy (some chunks done) copies again from the first chunk on the next apply.</summary>
    [Fact]
    public async Task An_apply_stopped_in_the_middle_of_the_copy_converges_on_the_next_apply()
    {
        await using var project = await LoadedAsync("tablecheck_midcopy");
        await project.PlanRevisionAsync(WithCheck, "check");

        using var cancel = new CancellationTokenSource();
        var apply = ApplyAsync(project, cancellation: cancel.Token);
        for (var i = 0; i < 3000 && !apply.IsCompleted; i++)
        {
            var copied = await project.QueryAsync("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_t_new'");
            if (Convert.ToInt64(copied[0][0]) > 0 && Convert.ToInt64((await project.QueryAsync("SELECT COUNT(*) FROM _t_new"))[0][0]) >= 10_000) break;
            await Task.Delay(5);
        }
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => apply);
        Assert.False((await project.HistoryAsync()).Single(r => r.Message == "check").Complete);

        await project.ApplyAsync();

        Assert.Equal(await ChecksumAsync(project, "mirror"), await ChecksumAsync(project, "t"));
        await AssertNothingLeftAsync(project);
    }

    /// <summary>
    /// `apply` as a process, killed with SIGKILL in the middle of the copy; the server may finish the chunk it was
    /// running. The next apply finds the new table and the triggers recorded, copies again from the first chunk, and
    /// finishes with every row.
    /// </summary>
    [Fact]
    public async Task Apply_killed_in_the_middle_of_the_copy_converges_on_the_next_apply()
    {
        await using var project = await LoadedAsync("tablecheck_kill", rows: 300_000);
        await project.PlanRevisionAsync(WithCheck, "check");
        using var scratch = new ScratchProject(MariaDbServer.Shared.Url(project.Database));
        foreach (var file in Directory.GetFiles(project.Migrations)) File.Copy(file, Path.Combine(scratch.Migrations, Path.GetFileName(file)));

        using var apply = ToolProcess.Start("apply", "--project", scratch.Dir);
        long copied = 0;
        for (var i = 0; i < 6000 && !apply.HasExited && copied < 20_000; i++)
        {
            await Task.Delay(5);
            if ((await project.QueryAsync("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_t_new'")).Count > 0)
                copied = Convert.ToInt64((await project.QueryAsync("SELECT COUNT(*) FROM _t_new"))[0][0]);
        }
        Assert.False(apply.HasExited, "apply ended before it could be killed in the middle of the copy");
        apply.Kill(entireProcessTree: true);
        await apply.WaitForExitAsync();
        output.WriteLine($"killed with {copied} rows copied");
        Assert.True(copied < 300_000, $"{copied} rows were copied before the kill");

        await project.ApplyAsync();

        Assert.All(await project.HistoryAsync(), r => Assert.True(r.Complete && r.StatementsDone == r.StatementsTotal, r.ToString()));
        Assert.Equal(await ChecksumAsync(project, "mirror"), await ChecksumAsync(project, "t"));
        await AssertNothingLeftAsync(project);
    }

    /// <summary>
    /// A chunk that gives up waiting for a writer's row lock (here after 1 s, innodb_lock_wait_timeout) is rolled back
    /// by InnoDB with its place unchanged, and runs again: the copy finishes once the writer commits.
    /// </summary>
    [Fact]
    public async Task A_chunk_rolled_back_by_a_row_lock_wait_runs_again()
    {
        await using var project = await LoadedAsync("tablecheck_rowlock");
        await project.PlanRevisionAsync(WithCheck, "check");
        await using var holder = new MySqlConnection(MariaDbServer.Shared.ConnectionString(project.Database) + ";Pooling=false");
        await holder.OpenAsync();
        Task? release = null;
        var observer = new BeforeStatement(5, async () =>
        {
            await using (var lockRow = new MySqlCommand("START TRANSACTION; SELECT id FROM t WHERE id = 5 FOR UPDATE", holder)) await lockRow.ExecuteNonQueryAsync();
            release = Task.Run(async () =>
            {
                await Task.Delay(2500);
                await using var commit = new MySqlCommand("COMMIT", holder);
                await commit.ExecuteNonQueryAsync();
            });
        });

        await using (var session = await project.OpenAsync())
        {
            await using (var wait = session.CreateCommand("SET SESSION innodb_lock_wait_timeout = 1")) await wait.ExecuteNonQueryAsync();
            var migrator = new Migrator(session, RevisionFolder.Load(project.Migrations), new MigratorOptions(TimeSpan.FromSeconds(60), Observer: observer));
            await migrator.ApplyAsync("head", CancellationToken.None);
        }
        await release!;

        Assert.All(await project.HistoryAsync(), r => Assert.True(r.Complete, r.ToString()));
        Assert.Equal(await ChecksumAsync(project, "mirror"), await ChecksumAsync(project, "t"));
        await AssertNothingLeftAsync(project);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "no primary key", Base.Replace("{ type: bigint, primary_key: true, auto_increment: true }", "{ type: bigint }"), "one-column primary key" },
        { "text primary key", Base.Replace("id:     { type: bigint, primary_key: true, auto_increment: true }", "id:     { type: varchar(20), primary_key: true }"), "integer primary key" },
        { "foreign key from it", Base + "    foreign_keys:\n      fk_t_p: { columns: [fee], references: { table: p, columns: [id] } }\n", "has foreign keys" },
        { "foreign key to it", Base.Replace("tables:\n", "tables:\n  c:\n    columns:\n      id: { type: int, primary_key: true }\n      t_id: { type: bigint }\n    foreign_keys:\n      fk_c_t: { columns: [t_id], references: { table: t, columns: [id] } }\n"), "foreign keys reference the table" },
        { "names taken", Base.Replace("tables:\n", "tables:\n  _t_new:\n    columns:\n      id: { type: int, primary_key: true }\n"), "are taken" },
        { "trigger on it", Base + "triggers:\n  trg_t:\n    table: t\n    timing: before\n    events: [insert]\n    body: \"SET NEW.note = lower(NEW.note);\"\n", "has triggers" },
    };

    /// <summary>Where the copy could not be exact, the plan keeps the plain ALTER and says that it copies the table while writes wait, and why.</summary>
    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_table_the_copy_cannot_take_exactly_gets_the_plain_alter_named_as_a_copy(string kind, string before, string reason)
    {
        var withP = before.Replace("tables:\n", "tables:\n  p:\n    columns:\n      id: { type: int, primary_key: true }\n");
        await using var project = await MySqlProject.CreateAsync("tablecheck_plain");
        await project.PlanRevisionAsync(withP, "base");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO p VALUES (1); INSERT INTO t (id, amount, fee) VALUES (1, 5, 1)");

        var withCheck = AddCheckTo(withP);
        var plan = await project.PlanAsync(withCheck);
        var statement = Assert.Single(plan.UpStatements);

        Assert.EndsWith("ALGORITHM=COPY, LOCK=SHARED", statement.Statement.Text);
        Assert.Contains("copies the table, writes waiting until it ends", statement.Statement.Note);
        Assert.Contains(reason, statement.Statement.Note);
        output.WriteLine($"{kind}: {statement.Statement.Note}");
        await project.PlanRevisionAsync(withCheck, "check");
        await project.ApplyAsync();
        Assert.True((await project.PlanAsync(withCheck)).IsEmpty);
    }

    /// <summary>
    /// The copy lists the table's columns as the revision's earlier statements leave them (a column added, an index
    /// built before it); a foreign key the revision adds after the check goes on the new table.
    /// </summary>
    [Fact]
    public async Task Columns_added_earlier_in_the_revision_are_copied_and_a_later_foreign_key_lands_on_the_new_table()
    {
        await using var project = await LoadedAsync("tablecheck_earlier");
        var changed = WithCheck.Replace("    checks:", "      status: { type: varchar(10), default: new }\n    checks:")
                      + "    indexes:\n      ix_t_fee: { columns: [fee] }\n    foreign_keys:\n      fk_t_mirror: { columns: [id], references: { table: mirror, columns: [id] } }\n";
        var revision = await project.PlanRevisionAsync(changed, "check");
        var up = revision!.UpSql;

        Assert.Contains("REPLACE INTO `_t_new` (`id`, `amount`, `fee`, `note`, `status`) VALUES", up);
        Assert.True(up.IndexOf("ADD COLUMN `status`", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE `_t_new`", StringComparison.Ordinal));
        Assert.True(up.IndexOf("RENAME TABLE", StringComparison.Ordinal) < up.IndexOf("ADD CONSTRAINT `fk_t_mirror`", StringComparison.Ordinal));
        await project.ApplyAsync();

        var create = await ShowCreateAsync(project, "t");
        Assert.Contains("KEY `ix_t_fee` (`fee`)", create);
        Assert.Contains("CONSTRAINT `fk_t_mirror` FOREIGN KEY", create);
        Assert.Contains("CONSTRAINT `ck_t_amount` CHECK", create);
        Assert.Equal(await ChecksumAsync(project, "mirror"), await ChecksumAsync(project, "t"));
        Assert.True((await project.PlanAsync(changed)).IsEmpty);
    }

    /// <summary>
    /// The copy's triggers take the table's metadata lock, as an ALTER TABLE does, so they get the short lock wait and
    /// its retries (writes queue behind a waiting CREATE TRIGGER); the chunk statement is the one that repeats.
    /// </summary>
    [Fact]
    public void The_triggers_wait_for_their_lock_briefly_and_only_the_chunk_statement_repeats()
    {
        var plan = Planner.Create(MySqlProject.Dialect, ModelLoader.Load("before.yaml", Base), ModelLoader.Load("after.yaml", WithCheck));
        var read = MySqlProject.Dialect.Classify(plan.UpStatements.Select(s => s.Statement.Text).ToList());

        Assert.All(read.Where(s => s.Text.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)), s => Assert.True(s.Traits.WaitQueuesWrites, s.Text));
        Assert.Equal(3, read.Count(s => s.Text.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)));
        Assert.Equal([false, false, false, false, false, true, false, false], read.Select(s => s.Traits.RepeatsUntilDone));
        Assert.All(read, s => Assert.False(s.Traits.BlocksWrites, s.Text));
    }

    /// <summary>`online: false` (or `plan --offline`) keeps the plain ALTER.</summary>
    [Fact]
    public void The_plain_forms_keep_the_plain_alter()
    {
        var plan = Planner.Create(MySqlProject.Dialect, ModelLoader.Load("before.yaml", Base), ModelLoader.Load("after.yaml", WithCheck), new PlanSettings(Online: false));

        var statement = Assert.Single(plan.UpStatements);
        Assert.StartsWith("ALTER TABLE `t` ADD CONSTRAINT `ck_t_amount`", statement.Statement.Text);
    }

    /// <summary>The check goes on the table after the last model table's columns: inside its own `checks:` block.</summary>
    private static string AddCheckTo(string model)
    {
        var at = model.IndexOf("triggers:", StringComparison.Ordinal);
        var tail = at < 0 ? "" : model[at..];
        var head = at < 0 ? model : model[..at];
        var lines = head.Split('\n').ToList();
        var twice = lines.FindIndex(l => l.Contains("twice:", StringComparison.Ordinal));
        var end = twice + 1;
        while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal)) end++;
        lines.Insert(end, "    checks:\n      ck_t_amount: \"amount >= fee\"");
        return string.Join('\n', lines) + tail;
    }

    /// <summary>t with the base model and <see cref="Rows"/> rows, and mirror: a table without the check that the writer keeps equal to t.</summary>
    private static async Task<MySqlProject> LoadedAsync(string prefix, int rows = Rows)
    {
        var project = await MySqlProject.CreateAsync(prefix);
        await project.PlanRevisionAsync(Base, "base");
        await project.ApplyAsync();
        await project.ExecuteAsync($"""
            INSERT INTO t (id, amount, fee, note) SELECT seq, 7 + seq % 1000, seq % 7, CONCAT('row ', seq) FROM seq_1_to_{rows};
            INSERT INTO mirror SELECT id, amount, fee, note FROM t;
            """);
        return project;
    }

    private static async Task<string> ChecksumAsync(MySqlProject project, string table, string where = "")
    {
        var rows = await project.QueryAsync($"SELECT COUNT(*), SUM(CRC32(CONCAT_WS('|', id, amount, fee, COALESCE(note, '-')))) FROM {table} {where}");
        return $"{rows[0][0]} rows, crc sum {rows[0][1]}";
    }

    private static async Task AssertNothingLeftAsync(MySqlProject project)
    {
        Assert.Empty(await project.QueryAsync("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '\\_t\\_%'"));
        Assert.Empty(await project.QueryAsync("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"));
    }

    private static async Task<string> ShowCreateAsync(MySqlProject project, string table) =>
        (string)(await project.QueryAsync($"SHOW CREATE TABLE `{table}`"))[0][1]!;

    private static string WithoutAutoIncrement(string create) =>
        System.Text.RegularExpressions.Regex.Replace(create, @" AUTO_INCREMENT=\d+", "");

    private static async Task ApplyAsync(MySqlProject project, IProgress<StatementProgress>? progress = null, CancellationToken cancellation = default)
    {
        await using var session = await project.OpenAsync();
        var migrator = new Migrator(session, RevisionFolder.Load(project.Migrations), new MigratorOptions(TimeSpan.FromSeconds(60), Progress: progress));
        await migrator.ApplyAsync("head", cancellation);
    }

    private sealed class Interrupted() : Exception("stopped right after the statement returned");

    /// <summary>Runs <c>action</c> once, before statement <c>index</c> of the up direction.</summary>
    private sealed class BeforeStatement(int index, Func<Task> action) : IStepObserver
    {
        private bool _done;

        public async Task AtAsync(StepPoint point, MigrationStep step, int at, CancellationToken cancellationToken)
        {
            if (_done || point != StepPoint.BeforeStatement || step.Direction != Direction.Up || at != index) return;
            _done = true;
            await action();
        }
    }

    /// <summary>Throws once statement <c>index</c> of the revision has run: between the statement and its progress update.</summary>
    private sealed class StopAfter(string revision, int index) : IProgress<StatementProgress>
    {
        private readonly string _revision = revision;

        public void Report(StatementProgress value)
        {
            if (value.Index == index && value.Total == 8 && _revision.Length > 0) throw new Interrupted();
        }
    }

    /// <summary>
    /// Inserts, updates, key changes and deletes of rows of t every few milliseconds, each time doing the same to mirror in the same
    /// transaction, so that mirror is what t must hold; keeps the longest write.
    /// </summary>
    private sealed class Writer(string connectionString) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task? _loop;

        public int Writes { get; private set; }
        public List<string> Deadlocks { get; } = [];
        public TimeSpan Longest { get; private set; }

        public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

        private async Task RunAsync(CancellationToken ct)
        {
            await using var connection = new MySqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync(ct);
            var random = new Random(22);
            while (!ct.IsCancellationRequested)
            {
                var id = random.Next(1, Rows);
                var sql = (Writes % 4) switch
                {
                    3 => $"START TRANSACTION; UPDATE t SET id = -id WHERE id = {id}; UPDATE mirror SET id = -id WHERE id = {id}; COMMIT",
                    0 => "START TRANSACTION; INSERT INTO t (amount, fee, note) VALUES (5, 1, 'new'); INSERT INTO mirror (id, amount, fee, note) VALUES (LAST_INSERT_ID(), 5, 1, 'new'); COMMIT",
                    1 => $"START TRANSACTION; UPDATE t SET note = 'updated', amount = amount + 1 WHERE id = {id}; UPDATE mirror SET note = 'updated', amount = amount + 1 WHERE id = {id}; COMMIT",
                    _ => $"START TRANSACTION; DELETE FROM t WHERE id = {id}; DELETE FROM mirror WHERE id = {id}; COMMIT",
                };
                var clock = Stopwatch.StartNew();
                try
                {
                    await using (var cmd = new MySqlCommand(sql, connection)) await cmd.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.LockDeadlock)
                {
                    Deadlocks.Add(sql);
                    await using (var rollback = new MySqlCommand("ROLLBACK", connection)) await rollback.ExecuteNonQueryAsync(CancellationToken.None);
                    await using var status = new MySqlCommand("SHOW ENGINE INNODB STATUS", connection);
                    await using var reader = await status.ExecuteReaderAsync(CancellationToken.None);
                    await reader.ReadAsync(CancellationToken.None);
                    var text = reader.GetString(2);
                    var at = text.IndexOf("LATEST DETECTED DEADLOCK", StringComparison.Ordinal);
                    Deadlocks.Add(at < 0 ? text : text[at..Math.Min(text.Length, at + 6000)]);
                }
                if (clock.Elapsed > Longest) Longest = clock.Elapsed;
                Writes++;
                await Task.Delay(5, CancellationToken.None);
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            if (_loop is not null) await _loop;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }
    }
}
