namespace SchemaTool.Model;

/// <summary>
/// An exclusion constraint (PostgreSQL): no two rows for which every element's operator holds between them, as
/// `EXCLUDE USING gist (room WITH =, during WITH &&)` says that no two bookings of one room overlap. Its index is
/// built by <paramref name="Method"/> (null: btree, PostgreSQL's default); <paramref name="Where"/> limits it to some rows.
/// </summary>
public sealed record Exclusion(
    string Name,
    ValueList<ExclusionElement> Elements,
    string? Method = null,
    string? Where = null,
    Deferrability Deferrable = Deferrability.NotDeferrable,
    string? Comment = null)
{
    /// <summary>The table's columns the constraint names as plain elements.</summary>
    public IEnumerable<string> ReferencedColumns => Elements.Where(e => e.Part.Column is not null).Select(e => e.Part.Column!);
}

/// <summary>One element: a column or an expression, with its index options, and the operator two rows are compared with.</summary>
public sealed record ExclusionElement(IndexPart Part, string Operator);
