using MySqlConnector;
using SchemaTool.Dialects;
using SchemaTool.Dialects.MySql;
using SchemaTool.Diff;
using SchemaTool.Model;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Why the online plan adds a CHECK constraint to an existing MariaDB table by copying it: the server allows no other
/// form, not even with the rows left unchecked. If a server version starts to accept one, this test fails, and the
/// plan should use it.
/// </summary>
public sealed class MariaDbOnlineCheckTests
{
    private const string Add = "ALTER TABLE events ADD CONSTRAINT ck_events_amount CHECK (amount >= 0)";

    [Theory]
    [InlineData(Add + ", ALGORITHM=INSTANT")]
    [InlineData(Add + ", ALGORITHM=NOCOPY")]
    [InlineData(Add + ", ALGORITHM=INPLACE")]
    [InlineData(Add + ", ALGORITHM=INPLACE, LOCK=NONE")]
    [InlineData(Add + ", LOCK=NONE")]
    [InlineData(Add + ", ALGORITHM=COPY, LOCK=NONE")]
    [InlineData("SET STATEMENT check_constraint_checks = 0 FOR " + Add + ", ALGORITHM=INSTANT")]
    [InlineData("SET STATEMENT check_constraint_checks = 0 FOR " + Add + ", ALGORITHM=INPLACE, LOCK=NONE")]
    public async Task The_server_refuses_every_form_that_lets_writes_go_on(string statement)
    {
        await using var db = await Database.CreateAsync();
        await using var connection = await db.OpenAsync();

        var e = await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, statement));

        // ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON): the algorithm or lock asked for is not available for it.
        Assert.Contains(e.Number, new[] { 1845, 1846 });
        Assert.Equal(0L, await db.ChecksAsync(connection));
    }

    [Fact]
    public async Task The_online_plan_names_the_copy_and_the_server_runs_it()
    {
        await using var db = await Database.CreateAsync();
        await using var connection = await db.OpenAsync();
        var check = new Check("ck_events_amount", "amount >= 0");
        var events = new Table("events", new[] { new Column("id", "int"), new Column("amount", "int") }.ToValueList());

        var statement = MySqlSqlGenerator.Generate(new AddCheck("events", check), GenerationContext.OnlineFrom(new Schema([events])), MySqlServer.MariaDb1011).Single();
        await Execute(connection, statement.Text);

        Assert.EndsWith("ALGORITHM=COPY, LOCK=SHARED", statement.Text);
        Assert.True(statement.Traits.BlocksWrites);
        Assert.StartsWith("copies the table, writes waiting until it ends", statement.Note);
        Assert.Equal(1L, await db.ChecksAsync(connection));
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var cmd = new MySqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class Database : IAsyncDisposable
    {
        private readonly MariaDbServer _server = MariaDbServer.Shared;
        private string _name = "";

        public static async Task<Database> CreateAsync()
        {
            var db = new Database();
            db._name = await db._server.CreateDatabaseAsync("onlinecheck");
            await using var connection = await db.OpenAsync();
            await Execute(connection, "CREATE TABLE events (id int PRIMARY KEY, amount int NOT NULL)");
            await Execute(connection, "INSERT INTO events SELECT seq, seq FROM seq_1_to_500");
            return db;
        }

        public async Task<MySqlConnection> OpenAsync()
        {
            var connection = new MySqlConnection(_server.ConnectionString(_name));
            await connection.OpenAsync();
            return connection;
        }

        public async Task<long> ChecksAsync(MySqlConnection connection)
        {
            await using var cmd = new MySqlCommand(
                "SELECT count(*) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'events'", connection);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }

        public async ValueTask DisposeAsync() => await _server.DropDatabaseAsync(_name);
    }
}
