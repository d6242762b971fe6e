using System.Text;

namespace SchemaTool.Bench;

/// <summary>
/// A synthetic model, deterministic from a seed: N tables of 8-20 columns of mixed portable types, a primary
/// key, 1-3 indexes, 0-2 unique constraints and 0-3 foreign keys (each to an earlier table, and each covered
/// by one of the indexes, so MySQL needs no implicit index). <see cref="ChangedPercent"/> changes that share
/// of the tables: a column added, a column added with an index, or a varchar widened, in turn.
/// </summary>
public sealed class Generator(int tables, int seed, int changedPercent = 0)
{
    public const int TablesPerFile = 1000;

    public int Tables => tables;
    public int ChangedPercent => changedPercent;

    public static string TableName(int i) => $"t{i:D5}";

    private static readonly string[] Plain =
        ["int", "bigint", "smallint", "varchar(32)", "varchar(64)", "varchar(255)", "text", "boolean", "decimal(12,2)",
         "date", "timestamp", "double", "real", "int", "varchar(64)", "timestamp"];

    /// <summary>The tables chosen to change: exactly round(N * percent / 100), from their own random stream.</summary>
    public HashSet<int> ChangedTables()
    {
        var count = (int)Math.Round(tables * changedPercent / 100.0);
        var rng = new Random(seed * 7919 + 1);
        return Enumerable.Range(0, tables).OrderBy(_ => rng.Next()).Take(count).ToHashSet();
    }

    /// <summary>File name to YAML text, <see cref="TablesPerFile"/> tables a file.</summary>
    public IEnumerable<(string File, string Text)> Files()
    {
        var changed = ChangedTables();
        var changeKind = 0;
        var kinds = new Dictionary<int, int>();
        foreach (var i in changed.Order()) kinds[i] = changeKind++ % 3;

        var rng = new Random(seed);
        for (var start = 0; start < tables; start += TablesPerFile)
        {
            var text = new StringBuilder("tables:\n");
            for (var i = start; i < Math.Min(tables, start + TablesPerFile); i++)
                WriteTable(text, i, rng, kinds.TryGetValue(i, out var k) ? k : -1);
            yield return ($"tables_{start / TablesPerFile:D3}.yaml", text.ToString());
        }
    }

    public void WriteTo(string schemaFolder)
    {
        Directory.CreateDirectory(schemaFolder);
        foreach (var old in Directory.GetFiles(schemaFolder, "tables_*.yaml")) File.Delete(old);
        foreach (var (file, text) in Files()) File.WriteAllText(Path.Combine(schemaFolder, file), text);
    }

    private sealed record Col(string Name, string Type, bool Nullable, string? Default, bool Unique, string? References, string? OnDelete);

    private static void WriteTable(StringBuilder text, int i, Random rng, int change)
    {
        // Draw everything first, with the same number of draws whatever the change, so that changing a table
        // never changes the others.
        var name = TableName(i);
        var columnCount = rng.Next(8, 21);
        var indexCount = rng.Next(1, 4);
        var fkCount = i == 0 ? 0 : Math.Min(rng.Next(0, 4), Math.Min(indexCount, columnCount - 2));
        var uniqueCount = rng.Next(0, 3);

        var columns = new List<Col> { new("id", "bigint", false, null, false, null, null) };
        for (var f = 0; f < fkCount; f++)
        {
            var target = rng.Next(0, i);
            var action = rng.Next(3) switch { 0 => null, 1 => "cascade", _ => "set null" };
            columns.Add(new($"ref{f + 1}_id", "bigint", true, null, false, $"{TableName(target)}.id", action));
        }
        var plainStart = columns.Count;
        while (columns.Count < columnCount)
        {
            var n = columns.Count;
            var type = Plain[rng.Next(Plain.Length)];
            var nullable = rng.Next(3) == 0;
            string? dflt = rng.Next(4) != 0 || nullable ? null : type switch
            {
                "int" or "bigint" or "smallint" => "0",
                "boolean" => "false",
                "varchar(32)" or "varchar(64)" or "varchar(255)" => "'n/a'",
                "decimal(12,2)" => "0.00",
                _ => null,
            };
            columns.Add(new($"c{n:D2}_{type.Split('(')[0]}", type, nullable, dflt, false, null, null));
        }

        // Unique constraints on varchar(64)/int columns; indexes on the FK columns first, then on other indexable ones.
        var indexable = Enumerable.Range(plainStart, columns.Count - plainStart)
            .Where(c => columns[c].Type is "int" or "bigint" or "varchar(32)" or "varchar(64)" or "date" or "timestamp").ToList();
        var uniques = indexable.Where(c => columns[c].Type is "varchar(64)" or "int").Take(uniqueCount).ToList();
        foreach (var u in uniques) columns[u] = columns[u] with { Unique = true, Nullable = false, Default = null };
        var indexes = new List<string[]>();
        for (var f = 0; f < fkCount; f++) indexes.Add([columns[1 + f].Name]);
        var free = indexable.Except(uniques).ToList();
        for (var k = 0; indexes.Count < indexCount; k++)
        {
            if (free.Count == 0) { indexes.Add(["id", columns[^1].Name]); break; }
            var first = free[rng.Next(free.Count)];
            var composite = rng.Next(3) == 0 && free.Count > 1;
            var second = free[rng.Next(free.Count)];
            indexes.Add(composite && second != first ? [columns[first].Name, columns[second].Name] : [columns[first].Name]);
        }

        // The change of a changed table: 0 add a column, 1 add an indexed column, 2 widen a varchar (else add).
        if (change == 2)
        {
            var widen = columns.FindIndex(c => !c.Unique && c.Type is "varchar(32)" or "varchar(64)");
            if (widen >= 0) columns[widen] = columns[widen] with { Type = "varchar(300)" };
            else change = 0;
        }
        if (change is 0 or 1) columns.Add(new("bench_added", "int", true, null, false, null, null));
        if (change == 1) indexes.Add(["bench_added"]);

        text.Append("  ").Append(name).Append(":\n    columns:\n");
        foreach (var c in columns)
        {
            text.Append("      ").Append(c.Name).Append(": { type: ").Append(c.Type.Contains(',') ? $"\"{c.Type}\"" : c.Type);
            if (c.Name == "id") text.Append(", primary_key: true");
            if (c.Nullable) text.Append(", nullable: true");
            if (c.Default is not null) text.Append(", default: ").Append(c.Default);
            if (c.Unique) text.Append(", unique: true");
            if (c.References is not null) text.Append(", references: ").Append(c.References);
            if (c.OnDelete is not null) text.Append(", on_delete: ").Append(c.OnDelete);
            text.Append(" }\n");
        }
        text.Append("    indexes:\n");
        for (var k = 0; k < indexes.Count; k++)
        {
            var ixName = k == indexes.Count - 1 && change == 1 ? $"ix_{name}_added" : $"ix_{name}_{k + 1}";
            text.Append("      ").Append(ixName).Append(": { columns: [").Append(string.Join(", ", indexes[k])).Append("] }\n");
        }
    }
}
