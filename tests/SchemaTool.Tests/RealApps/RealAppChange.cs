using System.Text.RegularExpressions;
using SchemaTool.Model;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// The change a user makes next to a schema they adopted, on tables nobody on the project wrote: a new column with
/// an index and a check on it, a wider varchar under whatever views, triggers and keys use it (a table rebuild on
/// SQLite), a dropped index, a renamed column, a column made NOT NULL, a renamed table, a new table comment. Chosen by a random seeded from the file's name, so a file always gets the
/// same change. Tables the model holds only in part (partitioned, virtual) are left out, and so are columns and
/// indexes that foreign keys need as they are.
/// </summary>
public static partial class RealAppChange
{
    public const string AddedColumn = "schematool_note";

    /// <summary>The changed model and one line per change; null when the schema has no table to change.</summary>
    public static (Schema Model, IReadOnlyList<string> Changes)? Make(Schema model, string fileName, string dialect)
    {
        var random = new Random(StableSeed(fileName));
        var tables = model.Tables.Where(t => t.Partitioning is null && t.Options?.Virtual is null && !IsShadow(model, t)).ToList();
        if (tables.Count == 0) return null;
        var changes = new List<string>();
        var changed = model.Tables.ToDictionary(t => t.Name, t => t, StringComparer.Ordinal);

        var first = tables[random.Next(tables.Count)];
        changed[first.Name] = first with
        {
            Columns = first.Columns.Append(new Column(AddedColumn, "varchar(40)", Nullable: true)).ToValueList(),
            Indexes = first.Indexes.Append(new TableIndex("schematool_note_idx", [IndexPart.Of(AddedColumn)])).ToValueList(),
        };
        changes.Add($"add column {first.Name}.{AddedColumn} varchar(40) with an index");

        var widenable = tables.SelectMany(t => t.Columns.Select(c => (Table: t, Column: c)))
            .Where(x => Varchar().IsMatch(x.Column.Type) && !Keyed(model, x.Table, x.Column.Name)).ToList();
        if (widenable.Count > 0)
        {
            var (table, column) = widenable[random.Next(widenable.Count)];
            var match = Varchar().Match(column.Type);
            var wider = $"{match.Groups[1].Value}({int.Parse(match.Groups[2].Value) + 10})";
            var current = changed[table.Name];
            changed[table.Name] = current with
            {
                Columns = current.Columns.Select(c => c.Name == column.Name ? c with { Type = wider } : c).ToValueList(),
            };
            changes.Add($"widen {table.Name}.{column.Name} from {column.Type} to {wider}");
        }

        var droppable = tables.SelectMany(t => t.Indexes.Select(i => (Table: t, Index: i)))
            .Where(x => !x.Index.Unique && !x.Index.Constraint && !ServesForeignKey(x.Table, x.Index)).ToList();
        if (droppable.Count > 0)
        {
            var (table, index) = droppable[random.Next(droppable.Count)];
            var current = changed[table.Name];
            changed[table.Name] = current with { Indexes = current.Indexes.Where(i => i.Name != index.Name).ToValueList() };
            changes.Add($"drop index {index.Name} of {table.Name}");
        }

        var texts = ObjectTexts(model);
        var renamable = tables.SelectMany(t => t.Columns.Select(c => (Table: t, Column: c)))
            .Where(x => x.Column.Generated is null && !x.Column.AutoIncrement && !Keyed(model, x.Table, x.Column.Name)
                        && !Mentioned(texts, x.Column.Name) && x.Column.Name.Length < 50).ToList();
        if (renamable.Count > 0)
        {
            var (table, column) = renamable[random.Next(renamable.Count)];
            var current = changed[table.Name];
            var name = column.Name + "_renamed";
            changed[table.Name] = current with
            {
                Columns = current.Columns.Select(c => c.Name == column.Name ? c with { Name = name, RenamedFrom = column.Name } : c).ToValueList(),
                Indexes = current.Indexes.Select(i => i with { Parts = i.Parts.Select(p => p.Column == column.Name ? p with { Column = name } : p).ToValueList() }).ToValueList(),
            };
            changes.Add($"rename column {table.Name}.{column.Name} to {name}");
        }

        var optional = tables.SelectMany(t => changed[t.Name].Columns.Select(c => (Table: t, Column: c)))
            .Where(x => x.Column.Nullable && x.Column.Generated is null && x.Column.Name != AddedColumn && !Mentioned(texts, x.Column.Name)).ToList();
        if (optional.Count > 0)
        {
            var (table, column) = optional[random.Next(optional.Count)];
            var current = changed[table.Name];
            changed[table.Name] = current with
            {
                Columns = current.Columns.Select(c => c.Name == column.Name ? c with { Nullable = false } : c).ToValueList(),
            };
            changes.Add($"make {table.Name}.{column.Name} NOT NULL");
        }

        var checkedTable = changed[first.Name];
        changed[first.Name] = checkedTable with
        {
            Checks = checkedTable.Checks.Append(new Check("schematool_note_check", $"{AddedColumn} <> 'none'")).ToValueList(),
        };
        changes.Add($"add check schematool_note_check to {first.Name}");

        var alone = tables.Where(t => t.Name != first.Name && t.ForeignKeys.Count == 0 && t.Name.Length < 50
                                      && !model.Tables.Any(o => o.ForeignKeys.Any(f => f.ReferencedTable == t.Name))
                                      && !model.Triggers.Any(g => g.Table == t.Name) && !Mentioned(texts, t.Name)).ToList();
        if (alone.Count > 0)
        {
            var table = alone[random.Next(alone.Count)];
            changed[table.Name] = changed[table.Name] with { Name = table.Name + "_renamed", RenamedFrom = table.Name };
            changes.Add($"rename table {table.Name} to {table.Name}_renamed");
        }

        if (dialect != "sqlite")
        {
            var commented = tables[random.Next(tables.Count)];
            var current = changed[commented.Name];
            changed[commented.Name] = current with { Comment = "changed by the real-application test" };
            changes.Add($"comment table {commented.Name}");
        }

        return (model with { Tables = model.Tables.Select(t => changed[t.Name]).ToValueList() }, changes);
    }

    /// <summary>Every SQL text of the model a name could be used in: views, routines, triggers, events, checks, defaults, expressions.</summary>
    private static string ObjectTexts(Schema model) => string.Join("\n",
        model.Views.Select(v => v.Sql)
            .Concat(model.Routines.Select(r => r.Definition))
            .Concat(model.Triggers.SelectMany(t => new[] { t.Body, t.When, t.Execute }).OfType<string>())
            .Concat(model.Events.Select(e => e.Body))
            .Concat(model.Tables.SelectMany(t => t.Checks.Select(c => c.Expression)
                .Concat(t.Columns.Select(c => c.Default is { Kind: DefaultKind.Sql } d ? d.Text : c.Generated?.Expression).OfType<string>())
                .Concat(t.Indexes.SelectMany(i => i.Parts.Select(p => p.Expression).Append(i.Where)).OfType<string>()))));

    private static bool Mentioned(string texts, string name) =>
        Regex.IsMatch(texts, $@"(?<![A-Za-z0-9_$]){Regex.Escape(name)}(?![A-Za-z0-9_$])", RegexOptions.IgnoreCase);

    /// <summary>A column of a primary key or of a foreign key, on either side: its type must match the other side's.</summary>
    private static bool Keyed(Schema model, Table table, string column) =>
        table.PrimaryKey?.Columns.Contains(column) == true
        || table.ForeignKeys.Any(f => f.Columns.Contains(column))
        || model.Tables.Any(t => t.ForeignKeys.Any(f => f.ReferencedTable == table.Name && f.ReferencedColumns.Contains(column)));

    /// <summary>MySQL needs an index that starts with a foreign key's columns; keep every index that could be it.</summary>
    private static bool ServesForeignKey(Table table, TableIndex index) =>
        index.ColumnNames is { } columns && table.ForeignKeys.Any(f => columns.Take(f.Columns.Count).SequenceEqual(f.Columns)
                                                                       || f.Columns.Take(columns.Count).SequenceEqual(columns));

    /// <summary>SQLite's FTS shadow tables are the virtual table's; the model never holds them.</summary>
    private static bool IsShadow(Schema model, Table table) =>
        model.Tables.Any(v => v.Options?.Virtual is not null && table.Name.StartsWith(v.Name + "_", StringComparison.Ordinal));

    private static int StableSeed(string name) => name.Aggregate(17, (h, c) => unchecked(h * 31 + c));

    [GeneratedRegex(@"^(varchar|character varying)\((\d{1,3})\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Varchar();
}
