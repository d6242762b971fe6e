using MySqlConnector;
using SchemaTool.Apply;
using SchemaTool.Project;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Each online form `plan` writes for MariaDB, applied to a table of 300,000 rows while a writer inserts
/// (<see cref="MariaDbWriterProbe"/>): the server accepts the algorithm the statement names; a statement that builds
/// or rebuilds in place lets a write through while it runs; afterwards the writer's rows are all there, a second plan
/// is empty, and `rollback` gives back the tables exactly as SHOW CREATE TABLE printed them before.
/// </summary>
public sealed class MariaDbOnlineFormsTests(ITestOutputHelper output)
{
    private const int Rows = 300_000;

    private const string Base = """
        tables:
          accounts:
            columns:
              id: { type: int, primary_key: true }
          t:
            columns:
              id:         { type: bigint, primary_key: true }
              account_id: { type: int }
              amount:     { type: int }
              note:       { type: varchar(40), nullable: true }

        """;

    private const string Extra = "      extra:      { type: int, nullable: true }\n";
    private const string AmountIndex = "    indexes:\n      ix_t_amount: { columns: [amount] }\n";

    public static TheoryData<string> Kinds => new() { "create index", "drop index", "not null", "add column", "drop column", "foreign key" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_online_form_runs_as_named_lets_writes_go_on_and_rolls_back_exactly(string kind)
    {
        var (before, after, expected) = Models(kind);
        await using var db = await Scratch.CreateAsync(before);
        var tablesBefore = await db.ShowCreateAsync();
        db.Plan(after);
        var up = db.UpFile("change");
        foreach (var text in expected) Assert.Contains(text, up);

        await using var probe = new MariaDbWriterProbe(db.ConnectionString);
        await db.ApplyAsync(probe);
        await probe.DisposeAsync();

        foreach (var seen in probe.Statements) output.WriteLine(seen.ToString());
        foreach (var seen in probe.Statements)
            Assert.True(seen.WroteWhileItRan, $"a write did not go through while the statement ran: {seen}");
        foreach (var statement in db.Applied.Where(s => s.Traits.Work is TableWork.Scan or TableWork.Rewrite && s.Text.StartsWith("ALTER", StringComparison.Ordinal)))
            Assert.True(probe.Statements.Any(s => s.Statement.Text == statement.Text), $"never seen in its long phase (too fast to look at?): {statement.Text}");
        Assert.Equal(Rows + probe.RowsWritten, await db.ScalarAsync("SELECT count(*) FROM t"));
        Assert.Contains("no changes: the database matches the model", db.Project.Ok("plan", "--dry-run").Out);

        db.Project.Ok("rollback", db.BaseId);

        Assert.Equal(tablesBefore, await db.ShowCreateAsync());
    }

    /// <summary>
    /// The control: the probe tells the server's own copy for a CHECK constraint (the plain form, `plan --offline`; the
    /// online form copies the table itself, see MariaDbOnlineTableCheckTests), which keeps the write waiting.
    /// </summary>
    [Fact]
    public async Task A_check_is_added_by_a_copy_that_holds_the_write_up()
    {
        await using var db = await Scratch.CreateAsync(Base);
        db.Plan(Base + "    checks:\n      ck_t_amount: \"amount >= 0\"\n", "change", "--offline");
        Assert.Contains("ADD CONSTRAINT `ck_t_amount` CHECK (amount >= 0);", db.UpFile("change"));
        Assert.DoesNotContain("RENAME TABLE", db.UpFile("change"));

        await using var probe = new MariaDbWriterProbe(db.ConnectionString);
        await db.ApplyAsync(probe);
        await probe.DisposeAsync();

        var seen = Assert.Single(probe.Statements);
        output.WriteLine(seen.ToString());
        Assert.Equal("copy to tmp table", seen.Phase);
        Assert.False(seen.WroteWhileItRan);
    }

    /// <summary>The model before and after, and what the online form's up file must contain.</summary>
    private static (string Before, string After, string[] Expected) Models(string kind) => kind switch
    {
        "create index" => (Base, Base + AmountIndex, ["ADD INDEX `ix_t_amount` (`amount`), ALGORITHM=INPLACE, LOCK=NONE"]),
        "drop index" => (Base + AmountIndex, Base, ["DROP INDEX `ix_t_amount`, ALGORITHM=INPLACE, LOCK=NONE"]),
        "not null" => (Base, Base.Replace("note:       { type: varchar(40), nullable: true }", "note:       { type: varchar(40) }"),
            ["`note` varchar(40) NOT NULL", "ALGORITHM=INPLACE, LOCK=NONE"]),
        "add column" => (Base, Base + Extra, ["ADD COLUMN `extra` int", "ALGORITHM=INSTANT"]),
        "drop column" => (Base + Extra, Base, ["DROP COLUMN `extra`, ALGORITHM=INSTANT"]),
        "foreign key" => (Base, Base + "    foreign_keys:\n      fk_t_account: { columns: [account_id], references: { table: accounts, columns: [id] } }\n",
            ["SET STATEMENT foreign_key_checks = 0 FOR ALTER TABLE `t` ADD CONSTRAINT `fk_t_account`", "ALGORITHM=INPLACE, LOCK=NONE", "BEGIN NOT ATOMIC"]),
        _ => throw new ArgumentException(kind),
    };

    /// <summary>A database with the base model applied by the tool and <see cref="Rows"/> rows in t.</summary>
    private sealed class Scratch : IAsyncDisposable
    {
        private readonly MariaDbServer _server = MariaDbServer.Shared;
        private string _name = "";
        private string _url = "";

        public ScratchProject Project { get; private set; } = null!;
        public string BaseId { get; private set; } = "";
        public string ConnectionString => _server.ConnectionString(_name);
        public IReadOnlyList<Statement> Applied { get; private set; } = [];

        public static async Task<Scratch> CreateAsync(string model)
        {
            var scratch = new Scratch();
            scratch._name = await scratch._server.CreateDatabaseAsync("onlineforms");
            scratch._url = scratch._server.Url(scratch._name);
            scratch.Project = new ScratchProject(scratch._url);
            scratch.Plan(model, "base");
            scratch.Project.Ok("apply");
            await scratch.ExecuteAsync("INSERT INTO accounts SELECT seq FROM seq_1_to_100");
            await scratch.ExecuteAsync($"INSERT INTO t (id, account_id, amount, note) SELECT seq, 1 + seq % 100, seq, CONCAT('row ', seq) FROM seq_1_to_{Rows}");
            await scratch.ExecuteAsync("ANALYZE TABLE t, accounts");
            scratch.BaseId = (await scratch.Project.AppliedAsync()).Single();
            return scratch;
        }

        public void Plan(string model, string message = "change", params string[] options)
        {
            File.WriteAllText(Path.Combine(Project.Dir, "schema", "tables.yaml"), model);
            Project.Ok(["plan", "-m", message, .. options]);
        }

        public string UpFile(string message) => File.ReadAllText(Directory.GetFiles(Project.Migrations, $"*_{message}.up.sql").Single());

        public async Task ApplyAsync(MariaDbWriterProbe probe)
        {
            var workspace = Workspace.Open(Project.Dir, _url);
            await using var session = await workspace.ConnectAsync(CancellationToken.None);
            probe.Session = session;
            var recorder = new Recorder(probe);
            var options = new MigratorOptions(TimeSpan.FromSeconds(30), Observer: recorder);
            await workspace.CreateMigrator(session, RevisionFolder.Load(Project.Migrations), options).ApplyAsync("head", CancellationToken.None);
            Applied = recorder.Statements;
        }

        /// <summary>Each table's SHOW CREATE TABLE.</summary>
        public async Task<string> ShowCreateAsync()
        {
            await using var connection = await OpenAsync();
            var tables = new List<string>();
            foreach (var table in new[] { "accounts", "t" })
            {
                await using var cmd = new MySqlCommand($"SHOW CREATE TABLE `{table}`", connection);
                await using var reader = await cmd.ExecuteReaderAsync();
                await reader.ReadAsync();
                tables.Add(reader.GetString(1));
            }
            return string.Join("\n", tables);
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var cmd = new MySqlCommand(sql, connection);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var cmd = new MySqlCommand(sql, connection);
            await cmd.ExecuteNonQueryAsync();
        }

        private async Task<MySqlConnection> OpenAsync()
        {
            var connection = new MySqlConnection(ConnectionString);
            await connection.OpenAsync();
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            Project?.Dispose();
            await _server.DropDatabaseAsync(_name);
        }
    }

    /// <summary>Passes each point on to the probe and keeps the statements the apply ran.</summary>
    private sealed class Recorder(IStepObserver inner) : IStepObserver
    {
        public List<Statement> Statements { get; } = [];

        public Task AtAsync(StepPoint point, MigrationStep step, int index, CancellationToken cancellationToken)
        {
            if (point == StepPoint.BeforeStatement && step.Direction == Direction.Up) Statements.Add(step.Statements[index]);
            return inner.AtAsync(point, step, index, cancellationToken);
        }
    }
}
