using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using Npgsql;

namespace SchemaTool.Bench;

/// <summary>
/// The writer of the online-DDL benchmark: on one connection, every interval, an INSERT of a new row and an UPDATE
/// of an existing one (autocommit, as an application's short transactions), until the stop file appears. Each
/// statement's latency is kept; the longest is the writer's longest stall. Prints one line of key=value pairs and,
/// with --trace, every statement slower than 50 ms with its start time since the writer began.
/// </summary>
internal static class OnlineWriter
{
    public static async Task<int> RunAsync(Options options)
    {
        var dialect = options.Required("dialect");
        var connectionString = options.Required("connection");
        var stopFile = options.Required("stop");
        var interval = TimeSpan.FromMilliseconds(options.Int("interval-ms", 5));
        var rows = options.Int("rows", 1_000);
        var accounts = options.Int("accounts", 1_000);
        var trace = options.String("trace");

        await using DbConnection connection = dialect == "postgres" ? new NpgsqlConnection(connectionString) : new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var (insert, update) = Commands(connection, dialect);
        var random = new Random(7);
        var latencies = new List<double>();
        var slow = new List<string>();
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        var failures = 0;
        while (!File.Exists(stopFile))
        {
            foreach (var (command, set) in new[] { (insert, (Action<DbCommand>)(c => SetInsert(c, random, accounts))), (update, c => SetUpdate(c, random, rows)) })
            {
                set(command);
                var start = clock.Elapsed;
                try { await command.ExecuteNonQueryAsync(); }
                catch (DbException e)
                {
                    failures++;
                    slow.Add($"{start.TotalSeconds:0.000}s failed: {e.Message}");
                }
                var ms = (clock.Elapsed - start).TotalMilliseconds;
                latencies.Add(ms);
                if (ms >= 50) slow.Add(string.Create(CultureInfo.InvariantCulture, $"{start.TotalSeconds:0.000}s {command.CommandText.Split(' ')[0]} {ms:0} ms"));
            }
            next += interval;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            else next = clock.Elapsed;
        }
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"statements={latencies.Count} failures={failures} seconds={clock.Elapsed.TotalSeconds:0.0} max_ms={P(1):0} p99_ms={P(0.99):0.0} p50_ms={P(0.5):0.0} over_100ms={latencies.Count(l => l >= 100)}"));
        if (trace is not null) await File.WriteAllLinesAsync(trace, slow);
        return 0;
    }

    private static (DbCommand Insert, DbCommand Update) Commands(DbConnection connection, string dialect)
    {
        // No command timeout: a statement waits as long as the revision keeps it waiting, which is what is measured.
        var insert = connection.CreateCommand();
        insert.CommandTimeout = 0;
        insert.CommandText = "INSERT INTO events (account_id, amount, note) VALUES (@account, @amount, 'writer')";
        insert.Parameters.Add(Parameter(insert, "@account"));
        insert.Parameters.Add(Parameter(insert, "@amount"));
        var update = connection.CreateCommand();
        update.CommandTimeout = 0;
        update.CommandText = "UPDATE events SET amount = amount + 1 WHERE id = @id";
        update.Parameters.Add(Parameter(update, "@id"));
        return (insert, update);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = 0;
        return p;
    }

    private static void SetInsert(DbCommand command, Random random, int accounts)
    {
        command.Parameters[0].Value = random.Next(1, accounts + 1);
        command.Parameters[1].Value = random.Next(0, 1000);
    }

    private static void SetUpdate(DbCommand command, Random random, int rows) => command.Parameters[0].Value = (long)random.Next(1, rows + 1);
}
