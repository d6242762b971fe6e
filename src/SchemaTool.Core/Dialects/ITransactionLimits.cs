using SchemaTool.Planning;

namespace SchemaTool.Dialects;

/// <summary>
/// A session whose server bounds what one transaction can hold (PostgreSQL's shared lock table), so that `plan` can
/// say that a revision would fail part way at apply, and how to split it, before the revision is written.
/// </summary>
public interface ITransactionLimits
{
    /// <summary>Warnings about <paramref name="plan"/>'s up and down files; none when both fit.</summary>
    Task<IReadOnlyList<string>> CheckPlanAsync(Plan plan, CancellationToken cancellationToken);
}
