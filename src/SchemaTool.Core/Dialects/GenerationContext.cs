using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// What the SQL of an operation depends on besides the operation: whether the revision is written in online forms
/// (PostgreSQL's CONCURRENTLY and NOT VALID, MySQL's ALGORITHM clauses), the schema before the revision's direction
/// runs (<paramref name="Before"/>: whether a table is partitioned, has a FULLTEXT index, which columns are indexed),
/// and the tables created earlier in the same direction, which have no rows and no other users yet, so they keep the
/// plain, fast forms.
/// </summary>
public sealed record GenerationContext(bool Online, Schema Before, IReadOnlySet<string> NewTables)
{
    /// <summary>Plain forms for every table, as before online forms existed; what `online: false` writes.</summary>
    public static GenerationContext Plain { get; } = new(false, Schema.Empty, new HashSet<string>());

    /// <summary>Online forms for every table that exists before the revision.</summary>
    public static GenerationContext OnlineFrom(Schema before) => new(true, before, new HashSet<string>());

    /// <summary>Whether <paramref name="table"/> gets the online forms: online, and the table is not new in this revision.</summary>
    public bool IsOnline(string table) => Online && !NewTables.Contains(table);

    /// <summary>The table as it is before this direction runs, when it exists then.</summary>
    public Table? Existing(string table) => NewTables.Contains(table) ? null : Before.FindTable(table);

    /// <summary>
    /// The schema as it stands when the operation runs: <see cref="Before"/> with the columns, keys, checks and triggers
    /// the earlier operations of this direction changed (<see cref="SchemaSoFar"/>), for SQL that lists a table's columns.
    /// </summary>
    public Schema Current { get; init; } = Before;

    /// <summary>Tables an earlier operation of this direction changed in a way <see cref="Current"/> does not follow.</summary>
    public IReadOnlySet<string> Unfollowed { get; init; } = new HashSet<string>();

    /// <summary>The context of the operation after <paramref name="operation"/>: a table it creates is new from then on.</summary>
    public GenerationContext After(Operation operation) => Moved(operation) with
    {
        Current = SchemaSoFar.After(Current, operation),
        Unfollowed = SchemaSoFar.Follows(operation) || operation.ObjectKind != SchemaObjectKind.Table
            ? Unfollowed
            : new HashSet<string>(Unfollowed) { operation.TableName },
    };

    private GenerationContext Moved(Operation operation) => operation switch
    {
        CreateTable create when !NewTables.Contains(create.Table.Name) => this with { NewTables = new HashSet<string>(NewTables) { create.Table.Name } },
        RenameTable rename when Before.FindTable(rename.From) is { } table =>
            this with { Before = Before with { Tables = Before.Tables.Select(t => t == table ? t with { Name = rename.To } : t).ToValueList() } },
        _ => this,
    };
}
