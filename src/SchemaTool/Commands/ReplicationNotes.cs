using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>
/// What `plan` and `apply` tell the user about a replicated server (a MariaDB Galera node), asked of sessions
/// that implement <see cref="IReplicationAdvisor"/>; for the others this prints nothing.
/// </summary>
public static class ReplicationNotes
{
    /// <summary>Plan: each ALTER blocks the whole cluster's writes; tables without a primary key.</summary>
    public static void ForPlan(ConsoleOutput console, IDatabaseSession session, Plan plan, Schema model)
    {
        if (session is not IReplicationAdvisor advisor) return;
        foreach (var warning in advisor.StatementWarnings(session.Dialect.SplitStatements(plan.UpScript)))
            console.Warning(warning);
        var advice = advisor.AdviseOnModel(model);
        foreach (var problem in advice.Warnings.Concat(advice.Errors))
            console.Warning(problem);
    }

    /// <summary>Apply, before the lock is taken: the checks of <see cref="ReplicationPreflight"/>, its warnings printed.</summary>
    public static void BeforeApply(ConsoleOutput console, IDatabaseSession session, Workspace workspace)
    {
        foreach (var warning in ReplicationPreflight.BeforeApply(session, workspace)) console.Warning(warning);
    }
}
