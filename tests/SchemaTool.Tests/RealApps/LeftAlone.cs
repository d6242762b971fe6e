namespace SchemaTool.Tests.RealApps;

/// <summary>An object `inspect` names as left alone, read from the comment at the top of the YAML it writes.</summary>
public sealed record LeftAlone(string Kind, string Name, string? Table)
{
    /// <summary>The kinds of more than one word; any other kind is the line's first word.</summary>
    private static readonly string[] LongKinds =
    [
        "materialized view", "partitioned table", "foreign table", "virtual table", "exclusion constraint", "composite type",
        "range type", "table option", "index option", "column option", "free sequence", "inherited table",
    ];

    /// <summary>A table, view, sequence, routine or trigger left alone: its catalog facts are not compared, since the model does not hold it.</summary>
    public bool HoldsFacts => Kind is "partition" or "sequence" or "function" or "procedure" or "trigger" || Kind.EndsWith("view", StringComparison.Ordinal)
        || Kind.EndsWith("table", StringComparison.Ordinal) && Kind != "table option";

    /// <summary>
    /// Whether a catalog fact is this object's own line: an index or a constraint left alone on a table the model
    /// holds (what a partition has of its own) is one fact of that table's, the rest of which is compared.
    /// </summary>
    public bool Covers(CatalogFact fact) => (Kind, Table) switch
    {
        ("index", not null) => fact.Text.StartsWith("index CREATE ", StringComparison.Ordinal) && fact.Text.Contains($" INDEX {Name} ON ", StringComparison.Ordinal),
        ("constraint", { } table) => fact.Text.StartsWith($"constraint {(table.Contains('.') ? table : "public." + table)}.{Name} ", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The "#   kind name (on table)" lines under the "# Left alone:" line of inspected YAML.</summary>
    public static IReadOnlyList<LeftAlone> FromYaml(string yaml)
    {
        var objects = new List<LeftAlone>();
        var inList = false;
        foreach (var line in yaml.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!line.StartsWith('#')) break;
            if (line.StartsWith("# Left alone", StringComparison.Ordinal)) { inList = true; continue; }
            if (inList && line.StartsWith("#   ", StringComparison.Ordinal)) objects.Add(Parse(line[4..].Trim()));
        }
        return objects;
    }

    public static LeftAlone Parse(string text)
    {
        string? table = null;
        // A note after the name ("(used by the default of t.id)", "(its definition was not understood)") says why; it is not part of the name.
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is var note and > 0 && !text[note..].StartsWith(" (on ", StringComparison.Ordinal))
            text = text[..note];
        if (text.EndsWith(')') && text.LastIndexOf(" (on ", StringComparison.Ordinal) is var on and > 0)
        {
            table = text[(on + 5)..^1];
            text = text[..on];
        }
        var kind = LongKinds.FirstOrDefault(k => text.StartsWith(k + " ", StringComparison.Ordinal)) ?? text.Split(' ')[0];
        return new LeftAlone(kind, text[(kind.Length + 1)..], table);
    }

    /// <summary>The same object, whether or not one side qualifies the name with PostgreSQL's default schema.</summary>
    public bool Names(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals("public." + Name, name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Name, "public." + name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Kind} {Name}" + (Table is null ? "" : $" (on {Table})");
}
