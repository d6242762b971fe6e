using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Several changes to one table made by one ALTER TABLE, for changes MySQL accepts only together: an
/// AUTO_INCREMENT column must be a key at every moment, so adding it and its primary key, or moving the
/// primary key off or onto it, is one statement (<c>ADD COLUMN id ... AUTO_INCREMENT, ADD PRIMARY KEY (id)</c>).
/// </summary>
public sealed record CombinedAlterTable(string Table, ValueList<Operation> Changes) : Operation, IFollowedAs
{
    public IEnumerable<Operation> FollowedAs => InStatementOrder;

    public override string TableName => Table;
    public override string ObjectName => Changes[0].ObjectName;
    public override Phase Phase => Changes.Min(c => c.Phase);
    public override Operation Invert() => new CombinedAlterTable(Table, Changes.Reverse().Select(c => c.Invert()).ToValueList());
    public override string? Warning
    {
        get
        {
            var warnings = Changes.Select(c => c.Warning).OfType<string>().ToList();
            return warnings.Count == 0 ? null : string.Join("; ", warnings);
        }
    }
    public override string Describe() => string.Join(", ", Changes.Select(c => c.Describe()));

    /// <summary>The changes in the order MySQL applies them in one statement: drops, then adds.</summary>
    public IEnumerable<Operation> InStatementOrder => Changes.OrderBy(c => c.Phase);

    internal override Dependencies Dependencies
    {
        get
        {
            var all = Changes.Select(c => c.Dependencies).ToList();
            return new Dependencies(
                all.SelectMany(d => d.Provides).Distinct().ToList(),
                all.SelectMany(d => d.Removes).Distinct().ToList(),
                all.SelectMany(d => d.Requires).Distinct().ToList(),
                all.SelectMany(d => d.RequiresBefore).Distinct().ToList());
        }
    }
}
