using SchemaTool.Planning;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresSession : ITransactionLimits
{
    /// <summary>
    /// Compares the relations each direction of the plan locks (<see cref="PostgresLockCount"/>) with the server's
    /// lock table, max_locks_per_transaction × (max_connections + max_prepared_transactions), and says how to split.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckPlanAsync(Plan plan, CancellationToken cancellationToken)
    {
        var up = PostgresLockCount.PerTable(plan.Operations, plan.Current);
        var down = PostgresLockCount.PerTable(plan.Operations.Reverse().Select(o => o.Invert()).ToList(), plan.Desired);
        var (needed, tables, direction) = up.Values.Sum() >= down.Values.Sum()
            ? (up.Values.Sum(), up.Count, "its up file")
            : (down.Values.Sum(), down.Count, "its down file");
        await using var cmd = CreateCommand(
            "SELECT current_setting('max_locks_per_transaction')::int, current_setting('max_connections')::int, current_setting('max_prepared_transactions')::int");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (perSlot, connections, prepared) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        var capacity = perSlot * (connections + prepared);
        if (needed <= capacity) return [];
        // Other sessions hold locks too: aim each part at four fifths of the table.
        var tablesPerRevision = Math.Max(1, (int)(tables * 0.8 * capacity / needed));
        var raiseTo = (int)Math.Ceiling(needed / 0.8 / (connections + prepared));
        return
        [
            $"this revision locks about {needed:N0} tables, indexes and sequences in one transaction ({direction}, {tables:N0} table(s)), " +
            $"more than the server's lock table holds: max_locks_per_transaction {perSlot} × (max_connections {connections} + " +
            $"max_prepared_transactions {prepared}) = {capacity:N0}. Apply would fail part way with \"out of shared memory\" and roll back. " +
            $"Split it: plan with part of the change in the model at a time (about {tablesPerRevision:N0} of the {tables:N0} tables a revision), " +
            $"applying each before the next plan; or raise max_locks_per_transaction to {raiseTo:N0} or more (a server restart)",
        ];
    }
}
