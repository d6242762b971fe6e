using System.Globalization;
using SchemaTool.Model;

namespace SchemaTool.Tests.Generated;

/// <summary>A table while it is generated or mutated; turned into a model <see cref="Table"/> at the end.</summary>
public sealed class GenTable
{
    public required string Name { get; set; }
    public string? RenamedFrom { get; set; }
    /// <summary>The table's name in model A, or null for a table that B adds.</summary>
    public string? Origin { get; set; }
    public List<GenColumn> Columns { get; set; } = [];
    public List<string> PrimaryKey { get; set; } = [];
    public List<TableIndex> Indexes { get; set; } = [];
    public List<ForeignKey> ForeignKeys { get; set; } = [];

    public GenTable Clone() => new()
    {
        Name = Name, Origin = Origin, Columns = Columns.Select(c => c.Clone()).ToList(),
        PrimaryKey = [.. PrimaryKey], Indexes = [.. Indexes], ForeignKeys = [.. ForeignKeys],
    };

    public Table ToModel() => new(Name,
        Columns.Select(c => new Column(c.Name, c.Type, c.Nullable, c.Default, RenamedFrom: c.RenamedFrom)).ToValueList(),
        PrimaryKey.Count > 0 ? new PrimaryKey(PrimaryKey.ToValueList()) : null,
        Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
        ForeignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ToValueList(),
        RenamedFrom: RenamedFrom);
}

public sealed class GenColumn
{
    public required string Name { get; set; }
    public required string Type { get; set; }
    public bool Nullable { get; set; }
    public ColumnDefault? Default { get; set; }
    public string? RenamedFrom { get; set; }
    /// <summary>The column's name in model A, or null for a column that B adds.</summary>
    public string? Origin { get; set; }

    /// <summary>Whether rows can take the column back when a rollback re-adds it (nullable or with a default in A).</summary>
    public bool RestorableInA { get; set; } = true;

    /// <summary>The rows inserted in A hold NULL here (foreign key columns), so B cannot make it NOT NULL.</summary>
    public bool NullInRows { get; set; }

    public GenColumn Clone() => new() { Name = Name, Type = Type, Nullable = Nullable, Default = Default, Origin = Origin, RestorableInA = RestorableInA, NullInRows = NullInRows };
}

/// <summary>
/// Random pairs of models from a seed: A with every portable type, nullability, literal defaults, simple and
/// composite primary keys, unique and plain indexes, foreign keys with actions; B is A changed by a random
/// series of edits, renames (renamed_from) included. Every NOT NULL column outside the key has a default and
/// foreign key columns are nullable, so that rows inserted in A can survive every change that need not lose them.
/// </summary>
public sealed class SchemaGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private int _names;

    public static readonly string[] BaseTypes =
        ["smallint", "int", "bigint", "boolean", "varchar", "char", "text", "decimal", "real", "double", "date", "time", "timestamp", "timestamptz", "uuid", "json", "binary"];

    public (List<GenTable> A, List<GenTable> B) Pair()
    {
        var a = new List<GenTable>();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++) a.Add(NewTable(a));
        foreach (var t in a)
        {
            t.Origin = t.Name;
            var unique = t.Indexes.Where(i => i.Unique).SelectMany(i => i.ReferencedColumns).ToHashSet();
            foreach (var c in t.Columns)
            {
                c.Origin = c.Name;
                c.NullInRows = t.ForeignKeys.Any(f => f.Columns.Contains(c.Name));
                // Rolling back a drop re-adds the column as A has it: the rows can take it only when it has a value
                // to take (null, or a default where no unique index needs the rows to differ).
                c.RestorableInA = c.Nullable && c.Default is null || c.Default is not null && !unique.Contains(c.Name);
            }
        }
        var b = a.Select(t => t.Clone()).ToList();
        var edits = _random.Next(1, 6);
        for (var i = 0; i < edits; i++) Mutate(b);
        return (a, b);
    }

    private string Name(string prefix) => $"{prefix}{++_names}";

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string RandomType()
    {
        var t = Pick(BaseTypes);
        return t switch
        {
            "varchar" => $"varchar({_random.Next(8, 80)})",
            "char" => $"char({_random.Next(8, 20)})",
            "decimal" => $"decimal({_random.Next(6, 12)},{_random.Next(0, 4)})",
            _ => t,
        };
    }

    private static bool Keyable(string type) => !type.StartsWith("json") && type is not ("binary" or "text" or "real" or "double");

    private GenTable NewTable(List<GenTable> existing)
    {
        var table = new GenTable { Name = Name("t") };
        var columns = _random.Next(1, 6);
        for (var i = 0; i < columns; i++) table.Columns.Add(NewColumn(forKey: false));
        var keyed = table.Columns.Where(c => Keyable(c.Type)).ToList();
        if (Chance(80))
        {
            var id = new GenColumn { Name = Name("id"), Type = Pick(["int", "bigint", "varchar(36)", "uuid"]) };
            table.Columns.Insert(0, id);
            table.PrimaryKey.Add(id.Name);
            if (keyed.Count > 0 && Chance(25))
            {
                var second = Pick(keyed);
                second.Nullable = false;
                table.PrimaryKey.Add(second.Name);
            }
        }
        foreach (var c in table.Columns.Where(c => table.PrimaryKey.Contains(c.Name))) c.Default = null;
        AddIndexes(table);
        if (existing.Count > 0 && Chance(60)) AddForeignKey(table, existing);
        return table;
    }

    private GenColumn NewColumn(bool forKey)
    {
        var type = RandomType();
        var column = new GenColumn { Name = Name("c"), Type = type, Nullable = !forKey && Chance(50) };
        if (!column.Nullable || Chance(40)) column.Default = Values.Default(type, _random);
        if (column.Default is null) column.Nullable = true;
        return column;
    }

    private void AddIndexes(GenTable table)
    {
        var candidates = table.Columns.Where(c => Keyable(c.Type) && !table.PrimaryKey.Contains(c.Name)).ToList();
        if (candidates.Count == 0) return;
        // The rows differ only in the columns A gave them; a column B adds holds its default (or NULL) in every row.
        var distinct = candidates.Where(c => c.Origin is not null || table.Origin is null || c.Nullable && c.Default is null).ToList();
        if (distinct.Count > 0 && Chance(40))
        {
            var c = Pick(distinct);
            table.Indexes.Add(new TableIndex(Name("uq_" + table.Name + "_"), new[] { IndexPart.Of(c.Name) }, Unique: true));
        }
        if (Chance(50))
        {
            var parts = candidates.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).Select(c => IndexPart.Of(c.Name)).ToValueList();
            table.Indexes.Add(new TableIndex(Name("ix_" + table.Name + "_"), parts, Unique: false));
        }
    }

    private static readonly ReferentialAction[] Actions =
        [ReferentialAction.NoAction, ReferentialAction.Cascade, ReferentialAction.SetNull, ReferentialAction.Restrict];

    private void AddForeignKey(GenTable table, List<GenTable> tables)
    {
        var parents = tables.Where(t => t != table && t.PrimaryKey.Count == 1).ToList();
        if (parents.Count == 0) return;
        var parent = Pick(parents);
        var key = parent.Columns.First(c => c.Name == parent.PrimaryKey[0]);
        var column = new GenColumn { Name = Name("ref"), Type = key.Type, Nullable = true };
        table.Columns.Add(column);
        table.ForeignKeys.Add(new ForeignKey(Name("fk_" + table.Name + "_"), new[] { column.Name }, parent.Name, new[] { key.Name },
            Pick(Actions), Pick(Actions)));
    }

    private static readonly Dictionary<string, string> Widening = new()
    {
        ["smallint"] = "int", ["int"] = "bigint", ["real"] = "double", ["char(8)"] = "char(30)",
    };

    private void Mutate(List<GenTable> tables)
    {
        var table = Pick(tables);
        bool Referenced(GenTable t) => tables.Any(o => o.ForeignKeys.Any(f => f.ReferencedTable == t.Name));
        bool IsTarget(GenTable t, string column) => tables.Any(o => o.ForeignKeys.Any(f => f.ReferencedTable == t.Name && f.ReferencedColumns.Contains(column)));
        switch (_random.Next(12))
        {
            case 0 when tables.Count > 1:
                tables.Remove(table);
                foreach (var t in tables)
                {
                    var dropped = t.ForeignKeys.Where(f => f.ReferencedTable == table.Name).ToList();
                    t.ForeignKeys.RemoveAll(dropped.Contains);
                }
                break;
            case 1:
                tables.Add(NewTable(tables));
                break;
            case 2 when table.RenamedFrom is null && table.Origin is not null:
                var newName = Name("t");
                foreach (var t in tables)
                    t.ForeignKeys = t.ForeignKeys.Select(f => f.ReferencedTable == table.Name ? f with { ReferencedTable = newName } : f).ToList();
                table.RenamedFrom = table.Name;
                table.Name = newName;
                break;
            case 3:
                var added = NewColumn(forKey: false);
                if (!added.Nullable && added.Default is null) added.Default = Values.Default(added.Type, _random);
                table.Columns.Add(added);
                break;
            case 4:
                var droppable = table.Columns.Where(c => !table.PrimaryKey.Contains(c.Name) && !IsTarget(table, c.Name) && c.RestorableInA).ToList();
                if (droppable.Count == 0 || table.Columns.Count < 2) break;
                var drop = Pick(droppable);
                table.Columns.Remove(drop);
                table.Indexes.RemoveAll(i => i.ReferencedColumns.Contains(drop.Name));
                table.ForeignKeys.RemoveAll(f => f.Columns.Contains(drop.Name));
                break;
            case 5:
                var renamable = table.Columns.Where(c => c.RenamedFrom is null && c.Origin is not null && c.Name == c.Origin).ToList();
                if (renamable.Count == 0) break;
                var column = Pick(renamable);
                var to = Name("c");
                Rename(tables, table, column.Name, to);
                column.RenamedFrom = column.Name;
                column.Name = to;
                break;
            case 6:
                var widen = table.Columns.Where(c => Widening.ContainsKey(c.Type) || c.Type.StartsWith("varchar(")).Where(c => !IsTarget(table, c.Name) && table.ForeignKeys.All(f => !f.Columns.Contains(c.Name))).ToList();
                if (widen.Count == 0) break;
                var w = Pick(widen);
                var wider = w.Type.StartsWith("varchar(") ? Pick(["text", "varchar(200)"]) : Widening[w.Type];
                // MySQL indexes text only by a prefix (the model then needs `length:`, and a primary key cannot have
                // one): an indexed or key varchar stays a varchar.
                if (wider == "text" && (table.Indexes.Any(i => i.ReferencedColumns.Contains(w.Name)) || table.PrimaryKey.Contains(w.Name))) wider = "varchar(200)";
                w.Type = wider;
                if (w.Default is not null) w.Default = Values.Default(w.Type, _random);
                break;
            case 7:
                var nullable = table.Columns.Where(c => !table.PrimaryKey.Contains(c.Name) && table.ForeignKeys.All(f => !f.Columns.Contains(c.Name)) && !(c.Nullable && c.NullInRows)).ToList();
                if (nullable.Count == 0) break;
                var n = Pick(nullable);
                n.Nullable = !n.Nullable || n.Default is null && Values.Default(n.Type, _random) is null;
                n.Default ??= Values.Default(n.Type, _random);
                break;
            case 8:
                // A foreign key column that B adds to a table of A gives its default to the rows there, and no
                // parent row has that key (generated seeds 386 and 1217).
                var withDefault = table.Columns.Where(c => !table.PrimaryKey.Contains(c.Name))
                    .Where(c => c.Origin is not null || table.Origin is null || table.ForeignKeys.All(f => !f.Columns.Contains(c.Name))).ToList();
                if (withDefault.Count == 0) break;
                var d = Pick(withDefault);
                d.Default = d.Nullable && Chance(30) ? null : Values.Default(d.Type, _random) ?? d.Default;
                break;
            case 9:
                if (table.Indexes.Count > 0 && Chance(50)) table.Indexes.RemoveAt(_random.Next(table.Indexes.Count));
                else AddIndexes(table);
                break;
            case 10:
                if (table.ForeignKeys.Count > 0 && Chance(50))
                {
                    var i = _random.Next(table.ForeignKeys.Count);
                    table.ForeignKeys[i] = Chance(50) ? table.ForeignKeys[i] with { OnDelete = Pick(Actions), OnUpdate = Pick(Actions) } : null!;
                    table.ForeignKeys.RemoveAll(f => f is null);
                }
                else AddForeignKey(table, tables);
                break;
            case 11 when !Referenced(table):
                // A column that B adds to a table of A holds its default in every row: no key (generated seed 547).
                var keyable = table.Columns.Where(c => Keyable(c.Type) && !c.Nullable && table.ForeignKeys.All(f => !f.Columns.Contains(c.Name)))
                    .Where(c => c.Origin is not null || table.Origin is null).ToList();
                if (keyable.Count == 0) break;
                var newKey = keyable.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).Select(c => c.Name).ToList();
                table.PrimaryKey = newKey;
                foreach (var c in table.Columns.Where(c => !newKey.Contains(c.Name) && !c.Nullable && c.Default is null))
                    c.Default = Values.Default(c.Type, _random);
                break;
        }
    }

    private static void Rename(List<GenTable> tables, GenTable table, string from, string to)
    {
        string R(string c) => c == from ? to : c;
        table.PrimaryKey = table.PrimaryKey.Select(R).ToList();
        table.Indexes = table.Indexes.Select(i => i with { Parts = i.Parts.Select(p => p with { Column = R(p.Column!) }).ToValueList() }).ToList();
        table.ForeignKeys = table.ForeignKeys.Select(f => f with { Columns = f.Columns.Select(R).ToValueList() }).ToList();
        foreach (var t in tables)
            t.ForeignKeys = t.ForeignKeys.Select(f => f.ReferencedTable == table.Name ? f with { ReferencedColumns = f.ReferencedColumns.Select(R).ToValueList() } : f).ToList();
    }
}

/// <summary>Literal values per portable type: defaults for the model, and row values (distinct per row) for inserts.</summary>
public static class Values
{
    public static ColumnDefault? Default(string type, Random random) => Literal(type, random.Next(1, 9), asDefault: true);

    public static ColumnDefault? Row(string type, int row) => Literal(type, row, asDefault: false);

    private static ColumnDefault? Literal(string type, int n, bool asDefault)
    {
        var name = type.Split('(')[0];
        return name switch
        {
            "smallint" or "int" or "bigint" => ColumnDefault.Number((n * 7).ToString(CultureInfo.InvariantCulture)),
            "boolean" => ColumnDefault.Boolean(n % 2 == 1),
            // A fraction on decimal(p,0) would be rounded by the server (and read back as a different default).
            "decimal" => ColumnDefault.Number(type.EndsWith(",0)") ? $"{n}" : $"{n}.5"),
            "real" or "double" => ColumnDefault.Number($"{n}.25"),
            "varchar" or "char" or "text" => ColumnDefault.String(n % 3 == 0 ? $"it's {n}" : $"v{n}"),
            "date" => ColumnDefault.String($"2024-01-{n:D2}"),
            "time" => ColumnDefault.String($"12:00:{n:D2}"),
            "timestamp" => ColumnDefault.String($"2024-01-{n:D2} 10:00:00"),
            "timestamptz" => ColumnDefault.String($"2024-01-{n:D2} 10:00:00+00:00"),
            "uuid" => ColumnDefault.String($"00000000-0000-0000-0000-{n:D12}"),
            "json" => asDefault ? null : ColumnDefault.String($"{{\"n\": {n}}}"),
            "binary" => null,
            _ => null,
        };
    }
}
