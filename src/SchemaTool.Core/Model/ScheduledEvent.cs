namespace SchemaTool.Model;

/// <summary>
/// A MySQL / MariaDB event: <paramref name="Schedule"/> is what follows ON SCHEDULE (`EVERY 1 DAY STARTS ...`,
/// `AT ...`), <paramref name="Body"/> what follows DO; <paramref name="Preserve"/> is ON COMPLETION PRESERVE.
/// </summary>
public sealed record ScheduledEvent(
    string Name,
    string Schedule,
    string Body,
    bool Enabled = true,
    bool Preserve = false,
    string? Comment = null)
{
    /// <summary>What the body uses; null until read or canonicalized (see <see cref="View.DependsOn"/>).</summary>
    public ValueList<Dependency>? DependsOn { get; init; }

    public ScheduledEvent WithoutDependencies() => DependsOn is null ? this : this with { DependsOn = null };
}
