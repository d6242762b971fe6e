using System.Data.Common;
using System.Diagnostics;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlSession
{
    /// <summary>
    /// MySQL commits each DDL statement as it runs, so a revision cannot be rolled back whole. Instead the
    /// history row is written before the first statement and advanced after each one: a failure leaves a row
    /// that says exactly how far the revision got, and the next apply resumes there.
    /// </summary>
    public Task RunStepAsync(MigrationStep step, CancellationToken cancellationToken) =>
        step.Direction == Direction.Up ? RunUpAsync(step, cancellationToken) : RunDownAsync(step, cancellationToken);

    private async Task RunUpAsync(MigrationStep step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var revision = step.Revision;
        var total = step.Statements.Count;
        var checksum = revision.Checksum;
        var rows = await step.History.ReadAsync(ct);
        if (rows.All(r => r.Revision != revision.Id))
            await RetryOnCertificationAsync(() => step.History.InsertAsync(revision, step.StartAt, total, complete: false, 0, ct), ct);
        for (var i = step.StartAt; i < total; i++)
        {
            await RunStatementAsync(step, i, clock, ct);
            await RetryOnCertificationAsync(() => step.History.UpdateProgressAsync(revision.Id, i + 1, complete: false, clock.ElapsedMilliseconds, checksum, ct), ct);
        }
        // The row now describes the file that was run to its end, even when an edited file finished it.
        await RetryOnCertificationAsync(() => step.History.UpdateProgressAsync(revision.Id, total, complete: true, clock.ElapsedMilliseconds, checksum, ct), ct);
    }

    /// <summary>
    /// A down file undoes its up file operation by operation, one statement each (see MySqlSqlGenerator). When
    /// down statement k fails after k-1 ran, the revision is recorded as half-applied with its up file done up
    /// to the statements those k-1 did not undo, so that `apply` can redo it and the state stays true.
    /// </summary>
    private async Task RunDownAsync(MigrationStep step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var revision = step.Revision;
        for (var i = 0; i < step.Statements.Count; i++)
        {
            try
            {
                await RunStatementAsync(step, i, clock, ct);
            }
            catch (StepFailedException failure) when (i > 0)
            {
                var upTotal = Dialect.SplitStatements(revision.UpSql).Count;
                if (upTotal != step.Statements.Count) throw HalfUndone(step, i, failure, null);
                await RetryOnCertificationAsync(() => step.History.UpdateProgressAsync(revision.Id, upTotal - i, complete: false, clock.ElapsedMilliseconds, null, ct), ct);
                throw HalfUndone(step, i, failure, upTotal - i);
            }
        }
        await RetryOnCertificationAsync(() => step.History.DeleteAsync(revision.Id, ct), ct);
    }

    private async Task RunStatementAsync(MigrationStep step, int index, Stopwatch clock, CancellationToken ct)
    {
        var statement = step.Statements[index];
        EnsureGaleraLockHeld();
        try
        {
            // Never rerun here, not even on Galera's 1213: DDL is not a transaction that certification rolled back.
            await using var cmd = CreateCommand(statement);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (MySqlConnector.MySqlException e) when (IsGalera)
        {
            throw StepFailedException.For(step, index, new GaleraStatementException(ExplainFailure(e), e), rolledBack: false);
        }
        catch (DbException e)
        {
            throw StepFailedException.For(step, index, e, rolledBack: false);
        }
        step.Progress?.Report(new StatementProgress(index, step.Statements.Count, statement, clock.Elapsed));
    }

    private static StepFailedException HalfUndone(MigrationStep step, int index, StepFailedException failure, int? upDone)
    {
        var firstLine = failure.Message.Split('\n')[0];
        var state = upDone is { } done
            ? $"down statements 1 to {index} ran; the revision is now recorded as half-applied (its up file done to statement {done}): " +
              "run `schematool apply` to redo it, fix the down file, and roll back again"
            : $"down statements 1 to {index} ran and the up and down files differ in length, so the history still records the revision as applied; " +
              "finish undoing it by hand, then run `schematool stamp` with its parent";
        return new StepFailedException(firstLine + "\n" + string.Join("\n", failure.Message.Split('\n')[1..^1]) + "\n" + state, failure.InnerException!);
    }
}
