namespace SchemaTool.Model;

/// <summary>
/// A sequence that is not a column's auto_increment. Options left null are the database's defaults.
/// <paramref name="OwnedBy"/> is the column (table.column) whose drop drops the sequence.
/// </summary>
public sealed record Sequence(
    string Name,
    string? Type = null,
    long? Start = null,
    long? Increment = null,
    long? Min = null,
    long? Max = null,
    long? Cache = null,
    bool Cycle = false,
    string? OwnedBy = null,
    string? Comment = null,
    string? RenamedFrom = null)
{
    public Sequence WithoutHints() => RenamedFrom is null ? this : this with { RenamedFrom = null };

    /// <summary>The owning table and column, or null when the sequence is free or OwnedBy is not table.column.</summary>
    public (string Table, string Column)? Owner
    {
        get
        {
            var dot = OwnedBy?.LastIndexOf('.') ?? -1;
            return dot <= 0 || dot == OwnedBy!.Length - 1 ? null : (OwnedBy[..dot], OwnedBy[(dot + 1)..]);
        }
    }
}
