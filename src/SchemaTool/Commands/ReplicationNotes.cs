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

    /// <summary>
    /// Apply, before the lock is taken: warns about tables without a primary key, and stops (exit 3) when the server
    /// refuses them. A model that does not load is left to `plan` to report: apply runs revisions, not the model.
    /// </summary>
    public static void BeforeApply(ConsoleOutput console, IDatabaseSession session, Workspace workspace)
    {
        if (session is not IReplicationAdvisor advisor) return;
        Schema model;
        try
        {
            model = workspace.LoadModel();
        }
        catch (Exception e) when (e is SchemaToolException or Yaml.ModelException or IOException)
        {
            return;
        }
        var advice = advisor.AdviseOnModel(model);
        foreach (var warning in advice.Warnings) console.Warning(warning);
        if (advice.Errors.Count > 0)
            throw new DatabaseException(string.Join(Environment.NewLine, advice.Errors) + Environment.NewLine + "nothing was applied");
    }
}
