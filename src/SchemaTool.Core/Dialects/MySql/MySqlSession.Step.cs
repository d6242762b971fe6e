using System.Data.Common;
using System.Diagnostics;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlSession
{
    /// <summary>
    /// MySQL commits each DDL statement as it runs, so a revision cannot be rolled back whole. Instead the
    /// history row is written before the first statement and advanced after each one: a failure leaves a row
    /// that says exactly how far the revision got, and the next apply resumes there. A DDL statement is preceded
    /// by a check of its tables, so that a resume can tell whether it took effect before a crash (see
    /// MySqlSession.Resume); a row statement commits together with its progress.
    /// </summary>
    public Task RunStepAsync(MigrationStep step, CancellationToken cancellationToken) =>
        step.Direction == Direction.Up ? RunUpAsync(step, cancellationToken) : RunDownAsync(step, cancellationToken);

    private async Task RunUpAsync(MigrationStep step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var revision = step.Revision;
        var total = step.Statements.Count;
        var checksum = revision.Checksum;
        await EnsureCheckColumnAsync(step.History, ct);
        var rows = await step.History.ReadAsync(ct);
        if (rows.All(r => r.Revision != revision.Id))
            await RetryOnCertificationAsync(() => step.History.InsertAsync(revision, step.StartAt, total, complete: false, 0, ct), ct);
        for (var i = await ResumePointAsync(step, ct); i < total; i++)
        {
            var effect = StatementEffect.Of(step.Statements[i]);
            if (effect.Kind == EffectKind.Rows)
            {
                await RunRowStatementAsync(step, i, clock, ct);
                continue;
            }
            if (effect.Kind == EffectKind.Tables) await WriteCheckAsync(step, i, effect, ct);
            try
            {
                await RunStatementAsync(step, i, clock, ct);
            }
            catch (StepFailedException failure) when (ServerRefused(failure))
            {
                await ClearCheckAsync(step, ct);
                throw;
            }
            await RetryOnCertificationAsync(() => step.History.UpdateProgressAsync(revision.Id, i + 1, complete: false, clock.ElapsedMilliseconds, checksum, ct), ct);
        }
        // The row now describes the file that was run to its end, even when an edited file finished it.
        await RetryOnCertificationAsync(() => step.History.UpdateProgressAsync(revision.Id, total, complete: true, clock.ElapsedMilliseconds, checksum, ct), ct);
        await ClearCheckAsync(step, ct);
    }

    /// <summary>
    /// INSERT, UPDATE, DELETE and REPLACE are transactional: the statement and its progress update commit together,
    /// so a crash leaves either both or neither. (A write to a table that is not transactional, MyISAM, commits alone.)
    /// </summary>
    private async Task RunRowStatementAsync(MigrationStep step, int index, Stopwatch clock, CancellationToken ct)
    {
        var statement = step.Statements[index];
        EnsureGaleraLockHeld();
        try
        {
            await RetryOnCertificationAsync(async () =>
            {
                await ExecuteAsync("START TRANSACTION", ct);
                try
                {
                    await ExecuteAsync(statement, ct);
                    await step.History.UpdateProgressAsync(step.Revision.Id, index + 1, complete: false, clock.ElapsedMilliseconds, step.Revision.Checksum, ct);
                    await ExecuteAsync("COMMIT", ct);
                }
                catch
                {
                    await RollbackQuietlyAsync();
                    throw;
                }
            }, ct);
        }
        catch (DbException e)
        {
            throw Failed(step, index, e);
        }
        step.Progress?.Report(new StatementProgress(index, step.Statements.Count, statement, clock.Elapsed));
    }

    private StepFailedException Failed(MigrationStep step, int index, DbException error) =>
        error is MySqlConnector.MySqlException e && IsGalera
            ? StepFailedException.For(step, index, new GaleraStatementException(ExplainFailure(e), e), rolledBack: false)
            : StepFailedException.For(step, index, error, rolledBack: false);

    /// <summary>After a failure inside the transaction; a lost connection has rolled it back already.</summary>
    private async Task RollbackQuietlyAsync()
    {
        try
        {
            await ExecuteAsync("ROLLBACK", CancellationToken.None);
        }
        catch (DbException)
        {
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync(ct);
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
        catch (DbException e)
        {
            throw Failed(step, index, e);
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
