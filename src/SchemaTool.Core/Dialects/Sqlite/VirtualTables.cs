namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// Virtual tables (fts5, rtree...) are modelled by their module and arguments, and their shadow tables, where
/// the module keeps the data, are never modelled: creating the virtual table creates them.
/// </summary>
internal static class VirtualTables
{
    /// <summary>The text after USING in a CREATE VIRTUAL TABLE statement (`fts5(title, body)`), or null for another table.</summary>
    public static string? Module(string sql)
    {
        if (!sql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase)) return null;
        var tokens = SqliteTokenizer.Tokenize(sql);
        var index = tokens.FindIndex(t => t.Is("USING"));
        return index < 0 || index + 1 >= tokens.Count ? null : sql[tokens[index + 1].Start..].Trim().TrimEnd(';').Trim();
    }

    // The shadow tables of the modules SQLite ships, for a module this SQLite lacks (pragma_table_list then cannot
    // tell them): name_suffix of each virtual table of the module.
    private static readonly Dictionary<string, string[]> KnownShadows = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fts3"] = ["content", "segments", "segdir", "docsize", "stat"],
        ["fts4"] = ["content", "segments", "segdir", "docsize", "stat"],
        ["fts5"] = ["data", "idx", "content", "docsize", "config"],
        ["rtree"] = ["node", "parent", "rowid"],
        ["rtree_i32"] = ["node", "parent", "rowid"],
        ["geopoly"] = ["node", "parent", "rowid"],
    };

    /// <summary>The shadow tables among the schema's objects: those SQLite reports (type "shadow"), and the known ones of each virtual table.</summary>
    public static HashSet<string> ShadowTables(IEnumerable<(string Type, string Name, string? Sql)> objects)
    {
        var shadows = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, name, sql) in objects)
        {
            if (type == "shadow") shadows.Add(name);
            else if (type == "table" && Module(sql ?? "") is { } module)
            {
                var moduleName = module.Split('(', 2)[0].Trim();
                foreach (var suffix in KnownShadows.GetValueOrDefault(moduleName) ?? [])
                    shadows.Add(name + "_" + suffix);
            }
        }
        return shadows;
    }
}
