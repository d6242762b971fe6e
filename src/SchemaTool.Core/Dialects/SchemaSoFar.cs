using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// The schema as the operations of a revision leave it, one operation at a time, as far as SQL that names a table's
/// columns, keys and triggers needs it (MariaDB's online table copy lists the columns it copies): columns, primary
/// key, foreign keys, checks and triggers follow; indexes, options and comments are left as they were before.
/// </summary>
internal static class SchemaSoFar
{
    public static Schema After(Schema schema, Operation operation) => operation switch
    {
        CreateTable create => schema with { Tables = schema.Tables.Where(t => t.Name != create.Table.Name).Append(create.Table).ToValueList() },
        DropTable drop => schema with
        {
            Tables = schema.Tables.Where(t => t.Name != drop.Table.Name).ToValueList(),
            Triggers = schema.Triggers.Where(t => t.Table != drop.Table.Name).ToValueList(),
        },
        RenameTable rename => schema with
        {
            Tables = schema.Tables.Select(t => t.Name == rename.From ? t with { Name = rename.To } : t).ToValueList(),
            Triggers = schema.Triggers.Select(t => t.Table == rename.From ? t with { Table = rename.To } : t).ToValueList(),
        },
        RebuildTable rebuild => WithTable(schema, rebuild.From.Name, _ => rebuild.To),
        AddColumn add => WithTable(schema, add.Table, t => t with { Columns = t.Columns.Append(add.Column).ToValueList() }),
        DropColumn drop => WithTable(schema, drop.Table, t => t with { Columns = t.Columns.Where(c => c.Name != drop.Column.Name).ToValueList() }),
        RenameColumn rename => WithTable(schema, rename.Table, t => t with
        {
            Columns = t.Columns.Select(c => c.Name == rename.From ? c with { Name = rename.To } : c).ToValueList(),
            PrimaryKey = t.PrimaryKey is { } pk ? pk with { Columns = pk.Columns.Select(c => c == rename.From ? rename.To : c).ToValueList() } : null,
        }),
        AlterColumn alter => WithTable(schema, alter.Table, t => t with { Columns = t.Columns.Select(c => c.Name == alter.From.Name ? alter.To : c).ToValueList() }),
        AddPrimaryKey add => WithTable(schema, add.Table, t => t with { PrimaryKey = add.Key }),
        DropPrimaryKey drop => WithTable(schema, drop.Table, t => t with { PrimaryKey = null }),
        AddForeignKey add => WithTable(schema, add.Table, t => t with { ForeignKeys = t.ForeignKeys.Append(add.Key).ToValueList() }),
        DropForeignKey drop => WithTable(schema, drop.Table, t => t with { ForeignKeys = t.ForeignKeys.Where(k => k.Name != drop.Key.Name).ToValueList() }),
        AddCheck add => WithTable(schema, add.Table, t => t with { Checks = t.Checks.Append(add.Check).ToValueList() }),
        DropCheck drop => WithTable(schema, drop.Table, t => t with { Checks = t.Checks.Where(c => c.Name != drop.Check.Name).ToValueList() }),
        CreateTrigger create => schema with { Triggers = schema.Triggers.Append(create.Trigger).ToValueList() },
        DropTrigger drop => schema with { Triggers = schema.Triggers.Where(t => t.Identity != drop.Trigger.Identity).ToValueList() },
        IFollowedAs own => Placed(own.FollowedAs.Aggregate(schema, After), operation as IPlacesColumn),
        _ => schema,
    };

    /// <summary>The column put where the operation puts it: after the one it names, or first.</summary>
    private static Schema Placed(Schema schema, IPlacesColumn? place) => place is null ? schema : WithTable(schema, place.Table, t =>
    {
        if (t.FindColumn(place.PlacedColumn) is not { } column) return t;
        var rest = t.Columns.Where(c => c.Name != place.PlacedColumn).ToList();
        var at = place.After is null ? 0 : rest.FindIndex(c => c.Name == place.After) + 1;
        if (at == 0 && place.After is not null) return t;
        rest.Insert(at, column);
        return t with { Columns = rest.ToValueList() };
    });

    /// <summary>Whether <see cref="After"/> follows what <paramref name="operation"/> does to its table, or knows that it leaves what it follows alone.</summary>
    public static bool Follows(Operation operation) => operation is IFollowedAs own ? own.FollowedAs.All(Follows) : operation is CreateTable or DropTable or RenameTable or RebuildTable
        or AddColumn or DropColumn or RenameColumn or AlterColumn or AddPrimaryKey or DropPrimaryKey or AddForeignKey
        or DropForeignKey or AddCheck or DropCheck or CreateTrigger or DropTrigger
        or CreateIndex or DropIndex or RenameIndex or SetTableComment or AlterTableOptions;

    private static Schema WithTable(Schema schema, string name, Func<Table, Table> change) =>
        schema with { Tables = schema.Tables.Select(t => t.Name == name ? change(t) : t).ToValueList() };
}

/// <summary>
/// A dialect's own operation that puts a column at a place in its table (MySQL's <c>ADD COLUMN ... AFTER</c> and
/// <c>MODIFY COLUMN ... AFTER</c>), so that <see cref="SchemaSoFar"/> keeps the columns in the table's order.
/// </summary>
public interface IPlacesColumn
{
    string Table { get; }
    string PlacedColumn { get; }

    /// <summary>The column it follows; null for the first.</summary>
    string? After { get; }
}

/// <summary>A dialect's own table operation, as the generic operations whose effect on the table it has, for <see cref="SchemaSoFar"/>.</summary>
public interface IFollowedAs
{
    IEnumerable<Operation> FollowedAs { get; }
}
