using System.Text;
using Npgsql;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The session's units for the step runner: a transaction per unit. A revision whose statements may all run in a
/// transaction is one unit with its history row; a statement that cannot (CREATE INDEX CONCURRENTLY, VACUUM, ...)
/// runs alone between units (see <see cref="PostgresStatement"/>), and what a crash can leave of it is looked up
/// in the catalog on resume.
/// </summary>
public sealed partial class PostgresSession
{
    private NpgsqlTransaction? _transaction;

    public bool TransactionalDdl => Dialect.TransactionalDdl;

    public async Task BeginUnitAsync(CancellationToken cancellationToken) =>
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);

    public async Task CommitUnitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("no unit is open");
        await transaction.CommitAsync(cancellationToken);
        _transaction = null;
        await transaction.DisposeAsync();
    }

    public async Task RollbackUnitAsync()
    {
        var transaction = _transaction;
        _transaction = null;
        _lockTimeoutSet = null;
        if (transaction is null) return;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    public Task ExecuteAsync(Statement statement, CancellationToken cancellationToken) => ExecuteWithLockTimeoutAsync(statement, cancellationToken);

    /// <summary>
    /// An index build that was killed or failed leaves an INVALID index of the name it was building: useless, and in
    /// the way of the rebuild, which would fail with "already exists". It is dropped (concurrently, as it was built)
    /// before the statement runs again.
    /// </summary>
    public async Task BeforeAloneAsync(MigrationStep step, int index, CancellationToken cancellationToken)
    {
        if (PostgresStatement.Read(step.Statements[index].Text) is not { Kind: PostgresStatementKind.CreateIndexConcurrently, Name: { } name }) return;
        if (await IndexValidAsync(name, cancellationToken) != false) return;
        step.Log?.Invoke($"dropping the invalid index {name} that an interrupted build left, before building it again");
        await using var drop = CreateCommand($"DROP INDEX CONCURRENTLY IF EXISTS {name}");
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>On resume: a concurrent build whose valid index exists, a concurrent drop whose index is gone, an enum value added.</summary>
    public async Task<bool> TookEffectAsync(MigrationStep step, int index, CancellationToken cancellationToken)
    {
        var statement = PostgresStatement.Read(step.Statements[index].Text);
        return statement switch
        {
            { Kind: PostgresStatementKind.CreateIndexConcurrently, Name: { } name } => await IndexValidAsync(name, cancellationToken) == true,
            { Kind: PostgresStatementKind.DropIndexConcurrently, Name: { } name } => await IndexValidAsync(name, cancellationToken) is null,
            { Kind: PostgresStatementKind.AddEnumValue, Name: { } type, Value: { } label } => await EnumHasLabelAsync(type, label, cancellationToken),
            _ => false,
        };
    }

    /// <summary>Null when no index has the name (as written in SQL, resolved on the session's search_path).</summary>
    private async Task<bool?> IndexValidAsync(string name, CancellationToken ct)
    {
        await using var cmd = CreateCommand("SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(@name)");
        cmd.Parameters.Add(new NpgsqlParameter("name", name));
        return await cmd.ExecuteScalarAsync(ct) as bool?;
    }

    private async Task<bool> EnumHasLabelAsync(string type, string label, CancellationToken ct)
    {
        await using var cmd = CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype(@type) AND enumlabel = @label)");
        cmd.Parameters.Add(new NpgsqlParameter("type", type));
        cmd.Parameters.Add(new NpgsqlParameter("label", label));
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The server's message with its detail and hint (what to change: max_locks_per_transaction, ...). The driver holds
    /// a detail back, since it may quote rows, and puts its own advice in its place: that is left out.
    /// </summary>
    public string Explain(Exception error)
    {
        if (error is not PostgresException e) return error.Message;
        var text = new StringBuilder($"{e.SqlState}: {e.MessageText}");
        if (!string.IsNullOrWhiteSpace(e.Detail) && !e.Detail.StartsWith("Detail redacted", StringComparison.Ordinal))
            text.Append("\ndetail: ").Append(e.Detail);
        if (!string.IsNullOrWhiteSpace(e.Hint)) text.Append("\nhint: ").Append(e.Hint);
        return text.ToString();
    }
}
