using System.Data.Common;
using System.Diagnostics;
using Npgsql;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresSession
{
    private NpgsqlTransaction? _transaction;

    /// <summary>One transaction per revision: its statements and its history row commit together, or nothing does.</summary>
    public async Task RunStepAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var total = step.Statements.Count;
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        _transaction = transaction;
        var index = step.StartAt;
        try
        {
            for (; index < total; index++)
            {
                await using (var cmd = CreateCommand(step.Statements[index]))
                    await cmd.ExecuteNonQueryAsync(cancellationToken);
                step.Progress?.Report(new StatementProgress(index, total, step.Statements[index], clock.Elapsed));
            }
            if (step.Direction == Direction.Up)
                await step.History.InsertAsync(step.Revision, total, total, complete: true, clock.ElapsedMilliseconds, cancellationToken);
            else
                await step.History.DeleteAsync(step.Revision.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (index < total) throw StepFailedException.For(step, index, e, rolledBack: true);
            throw new DatabaseException(
                $"revision {step.Revision.Id}: recording it in {step.History.Name} failed: {e.Message}; the revision was rolled back whole", e);
        }
        finally
        {
            _transaction = null;
        }
    }
}
