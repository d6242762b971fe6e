using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// The adoption path on SQLite files, through the CLI: a schema made by hand, `inspect -o` into model YAML, `plan`
/// and `apply` of that model on an empty file; the two files then agree in pragma_table_xinfo and in each column's
/// declared type as its CREATE TABLE spells it; a second plan is empty on both, and `rollback base` empties the copy.
/// </summary>
internal sealed class SqliteAdoption : IDisposable
{
    public TempProject Original { get; } = new();
    public TempProject Copy { get; } = new();

    /// <summary>The model YAML that inspect wrote.</summary>
    public string Yaml { get; private set; } = "";

    /// <param name="onCopy">More checks on the copy, before it is rolled back.</param>
    public static SqliteAdoption RoundTrip(string sql, Action<TempProject>? onCopy = null)
    {
        var adoption = new SqliteAdoption();
        adoption.Run(sql, onCopy);
        return adoption;
    }

    private void Run(string sql, Action<TempProject>? onCopy)
    {
        Original.Execute(sql);
        Original.Ok("inspect", "-o", Path.Combine(Original.SchemaDirectory, "tables.yaml"));
        Yaml = File.ReadAllText(Path.Combine(Original.SchemaDirectory, "tables.yaml"));
        Copy.WriteModel(Yaml);
        Copy.Ok("plan", "-m", "adopt");
        Copy.Ok("apply");

        var tables = UserTables(Original);
        Assert.Equal(tables, UserTables(Copy));
        foreach (var table in tables)
        {
            Assert.Equal(Columns(Original, table), Columns(Copy, table));
            Assert.Equal(DeclaredTypes(Original, table), DeclaredTypes(Copy, table));
        }
        Assert.Contains("no changes", Copy.Ok("plan", "-m", "again").Stdout);
        Assert.Contains("no changes", Original.Ok("plan", "-m", "again").Stdout);
        onCopy?.Invoke(Copy);

        Copy.Ok("rollback", "base");
        Assert.Empty(UserTables(Copy));
    }

    public static List<string> UserTables(TempProject project) =>
        project.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'schematool%' ORDER BY name");

    /// <summary>pragma_table_xinfo of the table, one line per column: name, type, notnull, default, pk, hidden.</summary>
    public static List<string> Columns(TempProject project, string table) =>
        project.Query($"SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo('{table.Replace("'", "''")}') ORDER BY cid");

    /// <summary>
    /// Each column's type as the table's CREATE statement spells it (pragma_table_info writes INT for `int`):
    /// the words between the column's name and its first constraint. A parser of the test's own.
    /// </summary>
    public static List<string> DeclaredTypes(TempProject project, string table)
    {
        var sql = project.Query($"SELECT sql FROM sqlite_schema WHERE name = '{table.Replace("'", "''")}'").Single();
        var body = sql[(sql.IndexOf('(') + 1)..sql.LastIndexOf(')')];
        var types = new List<string>();
        foreach (var definition in SplitTopLevel(body))
        {
            var words = definition.Trim();
            var name = words.StartsWith('"') ? words[..(words.IndexOf('"', 1) + 1)] : words.Split(' ', 2)[0];
            if (name.ToUpperInvariant() is "CONSTRAINT" or "PRIMARY" or "UNIQUE" or "CHECK" or "FOREIGN") continue;
            var rest = words[name.Length..].Trim();
            var end = System.Text.RegularExpressions.Regex.Match(rest,
                @"\b(CONSTRAINT|PRIMARY|NOT|NULL|UNIQUE|CHECK|DEFAULT|COLLATE|REFERENCES|GENERATED|AS)\b",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            types.Add(name.Trim('"') + " " + (end.Success ? rest[..end.Index] : rest).Trim());
        }
        return types;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    public void Dispose()
    {
        Original.Dispose();
        Copy.Dispose();
    }
}
