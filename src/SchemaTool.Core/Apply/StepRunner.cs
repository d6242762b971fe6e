using System.Data.Common;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace SchemaTool.Apply;

/// <summary>
/// Runs one revision step on any database: its statements, their progress, and the history row, so that whatever
/// fails (a statement, the disk under the progress output, the history write, the commit, the connection) the
/// history says exactly what is in place.
/// <list type="bullet">
/// <item>Where DDL is transactional and every statement may run in a transaction, the revision is one unit with its
/// history row: it commits whole or not at all.</item>
/// <item>Otherwise (MySQL's DDL, PostgreSQL's CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT) the row is written
/// first, as half-applied, and advanced as the revision goes: each statement that must run alone runs in autocommit and
/// then records its progress; a statement that needs a transaction of its own gets one, committed with its progress;
/// the statements between them run in units that commit together with their progress. A failure, or a kill, leaves
/// the row at the last statement in place, and `apply` resumes there.</item>
/// </list>
/// Any exception inside a unit rolls it back before it is reported; a rollback that fails in turn (the connection is
/// gone, and the server rolled back with it) never hides the error that caused it. A statement that gave up waiting
/// for its lock (<see cref="StatementLockTimeoutException"/>) did not run: its unit, or it alone, is tried again after a
/// pause, up to <see cref="LockWait.Retries"/> times.
/// </summary>
public sealed class StepRunner(IStepUnits units)
{
    public async Task RunAsync(MigrationStep step, CancellationToken ct)
    {
        await units.BeginStepAsync(step, ct);
        if (step.HalfApplied is null && units.TransactionalDdl && step.Statements.All(s => s.RunsInTransaction && !s.Traits.OwnTransaction))
            await RunWholeAsync(step, ct);
        else if (step.Direction == Direction.Up)
            await RunUpInPartsAsync(step, ct);
        else
            await RunDownInPartsAsync(step, ct);
    }

    private async Task RunWholeAsync(MigrationStep step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var total = step.Statements.Count;
        var at = new Cursor();
        try
        {
            await WithLockRetriesAsync(step, at, () => InUnitAsync(at, unitStart: null, async () =>
            {
                for (var i = 0; i < total; i++) await RunStatementAsync(step, i, clock, at, report: true, ct);
                at.Reached(Phase.History, total);
                await ObserveAsync(step, StepPoint.BeforeHistory, total, ct);
                if (step.Direction == Direction.Up)
                    await step.History.InsertAsync(step.Revision, total, total, complete: true, clock.ElapsedMilliseconds, ct);
                else
                    await step.History.DeleteAsync(step.Revision.Id, ct);
                await BeforeCommitAsync(step, total, at, ct);
            }, ct), ct);
        }
        catch (Exception e)
        {
            if (at.InUnit) await RollbackQuietlyAsync();
            var state = step.Direction == Direction.Up
                ? "the revision was rolled back whole; the database is still at its previous revision"
                : $"its rollback was undone whole; the revision is still applied. Fix the down file, record the fix with `schematool rehash {step.Revision.Id}`, and roll back again";
            throw Failure(step, e, at, state);
        }
    }

    private async Task RunUpInPartsAsync(MigrationStep step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var id = step.Revision.Id;
        var total = step.Statements.Count;
        var at = new Cursor();
        var done = step.StartAt;
        try
        {
            await units.PrepareProgressAsync(step, ct);
            if (step.HalfApplied is null)
                await units.RetryAsync(() => step.History.InsertAsync(step.Revision, done, total, complete: false, 0, ct), ct);
            if (step.HalfApplied is not null && done < total && !step.Statements[done].RunsInTransaction &&
                await units.TookEffectAsync(step, done, ct))
            {
                step.Log?.Invoke($"statement {done + 1} of {total} of {id} took effect before the earlier apply stopped; recording it as done");
                var recorded = done + 1;
                await units.RetryAsync(() => step.History.UpdateProgressAsync(id, recorded, complete: false, 0, null, ct), ct);
                done = recorded;
            }
            var complete = false;
            while (done < total)
            {
                if (step.Statements[done].RunsInTransaction)
                {
                    var end = units.TransactionalDdl ? NextBoundary(step, done) : done + 1;
                    if (step.Statements[done].Traits is { OwnTransaction: true, Why: { } why } && units.TransactionalDdl)
                        step.Log?.Invoke($"statement {done + 1} of {total} runs in a transaction of its own ({why})" +
                                         (done > 0 ? $"; statements 1 to {done} are committed and recorded" : ""));
                    await RunUnitAsync(step, done, end, clock, at, ct);
                    done = end;
                    complete = done == total;
                }
                else
                {
                    await RunAloneAsync(step, done, clock, at, ct);
                    done++;
                }
            }
            if (!complete)
            {
                // The row now describes the file that was run to its end, even when an edited file finished it.
                at.Reached(Phase.History, total);
                await units.RetryAsync(() => step.History.UpdateProgressAsync(id, total, complete: true, clock.ElapsedMilliseconds, step.Revision, ct), ct);
            }
            await units.AfterProgressAsync(step, ct);
        }
        catch (Exception e)
        {
            if (at.InUnit) await RollbackQuietlyAsync();
            throw Failure(step, e, at, UpState(step, at, done));
        }
    }

    /// <summary>Statements <paramref name="start"/> to <paramref name="end"/> (exclusive) and their progress as one unit.</summary>
    private async Task RunUnitAsync(MigrationStep step, int start, int end, Stopwatch clock, Cursor at, CancellationToken ct)
    {
        var complete = end == step.Statements.Count;
        await WithLockRetriesAsync(step, at, () => units.RetryAsync(() => InUnitAsync(at, start, async () =>
        {
            // Where DDL is transactional a unit holds many statements, each shown as it runs; elsewhere a unit is
            // one row statement, shown once it has committed with its progress.
            for (var i = start; i < end; i++) await RunStatementAsync(step, i, clock, at, report: units.TransactionalDdl, ct);
            await WriteProgressAsync(step, end, complete, clock, at, ct);
            await BeforeCommitAsync(step, end, at, ct);
        }, ct), ct), ct);
        if (units.TransactionalDdl) return;
        for (var i = start; i < end; i++) await ReportAsync(step, i, clock, at, ct);
    }

    /// <summary>A statement that cannot be part of a transaction: it runs in autocommit, then its progress is recorded.</summary>
    private async Task RunAloneAsync(MigrationStep step, int index, Stopwatch clock, Cursor at, CancellationToken ct)
    {
        var statement = step.Statements[index];
        if (step.Direction == Direction.Up && statement.Traits.Why is { } why && units.TransactionalDdl)
            step.Log?.Invoke($"statement {index + 1} of {step.Statements.Count} runs outside the revision's transaction ({why})" +
                             (index > 0 ? $"; statements 1 to {index} are committed and recorded" : ""));
        at.UnitStart = null;
        await WithLockRetriesAsync(step, at, async () =>
        {
            at.Reached(Phase.Before, index);
            if (step.Direction == Direction.Up) await units.BeforeAloneAsync(step, index, ct);
            try
            {
                await RunStatementAsync(step, index, clock, at, report: true, ct);
            }
            catch (Exception e) when (at.Phase == Phase.Running && step.Direction == Direction.Up)
            {
                await QuietlyAsync(() => units.AloneFailedAsync(step, index, e, CancellationToken.None));
                throw;
            }
        }, ct);
        if (step.Direction == Direction.Up)
            await units.RetryAsync(() => WriteProgressAsync(step, index + 1, complete: false, clock, at, ct), ct);
    }

    private async Task WriteProgressAsync(MigrationStep step, int done, bool complete, Stopwatch clock, Cursor at, CancellationToken ct)
    {
        at.Reached(Phase.History, done);
        await ObserveAsync(step, StepPoint.BeforeHistory, done, ct);
        await step.History.UpdateProgressAsync(step.Revision.Id, done, complete, clock.ElapsedMilliseconds, step.Revision, ct);
    }

    /// <summary>
    /// A down file undoes its up file; when it is run in parts and stops after k of its statements, the revision is
    /// recorded as half-applied with its up file done to the statements those k did not undo, so that `apply` can redo
    /// it and the history stays true. That needs the two files to match statement for statement (the MySQL generator
    /// writes them so); otherwise the history keeps the revision applied and the message says what ran.
    /// </summary>
    private async Task RunDownInPartsAsync(MigrationStep step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var total = step.Statements.Count;
        var at = new Cursor();
        var done = 0;
        var deleted = false;
        try
        {
            while (done < total)
            {
                if (step.Statements[done].RunsInTransaction && units.TransactionalDdl)
                {
                    var end = NextBoundary(step, done);
                    await WithLockRetriesAsync(step, at, () => RunDownUnitAsync(step, done, end, clock, at, ct), ct);
                    deleted = end == total;
                    done = end;
                }
                else if (step.Statements[done].RunsInTransaction)
                {
                    await WithLockRetriesAsync(step, at, () => units.RetryAsync(() =>
                        InUnitAsync(at, done, () => RunStatementAsync(step, done, clock, at, report: false, ct), ct), ct), ct);
                    await ReportAsync(step, done, clock, at, ct);
                    done++;
                }
                else
                {
                    at.UnitStart = null;
                    await WithLockRetriesAsync(step, at, () => RunStatementAsync(step, done, clock, at, report: true, ct), ct);
                    done++;
                }
            }
            if (!deleted)
            {
                at.Reached(Phase.History, total);
                await ObserveAsync(step, StepPoint.BeforeHistory, total, ct);
                await units.RetryAsync(() => step.History.DeleteAsync(step.Revision.Id, ct), ct);
            }
        }
        catch (Exception e)
        {
            if (at.InUnit) await RollbackQuietlyAsync();
            throw Failure(step, e, at, await DownStateAsync(step, done, clock));
        }
    }

    private Task RunDownUnitAsync(MigrationStep step, int start, int end, Stopwatch clock, Cursor at, CancellationToken ct) =>
        InUnitAsync(at, start, async () =>
        {
            for (var i = start; i < end; i++) await RunStatementAsync(step, i, clock, at, report: true, ct);
            if (end == step.Statements.Count)
            {
                at.Reached(Phase.History, end);
                await ObserveAsync(step, StepPoint.BeforeHistory, end, ct);
                await step.History.DeleteAsync(step.Revision.Id, ct);
            }
            await BeforeCommitAsync(step, end, at, ct);
        }, ct);

    /// <summary>
    /// <paramref name="body"/> in one transaction (a unit) that commits after it; whatever it throws rolls the unit back
    /// before it goes on, so that nothing is left open for a retry or the report. <paramref name="unitStart"/> is the
    /// unit's first statement, for the message (null: the whole revision).
    /// </summary>
    private async Task InUnitAsync(Cursor at, int? unitStart, Func<Task> body, CancellationToken ct)
    {
        at.InUnit = true;
        if (unitStart is not null) at.UnitStart = unitStart;
        try
        {
            await units.BeginUnitAsync(ct);
            await body();
            await units.CommitUnitAsync(ct);
            at.InUnit = false;
        }
        catch
        {
            await RollbackQuietlyAsync();
            at.InUnit = false;
            throw;
        }
    }

    private static async Task BeforeCommitAsync(MigrationStep step, int done, Cursor at, CancellationToken ct)
    {
        at.Reached(Phase.Commit, done);
        await ObserveAsync(step, StepPoint.BeforeCommit, done, ct);
    }

    private async Task<string> DownStateAsync(MigrationStep step, int done, Stopwatch clock)
    {
        if (done == 0)
            return $"nothing of it was undone; the revision is still applied. Fix the down file, record the fix with `schematool rehash {step.Revision.Id}`, and roll back again";
        var upTotal = step.UpStatementCount;
        if (upTotal != step.Statements.Count)
            return $"down statements 1 to {done} ran and the up and down files differ in length, so the history still records the revision as applied; " +
                   "finish undoing it by hand, then run `schematool stamp` with its parent";
        try
        {
            await units.RetryAsync(() => step.History.UpdateProgressAsync(step.Revision.Id, upTotal - done, complete: false, clock.ElapsedMilliseconds, null, CancellationToken.None), CancellationToken.None);
        }
        catch (Exception e) when (IsReportable(e))
        {
            return $"down statements 1 to {done} ran, and recording that in {step.History.Name} failed too ({units.Explain(e)}): the history still records " +
                   $"the revision as applied; set statements_done = {upTotal - done} and complete = 0 in its row, then run `schematool apply` to redo it";
        }
        return $"down statements 1 to {done} ran; the revision is now recorded as half-applied (its up file done to statement {upTotal - done}): " +
               $"run `schematool apply` to redo it, fix the down file, record the fix with `schematool rehash {step.Revision.Id}`, and roll back again";
    }

    private static string UpState(MigrationStep step, Cursor at, int done)
    {
        var undone = at.UnitStart is { } start && at.Index >= start && at.Phase != Phase.Before
            ? at.Index > start ? $"statements {start + 1} to {at.Index + 1} were rolled back with their transaction; " : $"statement {start + 1} was rolled back; "
            : "";
        var inPlace = done == 0
            ? $"no statement of it is in place, and the history records it as half-applied (0 of {step.Statements.Count}): fix the file and run " +
              $"`schematool apply` again, or `schematool discard {step.Revision.Id}` to drop the revision"
            : $"statements 1 to {done} of it are in place and recorded; fix the file and run `schematool apply` again to resume at statement {done + 1}";
        var ran = at.Phase == Phase.History && at.UnitStart is null && at.Done > done
            ? $"statement {at.Done} ran but recording it failed (a resume checks whether it took effect where the database can tell, else runs it again); "
            : "";
        return undone + ran + inPlace;
    }

    private async Task RunStatementAsync(MigrationStep step, int index, Stopwatch clock, Cursor at, bool report, CancellationToken ct)
    {
        at.Reached(Phase.Before, index);
        units.EnsureLockHeld();
        await ObserveAsync(step, StepPoint.BeforeStatement, index, ct);
        at.Reached(Phase.Running, index);
        var statement = step.Statements[index];
        if (statement.Traits.RepeatsUntilDone)
            await RunChunksAsync(statement, ct);
        else
            await units.ExecuteAsync(statement, ct);
        at.Reached(Phase.After, index);
        if (report) await ReportAsync(step, index, clock, at, ct);
    }

    /// <summary>A statement that repeats: one chunk after another, each its own short statement, checking the migration lock between them.</summary>
    private async Task RunChunksAsync(Statement statement, CancellationToken ct)
    {
        while (await units.ExecuteChunkAsync(statement, ct))
        {
            ct.ThrowIfCancellationRequested();
            units.EnsureLockHeld();
        }
    }

    private static async Task ReportAsync(MigrationStep step, int index, Stopwatch clock, Cursor at, CancellationToken ct)
    {
        at.Reached(Phase.After, index);
        step.Progress?.Report(new StatementProgress(index, step.Statements.Count, step.Statements[index].Text, clock.Elapsed));
        await ObserveAsync(step, StepPoint.AfterStatement, index, ct);
    }

    private static Task ObserveAsync(MigrationStep step, StepPoint point, int index, CancellationToken ct) =>
        step.Observer?.AtAsync(point, step, index, ct) ?? Task.CompletedTask;

    /// <summary>
    /// The end (exclusive) of the unit that starts at <paramref name="from"/>: a statement that needs a transaction of
    /// its own is one; otherwise the unit runs to the next statement that must run alone or in its own transaction.
    /// </summary>
    private static int NextBoundary(MigrationStep step, int from)
    {
        if (step.Statements[from].Traits.OwnTransaction) return from + 1;
        var i = from;
        while (i < step.Statements.Count && step.Statements[i].RunsInTransaction && !step.Statements[i].Traits.OwnTransaction) i++;
        return i;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (a unit, or a statement that runs alone; it leaves nothing open when it throws)
    /// again while its statement gives up waiting for a lock, after a pause that grows; the last give-up goes on as
    /// the step's failure, with the sessions that held the lock in its message.
    /// </summary>
    private static async Task WithLockRetriesAsync(MigrationStep step, Cursor at, Func<Task> attempt, CancellationToken ct)
    {
        for (var retry = 1; ; retry++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (StatementLockTimeoutException e) when (retry <= step.LockWait.Retries)
            {
                var pause = LockWait.Backoff(retry);
                step.Log?.Invoke($"statement {at.Index + 1} of {step.Statements.Count} did not run: {e.Message}\n" +
                                 $"  trying again in {pause.TotalSeconds:0.#} s (retry {retry} of {step.LockWait.Retries})");
                await Task.Delay(pause, ct);
            }
        }
    }

    private async Task RollbackQuietlyAsync() => await QuietlyAsync(units.RollbackUnitAsync);

    /// <summary>Cleanup after a failure: its own failure (a connection already gone) must not replace the error being reported.</summary>
    private static async Task QuietlyAsync(Func<Task> cleanup)
    {
        try
        {
            await cleanup();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            // ObjectDisposedException (an InvalidOperationException) is what Npgsql throws for a transaction whose
            // connection broke; the server has rolled the transaction back already.
        }
    }

    /// <summary>
    /// Failures of the database or the machine become a message with the statement and the state; anything else (a
    /// cancellation, a bug) goes on as it is, after the rollback, so that it keeps its own meaning and exit code.
    /// </summary>
    private static bool IsReportable(Exception e) =>
        e is DbException or IOException or TimeoutException or UnitCheckFailedException;

    private Exception Failure(MigrationStep step, Exception e, Cursor at, string state)
    {
        if (!IsReportable(e)) ExceptionDispatchInfo.Throw(e);
        var reason = units.Explain(e);
        var total = step.Statements.Count;
        if (e is UnitCheckFailedException check)
            return StepFailedException.AfterStatements(step, check.Check, reason, state + "; " + check.Advice, e);
        if (at.Phase is Phase.History or Phase.Commit)
        {
            var what = at.Phase == Phase.History ? $"recording it in {step.History.Name}" : "at commit";
            return at.Done == total || total == 0
                ? StepFailedException.AfterStatements(step, what, reason, state, e)
                : StepFailedException.AtStatement(step, at.Done - 1, $"{what} failed: {reason}", state, e, afterIt: true);
        }
        if (total == 0)
            return new StepFailedException($"revision {step.Revision.Id} failed: {reason}\n{state}", e);
        return at.Phase switch
        {
            Phase.Running => StepFailedException.AtStatement(step, at.Index, reason, state, e),
            Phase.After => StepFailedException.AtStatement(step, at.Index, reason, state, e, afterIt: true),
            _ => at.Index == 0 && step.StartAt == 0
                ? new StepFailedException($"revision {step.Revision.Id} failed before its first statement: {reason}\n{state}", e)
                : StepFailedException.AtStatement(step, at.Index, $"stopped before it ran: {reason}", state, e),
        };
    }

    private enum Phase
    {
        Before,
        Running,
        After,
        History,
        Commit,
    }

    /// <summary>Where the step is, for the message when it fails.</summary>
    private sealed class Cursor
    {
        public Phase Phase { get; private set; }

        /// <summary>The statement before, in or after which the step is.</summary>
        public int Index { get; private set; }

        /// <summary>In the history and commit phases: the statements done once they succeed.</summary>
        public int Done { get; private set; }

        public bool InUnit { get; set; }

        /// <summary>The first statement of the open unit, null for a statement that runs alone.</summary>
        public int? UnitStart { get; set; }

        public void Reached(Phase phase, int position)
        {
            Phase = phase;
            if (phase is Phase.History or Phase.Commit) Done = position;
            else Index = position;
        }
    }
}
