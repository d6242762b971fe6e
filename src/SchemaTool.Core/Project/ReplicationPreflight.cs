using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Project;

/// <summary>
/// What `apply` checks on a replicated server (a MariaDB Galera node) before it takes the lock, the same for one
/// database and for every target of `apply --all`. A node that is not ready is refused when the session opens.
/// </summary>
public static class ReplicationPreflight
{
    /// <summary>
    /// Warnings about tables without a primary key; a DatabaseException (exit 3, nothing applied) when the server
    /// refuses them. A model that does not load is left to `plan` to report: apply runs revisions, not the model.
    /// </summary>
    public static IReadOnlyList<string> BeforeApply(IDatabaseSession session, Workspace workspace)
    {
        // Only a replicated server loads the model: a fleet of plain servers does not pay for it per target.
        if (session is not IReplicationAdvisor { IsReplicated: true } advisor) return [];
        Schema model;
        try
        {
            model = workspace.LoadModel();
        }
        catch (Exception e) when (e is SchemaToolException or Yaml.ModelException or IOException)
        {
            return [];
        }
        var advice = advisor.AdviseOnModel(model);
        if (advice.Errors.Count > 0)
            throw new DatabaseException(string.Join(Environment.NewLine, advice.Errors) + Environment.NewLine + "nothing was applied");
        return advice.Warnings;
    }
}
