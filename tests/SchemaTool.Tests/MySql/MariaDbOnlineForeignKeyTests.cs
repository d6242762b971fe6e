using MySqlConnector;
using SchemaTool.Dialects;
using SchemaTool.Dialects.MySql;
using SchemaTool.Diff;
using SchemaTool.Model;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The statement that checks the existing rows after MariaDB's online form added a foreign key unchecked: it must
/// read them without locking them, or every writer of the table waits until it ends, as under the plain form.
/// </summary>
public sealed class MariaDbOnlineForeignKeyTests
{
    private static readonly ForeignKey Key = new("fk_events_account", new[] { "account_id" }.ToValueList(), "accounts", new[] { "id" }.ToValueList());

    [Fact]
    public async Task The_check_reads_past_a_row_another_transaction_is_inserting()
    {
        await using var db = await Database.CreateAsync();
        await using var writer = await db.OpenAsync();
        await Execute(writer, "BEGIN");
        await Execute(writer, "INSERT INTO events (id, account_id, amount) VALUES (1000, 5, 1)");

        await using var apply = await db.OpenAsync();
        // A locking read would wait for the writer's row lock: give up soon instead of after 50 s.
        await Execute(apply, "SET SESSION innodb_lock_wait_timeout = 2");
        await Execute(apply, CheckStatement());

        await Execute(writer, "COMMIT");
    }

    [Fact]
    public async Task The_check_fails_naming_the_key_when_a_row_has_no_referenced_row()
    {
        await using var db = await Database.CreateAsync();
        await using var connection = await db.OpenAsync();
        await Execute(connection, "INSERT INTO events (id, account_id, amount) VALUES (1000, 999, 1)");

        var e = await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, CheckStatement()));

        Assert.Equal("23000", e.SqlState);
        Assert.Contains("foreign key fk_events_account: rows of events reference no row of accounts", e.Message);
    }

    /// <summary>The second statement of the online form of adding <see cref="Key"/> to events, which exists with rows.</summary>
    private static string CheckStatement()
    {
        var events = new Table("events", new[] { new Column("id", "int"), new Column("account_id", "int", Nullable: true), new Column("amount", "int") }.ToValueList());
        var context = GenerationContext.OnlineFrom(new Schema([events]));
        var statements = MySqlSqlGenerator.Generate(new AddForeignKey("events", Key), context, MySqlServer.MariaDb1011);
        Assert.Equal(2, statements.Count);
        return statements[1].Text;
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
            db._name = await db._server.CreateDatabaseAsync("onlinefk");
            await using var connection = await db.OpenAsync();
            await Execute(connection, "CREATE TABLE accounts (id int PRIMARY KEY)");
            await Execute(connection, "INSERT INTO accounts SELECT seq FROM seq_1_to_100");
            await Execute(connection, "CREATE TABLE events (id int PRIMARY KEY, account_id int NULL, amount int NOT NULL, KEY ix_events_account (account_id))");
            await Execute(connection, "INSERT INTO events SELECT seq, 1 + seq % 100, seq FROM seq_1_to_500");
            return db;
        }

        public async Task<MySqlConnection> OpenAsync()
        {
            var connection = new MySqlConnection(_server.ConnectionString(_name));
            await connection.OpenAsync();
            return connection;
        }

        public async ValueTask DisposeAsync() => await _server.DropDatabaseAsync(_name);
    }
}
