using System.Data.Common;
using MySqlConnector;
using Npgsql;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Project;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// A fault at every point of a revision step, on real databases: before each statement, after it (where progress is
/// reported), before the history write, before the commit. The points are those a clean run of the revision passes
/// (recorded first), and each gets each fault: an IOException (a full disk under the progress output), an exception
/// that is a bug (it must still roll back, and keep its type), and on a server the connection killed from another
/// session. Afterwards the history and the schema agree: on SQLite and PostgreSQL nothing of the revision is
/// committed; where it runs in parts (MariaDB, PostgreSQL with CREATE INDEX CONCURRENTLY) its row says exactly how
/// far it got (or one statement less, for a statement that ran while its progress could not be written: the
/// resume must find it done); the same with a check added NOT VALID and validated in a transaction of its own, as
/// the online forms write it. Then `apply` finishes it, every statement taking effect exactly once.
/// </summary>
public sealed class StepFaultTests(ITestOutputHelper output)
{
    private const string First = "CREATE TABLE a (id int NOT NULL PRIMARY KEY)";

    public static TheoryData<string, string> Cases => new()
    {
        { "sqlite", "plain" },
        { "postgres", "plain" },
        { "postgres", "concurrently" },
        { "postgres", "validate" },
        { "mysql", "plain" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_fault_at_any_point_leaves_history_and_schema_in_agreement_and_apply_finishes(string dialect, string variant)
    {
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
        var line = Line.For(variant);
        project.Add("1", "", First + ";", "DROP TABLE a;", "a");
        var id = project.Add("2", "1", string.Join(";\n", line.Up) + ";", string.Join(";\n", line.Down) + ";", "under test", minute: 1);
        await ApplyAsync(project, database, "000000000001", null);

        var recorder = new Recorder();
        await ApplyAsync(project, database, "head", recorder);
        Assert.Equal(line.After(line.Up.Length), await FactsAsync(project, database));
        project.Ok("rollback", "000000000001", "--database", database);

        var faults = dialect == "sqlite" ? new[] { Fault.Disk, Fault.Bug } : [Fault.Disk, Fault.Bug, Fault.Kill];
        var cases = 0;
        foreach (var (point, index) in recorder.Points)
        foreach (var fault in faults)
        {
            var context = $"{dialect}/{variant}: {fault} at {point} {index}";
            var injector = new Injector(point, index, fault);
            var error = await Record.ExceptionAsync(() => ApplyAsync(project, database, "head", injector));
            Assert.True(injector.Fired, $"{context}: the point was not reached");
            Assert.NotNull(error);
            if (fault == Fault.Bug) Assert.IsType<BugException>(error);
            else Assert.True(error is StepFailedException, $"{context}: {error}");
            if (fault == Fault.Disk) Assert.Contains("No space left on device", error.Message);

            var row = (await project.HistoryAsync(database)).SingleOrDefault(r => r.Revision == id);
            var facts = await FactsAsync(project, database);
            if (row is null)
                Assert.True(facts == line.After(0), $"{context}: no history row, but the schema is {facts}");
            else
            {
                Assert.True(line.RunsInParts(dialect), $"{context}: a row {row} where the revision is one transaction");
                Assert.False(row.Complete, $"{context}: {row}");
                var done = row.StatementsDone;
                Assert.True(facts == line.After(done) || facts == line.After(done + 1),
                    $"{context}: the row says {done} of {row.StatementsTotal} done, the schema is {facts}");
                output.WriteLine($"{context}: half-applied at {done}{(facts == line.After(done) ? "" : " (+1 ran)")}: {FirstLine(error.Message)}");
            }

            await ApplyAsync(project, database, "head", null);
            Assert.Equal(line.After(line.Up.Length), await FactsAsync(project, database));
            Assert.All(await project.HistoryAsync(database), r => Assert.True(r.Complete, r.ToString()));
            project.Ok("rollback", "000000000001", "--database", database);
            cases++;
        }
        output.WriteLine($"{dialect}/{variant}: {cases} faults at {recorder.Points.Count} points");
    }

    /// <summary>
    /// The reported bug, end to end: `apply` on SQLite with its output on a full disk. The progress line of the second
    /// statement fails to print; the revision must be rolled back whole (it was committed half, with no history row).
    /// </summary>
    [Fact]
    public async Task Sqlite_apply_whose_progress_output_fails_commits_nothing_of_the_revision()
    {
        using var project = new ScratchProject();
        project.Add("1", "", First + ";", "DROP TABLE a;", "a");
        var id = project.Add("2", "1", "CREATE TABLE b (id int NOT NULL PRIMARY KEY);\nCREATE TABLE c (id int NOT NULL PRIMARY KEY);",
            "DROP TABLE c;\nDROP TABLE b;", "two tables", minute: 1);
        var stdout = new FullDiskWriter("[2/2]");
        var stderr = new StringWriter();

        var code = SchemaTool.Cli.CommandLine.Run(["apply", "--project", project.Dir, "--no-color"], stdout, stderr);

        Assert.True(code == 3, $"exit {code}\n{stderr}");
        Assert.Contains($"revision {id} stopped after statement 2 of 2", stderr.ToString());
        Assert.Contains("No space left on device", stderr.ToString());
        Assert.Contains("rolled back whole", stderr.ToString());
        Assert.Equal(["000000000001"], await project.AppliedAsync());
        Assert.Equal(["a"], await project.TablesAsync());
        project.Ok("apply");
        Assert.Equal(["a", "b", "c"], await project.TablesAsync());
    }

    /// <summary>Standard output on a full disk: writing a line that contains <paramref name="failOn"/> throws, once.</summary>
    private sealed class FullDiskWriter(string failOn) : StringWriter
    {
        private bool _failed;

        public override void WriteLine(string? value)
        {
            if (!_failed && value?.Contains(failOn, StringComparison.Ordinal) == true)
            {
                _failed = true;
                throw new IOException("No space left on device");
            }
            base.WriteLine(value);
        }

        public override void Write(string? value)
        {
            if (!_failed && value?.Contains(failOn, StringComparison.Ordinal) == true)
            {
                _failed = true;
                throw new IOException("No space left on device");
            }
            base.Write(value);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static async Task ApplyAsync(ScratchProject project, string database, string target, IStepObserver? observer)
    {
        var workspace = Workspace.Open(project.Dir, database);
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        if (observer is Injector injector) injector.Session = session;
        var options = new MigratorOptions(TimeSpan.FromSeconds(30), Progress: observer as IProgress<StatementProgress>, Observer: observer);
        await workspace.CreateMigrator(session, RevisionFolder.Load(project.Migrations), options).ApplyAsync(target, CancellationToken.None);
    }

    /// <summary>What the revision under test has done: table b, its rows, index ix_b, table c, check ck_b (PostgreSQL: none, added, validated).</summary>
    private sealed record Facts(bool B, long Rows, bool Index, bool C, string Check = "none")
    {
        public override string ToString() => $"b={B} rows={Rows} ix_b={Index} c={C} ck_b={Check}";
    }

    private static async Task<Facts> FactsAsync(ScratchProject project, string database)
    {
        await using var session = await project.ConnectAsync(database);
        var schema = await session.IntrospectAsync(CancellationToken.None);
        var b = schema.FindTable("b");
        long rows = 0;
        if (b is not null)
        {
            await using var count = session.CreateCommand("SELECT count(*) FROM b");
            rows = Convert.ToInt64(await count.ExecuteScalarAsync());
        }
        var check = "none";
        if (session.Dialect.Name == "postgres")
        {
            await using var validated = session.CreateCommand("SELECT convalidated FROM pg_constraint WHERE conname = 'ck_b'");
            check = await validated.ExecuteScalarAsync() switch { true => "validated", false => "added", _ => "none" };
        }
        return new Facts(b is not null, rows, b?.Indexes.Any(i => i.Name == "ix_b") == true, schema.FindTable("c") is not null, check);
    }

    /// <summary>The revision under test and what each prefix of its statements makes.</summary>
    private sealed record Line(string[] Up, string[] Down, Facts[] Prefixes)
    {
        public Facts After(int statements) => Prefixes[statements];

        public bool RunsInParts(string dialect) => dialect == "mysql" || Up.Any(s => s.Contains("CONCURRENTLY") || s.Contains("VALIDATE"));

        public static Line For(string variant) => variant == "validate"
            ? new Line(
                ["CREATE TABLE b (id int NOT NULL PRIMARY KEY)", "INSERT INTO b (id) VALUES (1)", "ALTER TABLE b ADD CONSTRAINT ck_b CHECK (id > 0) NOT VALID",
                 "ALTER TABLE b VALIDATE CONSTRAINT ck_b", "CREATE TABLE c (id int NOT NULL PRIMARY KEY)"],
                ["DROP TABLE c", "ALTER TABLE b DROP CONSTRAINT ck_b", "DELETE FROM b", "DROP TABLE b"],
                [new(false, 0, false, false), new(true, 0, false, false), new(true, 1, false, false), new(true, 1, false, false, "added"),
                 new(true, 1, false, false, "validated"), new(true, 1, false, true, "validated")])
            : variant == "concurrently"
            ? new Line(
                ["CREATE TABLE b (id int NOT NULL PRIMARY KEY)", "INSERT INTO b (id) VALUES (1)", "CREATE INDEX CONCURRENTLY ix_b ON b (id)",
                 "CREATE TABLE c (id int NOT NULL PRIMARY KEY)"],
                ["DROP TABLE c", "DROP INDEX CONCURRENTLY ix_b", "DELETE FROM b", "DROP TABLE b"],
                [new(false, 0, false, false), new(true, 0, false, false), new(true, 1, false, false), new(true, 1, true, false), new(true, 1, true, true)])
            : new Line(
                ["CREATE TABLE b (id int NOT NULL PRIMARY KEY)", "INSERT INTO b (id) VALUES (1)", "CREATE TABLE c (id int NOT NULL PRIMARY KEY)"],
                ["DROP TABLE c", "DELETE FROM b", "DROP TABLE b"],
                [new(false, 0, false, false), new(true, 0, false, false), new(true, 1, false, false), new(true, 1, false, true)]);
    }

    private enum Fault
    {
        /// <summary>An IOException, as when the output goes to a full disk.</summary>
        Disk,

        /// <summary>An exception that stands for a bug: not the database's, not the machine's.</summary>
        Bug,

        /// <summary>The session's connection killed from another one (pg_terminate_backend, KILL CONNECTION).</summary>
        Kill,
    }

    private sealed class BugException() : Exception("a bug in the progress output");

    /// <summary>The points a clean run passes, in order.</summary>
    private sealed class Recorder : IStepObserver
    {
        public List<(StepPoint Point, int Index)> Points { get; } = [];

        public Task AtAsync(StepPoint point, MigrationStep step, int index, CancellationToken cancellationToken)
        {
            Points.Add((point, index));
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The fault, at the first time the step reaches the point. After a statement, an exception is thrown by the
    /// progress output itself, where the full disk of the bug report threw.
    /// </summary>
    private sealed class Injector(StepPoint point, int index, Fault fault) : IStepObserver, IProgress<StatementProgress>
    {
        public IDatabaseSession? Session { get; set; }

        public bool Fired { get; private set; }

        private bool InProgressOutput => point == StepPoint.AfterStatement && fault != Fault.Kill;

        public void Report(StatementProgress value)
        {
            if (Fired || !InProgressOutput || value.Index != index) return;
            Fired = true;
            if (fault == Fault.Disk) throw new IOException("No space left on device");
            throw new BugException();
        }

        public async Task AtAsync(StepPoint at, MigrationStep step, int i, CancellationToken cancellationToken)
        {
            if (Fired || at != point || i != index || InProgressOutput) return;
            Fired = true;
            switch (fault)
            {
                case Fault.Disk:
                    throw new IOException("No space left on device");
                case Fault.Bug:
                    throw new BugException();
                default:
                    await KillAsync(Session!.Connection);
                    break;
            }
        }

        private static async Task KillAsync(DbConnection connection)
        {
            if (connection is NpgsqlConnection pg)
            {
                await using var admin = new NpgsqlConnection(PostgresServer.Shared.AdminConnectionString);
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pg.ProcessID})", admin);
                await kill.ExecuteScalarAsync();
            }
            else
            {
                var thread = ((MySqlConnection)connection).ServerThread;
                await using var admin = new MySqlConnection(MariaDbServer.Shared.AdminConnectionString);
                await admin.OpenAsync();
                await using var kill = new MySqlCommand($"KILL CONNECTION {thread}", admin);
                await kill.ExecuteNonQueryAsync();
            }
        }
    }
}
