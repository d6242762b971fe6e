using System.Globalization;
using MySqlConnector;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// What a MySQL session knows about the Galera node it is connected to (null on a server where wsrep is off),
/// and the Galera-specific rules: refuse a node that is not ready and synced, read with wsrep_sync_wait=1,
/// rerun a write that failed certification, never rerun DDL, and explain the errors only Galera gives.
/// </summary>
internal sealed record GaleraNode(string Name, string Address, string Uuid, string Mode)
{
    // Error numbers that mean something particular on a Galera node.
    public const int Deadlock = 1213;          // ER_LOCK_DEADLOCK: also a failed certification; the transaction must be rerun whole
    public const int DuplicateEntry = 1062;    // ER_DUP_ENTRY
    public const int NotPrepared = 1047;       // ER_UNKNOWN_COM_ERROR: "WSREP has not yet prepared node for application use"
    public const int PrimaryKeyRequired = 4165; // ER_GALERA_REPLICATION_NOT_SUPPORTED under wsrep_mode=REQUIRED_PRIMARY_KEY

    /// <summary>What a DDL statement says when what it makes is already there, or what it drops is already gone.</summary>
    private static readonly HashSet<int> AlreadyDoneDdl =
    [
        1050, // table exists
        1060, // duplicate column name
        1061, // duplicate key name
        1826, // duplicate foreign key constraint name
        1091, // can't drop: check that it exists
        1051, // unknown table (DROP)
        1007, // database exists
    ];

    public bool RequiresPrimaryKeys => Mode.Contains("REQUIRED_PRIMARY_KEY", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"Galera node {Name} ({Address})";

    /// <summary>
    /// Null when wsrep is off (a plain server, or MySQL, which has no such variable). On a Galera node, refuses one
    /// that is not ready, not synced or not in the primary component, naming it and saying why (exit 3), and sets
    /// wsrep_sync_wait=1 so that every read of this session (history, lock row, catalog) sees every write the
    /// cluster committed before it: without it a read on this node can miss a commit made a moment ago on another.
    /// </summary>
    public static async Task<GaleraNode?> DetectAsync(MySqlConnection connection, CancellationToken ct)
    {
        var variables = await ReadPairsAsync(connection,
            "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('wsrep_on', 'wsrep_node_name', 'wsrep_mode', 'hostname')", ct);
        if (!string.Equals(variables.GetValueOrDefault("wsrep_on"), "ON", StringComparison.OrdinalIgnoreCase))
            return null;
        var status = await ReadPairsAsync(connection,
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_status', 'wsrep_gcomm_uuid', 'wsrep_cluster_size')", ct);
        var settings = new MySqlConnectionStringBuilder(connection.ConnectionString);
        var address = $"{settings.Server}:{settings.Port}";
        var node = new GaleraNode(
            variables.GetValueOrDefault("wsrep_node_name") is { Length: > 0 } name ? name : variables.GetValueOrDefault("hostname", "?"),
            address, status.GetValueOrDefault("wsrep_gcomm_uuid", ""), variables.GetValueOrDefault("wsrep_mode", ""));

        var ready = status.GetValueOrDefault("wsrep_ready", "?");
        var state = status.GetValueOrDefault("wsrep_local_state_comment", "?");
        var component = status.GetValueOrDefault("wsrep_cluster_status", "?");
        var problems = new List<string>();
        if (!ready.Equals("ON", StringComparison.OrdinalIgnoreCase)) problems.Add($"wsrep_ready is {ready}");
        if (!state.Equals("Synced", StringComparison.OrdinalIgnoreCase)) problems.Add($"its state is {state}, not Synced");
        if (!component.Equals("Primary", StringComparison.OrdinalIgnoreCase)) problems.Add($"it is in a {component} component, cut off from the cluster's majority");
        if (problems.Count > 0)
            throw new DatabaseException(
                $"{node} is not ready for migrations ({string.Join("; ", problems)}): it is not synced with the cluster, " +
                "so it may lack recent changes or refuse writes. Nothing was changed; point --database at a synced node, " +
                "or wait until this one reports wsrep_local_state_comment=Synced");

        await using var syncWait = new MySqlCommand("SET SESSION wsrep_sync_wait = 1", connection);
        await syncWait.ExecuteNonQueryAsync(ct);
        return node;
    }

    /// <summary>Plan warnings: every ALTER (and any DDL) runs as total order isolation on a Galera cluster.</summary>
    public IReadOnlyList<string> StatementWarnings(IReadOnlyList<string> statements)
    {
        var alters = statements.Count(s => FirstWords(s).StartsWith("ALTER TABLE", StringComparison.OrdinalIgnoreCase)
                                           || FirstWords(s).StartsWith("CREATE INDEX", StringComparison.OrdinalIgnoreCase)
                                           || FirstWords(s).StartsWith("CREATE UNIQUE INDEX", StringComparison.OrdinalIgnoreCase)
                                           || FirstWords(s).StartsWith("DROP INDEX", StringComparison.OrdinalIgnoreCase));
        if (alters == 0) return [];
        return [$"{this}: each of the {alters} ALTER/index statement(s) of this revision runs in total order isolation, " +
                "which blocks writes on the whole cluster (every node) until it finishes; on large tables apply it in a quiet period " +
                "or use a rolling schema upgrade (wsrep_OSU_method=RSU) by hand"];
    }

    /// <summary>Tables without a primary key: warned about, and refused where the cluster requires one.</summary>
    public ModelAdvice AdviseOnModel(Schema model)
    {
        var without = model.Tables.Where(t => t.PrimaryKey is null || t.PrimaryKey.Columns.Count == 0).Select(t => t.Name).ToList();
        if (without.Count == 0) return ModelAdvice.None;
        var names = string.Join(", ", without);
        if (RequiresPrimaryKeys)
            return new ModelAdvice([], [
                $"{this} requires a primary key on every table (wsrep_mode={Mode}) and refuses to create or write tables without one " +
                $"(ERROR 4165); the model has none on: {names}. Add `primary_key: true` to a column or a `primary_key:` list to each, then plan again",
            ]);
        return new ModelAdvice([
            $"{this}: table(s) with no primary key replicate very slowly on Galera (each row change scans the whole table on every node), " +
            $"and clusters with wsrep_mode=REQUIRED_PRIMARY_KEY refuse them: {names}; give each a primary key",
        ], []);
    }

    /// <summary>
    /// Explains a statement's failure on this node: every message names the node, and a "this already exists" from
    /// DDL under the lock means two runs executed the same statement, so the lock did not hold; say so rather than
    /// letting anyone rerun it.
    /// </summary>
    public string Explain(MySqlException error)
    {
        if (AlreadyDoneDdl.Contains(error.Number))
            return $"{this}: {error.Message.TrimEnd('.')}. The history said this statement had not run, yet its change is already in the database: " +
                   "either another run executed it at the same time, which means the migration lock did not hold (please report it), " +
                   "or someone made the change by hand. It is not retried: compare the schema with the revision (`schematool status`), " +
                   "then finish or undo the statement by hand";
        if (error.Number == PrimaryKeyRequired)
            return $"{this}: {error.Message}: the cluster requires a primary key on every table (wsrep_mode={Mode}); " +
                   "give the table a primary key in the model and plan again";
        if (error.Number == NotPrepared)
            return $"{this} has left the cluster ({error.Message}): it was cut off from the majority while the revision ran. " +
                   "Run apply again against a synced node; the history says how far this revision got";
        return $"{this}: {error.Message.TrimEnd('.')}" + (IsConnectionLost(error)
            ? ". The node went away while the revision ran; run apply again against a live node of the cluster: " +
              "the history says how far this revision got, and the next run resumes there"
            : "");
    }

    public static bool IsConnectionLost(MySqlException error) =>
        error.Number is 0 or 1042 or 2006 or 2013 || error.ErrorCode is MySqlErrorCode.UnableToConnectToHost;

    /// <summary>
    /// Runs one write transaction (here always one autocommit statement) again when certification failed (1213):
    /// Galera rolled it back whole, so rerunning it is safe. Never used for DDL, which is not a transaction.
    /// </summary>
    public static async Task<T> RetryCertificationAsync<T>(Func<Task<T>> write, CancellationToken ct, int attempts = 10)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (MySqlException e) when (e.Number == Deadlock && attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt + Random.Shared.Next(30)), ct);
            }
        }
    }

    private static string FirstWords(string statement)
    {
        var lines = statement.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
        return string.Join(' ', lines).TrimStart();
    }

    private static async Task<Dictionary<string, string>> ReadPairsAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(ct))
            pairs[reader.GetString(0)] = reader.IsDBNull(1) ? "" : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture) ?? "";
        return pairs;
    }
}
