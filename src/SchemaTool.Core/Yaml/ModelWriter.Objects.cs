using System.Globalization;
using System.Text;
using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>The objects beyond tables: what tables use before the tables, what uses tables after them; by name.</summary>
public static partial class ModelWriter
{
    private static void WriteObjectsBeforeTables(StringBuilder text, Schema schema)
    {
        if (schema.Extensions.Count > 0)
            text.Append(schema.Extensions.All(e => e is { Version: null, Schema: null })
                ? "extensions: " + YamlText.List(Sorted(schema.Extensions, e => e.Name).Select(e => YamlText.Scalar(e.Name))) + "\n"
                : Section("extensions", schema.Extensions, e => e.Name, ExtensionMap));
        if (schema.Namespaces.Count > 0)
            text.Append(schema.Namespaces.All(n => n.Comment is null)
                ? "schemas: " + YamlText.List(Sorted(schema.Namespaces, n => n.Name).Select(n => YamlText.Scalar(n.Name))) + "\n"
                : Section("schemas", schema.Namespaces, n => n.Name, n => Map(n.Comment is { } c ? ["comment: " + YamlText.Quoted(c)] : [])));
        if (schema.Enums.Count + schema.Domains.Count + schema.Composites.Count > 0)
        {
            text.Append("types:\n");
            var types = schema.Enums.Select(e => (e.Name, Text: EnumMap(e))).Concat(schema.Domains.Select(d => (d.Name, Text: DomainMap(d))))
                .Concat(schema.Composites.Select(c => (c.Name, Text: CompositeMap(c))));
            foreach (var (name, map) in types.OrderBy(t => t.Name, StringComparer.Ordinal))
                text.Append("  ").Append(YamlText.Key(name)).Append(": ").Append(map).Append('\n');
        }
        if (schema.Sequences.Count > 0) text.Append(Section("sequences", schema.Sequences, s => s.Name, SequenceMap));
        var functions = schema.Routines.Where(r => r.Kind == RoutineKind.Function).ToValueList();
        var procedures = schema.Routines.Where(r => r.Kind == RoutineKind.Procedure).ToValueList();
        if (functions.Count > 0) text.Append(Section("functions", functions, r => r.KeyName, RoutineMap));
        if (procedures.Count > 0) text.Append(Section("procedures", procedures, r => r.KeyName, RoutineMap));
        var aggregates = schema.Routines.Where(r => r.Kind == RoutineKind.Aggregate).ToValueList();
        if (aggregates.Count > 0) text.Append(Section("aggregates", aggregates, r => r.KeyName, RoutineMap));
    }

    private static void WriteObjectsAfterTables(StringBuilder text, Schema schema)
    {
        if (schema.Views.Count > 0)
        {
            text.Append("views:\n");
            foreach (var view in Sorted(schema.Views, v => v.Name)) WriteView(text, view);
        }
        if (schema.Triggers.Count > 0) text.Append(TriggerSection(schema.Triggers));
        if (schema.Events.Count > 0) text.Append(Section("events", schema.Events, e => e.Name, EventMap));
    }

    /// <summary>A view is one flow map, but a materialized view with indexes is a block map, its indexes one per line.</summary>
    private static void WriteView(StringBuilder text, View view)
    {
        var entries = new List<string> { "sql: " + YamlText.Quoted(view.Sql) };
        if (view.Materialized) entries.Add("materialized: true");
        if (view.Columns.Count > 0) entries.Add("columns: " + YamlText.List(view.Columns.Select(YamlText.Scalar)));
        if (view.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        if (view.With is { } with) entries.Add("with: " + WithMap(with));
        if (view.Algorithm is { } algorithm) entries.Add("algorithm: " + algorithm);
        if (view.SecurityInvoker) entries.Add("security: invoker");
        if (view.ClusterOn is { } clustered) entries.Add("cluster_on: " + YamlText.Scalar(clustered));
        text.Append("  ").Append(YamlText.Key(view.Name)).Append(':');
        if (view.Indexes.Count == 0)
        {
            text.Append(' ').Append(Map(entries)).Append('\n');
            return;
        }
        text.Append('\n');
        foreach (var entry in entries) text.Append("    ").Append(entry).Append('\n');
        text.Append("    indexes:\n");
        foreach (var index in Sorted(view.Indexes, i => i.Name))
            text.Append("      ").Append(YamlText.Key(index.Name)).Append(": ").Append(IndexMap(index)).Append('\n');
    }

    private static string TriggerMap(Trigger t, string key)
    {
        var entries = new List<string>();
        if (key != t.Name) entries.Add("name: " + YamlText.Scalar(t.Name));
        entries.AddRange(
        [
            "table: " + YamlText.Scalar(t.Table),
            "timing: " + YamlText.Scalar(t.Timing.ToYaml()),
            "events: " + YamlText.List(t.Events.Select(e => e.ToYaml())),
        ]);
        if (t.UpdateOf.Count > 0) entries.Add("update_of: " + YamlText.List(t.UpdateOf.Select(YamlText.Scalar)));
        if (t.ForEach != TriggerLevel.Row) entries.Add("for_each: " + t.ForEach.ToYaml());
        if (t.When is { } when) entries.Add("when: " + YamlText.Quoted(when));
        if (t.Body is { } body) entries.Add("body: " + YamlText.Quoted(body));
        if (t.Execute is { } execute) entries.Add("execute: " + YamlText.Quoted(execute));
        if (t.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        if (t.Follows is { } follows) entries.Add("follows: " + YamlText.Scalar(follows));
        return Map(entries);
    }

    private static string RoutineMap(Routine r) =>
        Map([.. RoutineName(r), "definition: " + YamlText.Quoted(r.Definition), .. r.Comment is { } c ? ["comment: " + YamlText.Quoted(c)] : Array.Empty<string>()]);

    /// <summary>`name:` where the routine's key is not its server name (one overload of several).</summary>
    private static string[] RoutineName(Routine r) => r.Key is null ? [] : ["name: " + YamlText.Scalar(r.Name)];

    private static string EnumMap(EnumType e)
    {
        var renamedTo = e.RenamedValues.ToDictionary(r => r.To, r => r.From, StringComparer.Ordinal);
        var entries = new List<string>
        {
            "enum: " + YamlText.List(e.Values.Select(v => renamedTo.TryGetValue(v, out var from)
                ? $"{{ value: {YamlText.Quoted(v)}, renamed_from: {YamlText.Quoted(from)} }}"
                : YamlText.Quoted(v))),
        };
        if (e.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        if (e.RenamedFrom is { } renamed) entries.Add("renamed_from: " + YamlText.Scalar(renamed));
        return Map(entries);
    }

    private static string DomainMap(DomainType d)
    {
        var entries = new List<string> { "domain: " + YamlText.Scalar(d.BaseType) };
        if (!d.Nullable) entries.Add("nullable: false");
        if (d.Default is { } value) entries.Add(DefaultEntry(value));
        if (d.Checks.Count > 0)
            entries.Add("checks: " + Map(Sorted(d.Checks, c => c.Name).Select(c => YamlText.Key(c.Name) + ": " + YamlText.Quoted(c.Expression)).ToList()));
        if (d.Collation is { } collation) entries.Add("collation: " + YamlText.Scalar(collation));
        if (d.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        if (d.RenamedFrom is { } renamed) entries.Add("renamed_from: " + YamlText.Scalar(renamed));
        return Map(entries);
    }

    /// <summary>Attributes in their order: name → type, or { type, collation }.</summary>
    private static string CompositeMap(CompositeType c)
    {
        var attributes = c.Attributes.Select(a => YamlText.Key(a.Name) + ": " + (a.Collation is { } collation
            ? Map(["type: " + YamlText.Scalar(a.Type), "collation: " + YamlText.Scalar(collation)])
            : YamlText.Scalar(a.Type))).ToList();
        var entries = new List<string> { "composite: " + Map(attributes) };
        if (c.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        return Map(entries);
    }

    private static string SequenceMap(Sequence s)
    {
        var entries = new List<string>();
        if (s.Type is { } type) entries.Add("type: " + YamlText.Scalar(type));
        void Number(string key, long? value) { if (value is { } n) entries.Add($"{key}: {n.ToString(CultureInfo.InvariantCulture)}"); }
        Number("start", s.Start);
        Number("increment", s.Increment);
        Number("min", s.Min);
        Number("max", s.Max);
        Number("cache", s.Cache);
        if (s.Cycle) entries.Add("cycle: true");
        if (s.OwnedBy is { } owner) entries.Add("owned_by: " + YamlText.Scalar(owner));
        if (s.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        if (s.RenamedFrom is { } renamed) entries.Add("renamed_from: " + YamlText.Scalar(renamed));
        return Map(entries);
    }

    private static string ExtensionMap(Extension e)
    {
        var entries = new List<string>();
        if (e.Version is { } version) entries.Add("version: " + YamlText.Quoted(version));
        if (e.Schema is { } schema) entries.Add("schema: " + YamlText.Scalar(schema));
        return Map(entries);
    }

    private static string EventMap(ScheduledEvent e)
    {
        var entries = new List<string> { "schedule: " + YamlText.Quoted(e.Schedule), "body: " + YamlText.Quoted(e.Body) };
        if (!e.Enabled) entries.Add("enabled: false");
        if (e.Preserve) entries.Add("preserve: true");
        if (e.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        return Map(entries);
    }

    private static string DefaultEntry(ColumnDefault d) => d.Kind switch
    {
        DefaultKind.String => "default: " + YamlText.Quoted(d.Text),
        DefaultKind.Number => "default: " + YamlText.Number(d.Text),
        DefaultKind.Boolean => "default: " + d.Text,
        _ => "default_sql: " + YamlText.Scalar(d.Text),
    };

    private static string Section<T>(string key, ValueList<T> items, Func<T, string> name, Func<T, string> map)
    {
        var text = new StringBuilder(key).Append(":\n");
        foreach (var item in Sorted(items, name))
            text.Append("  ").Append(YamlText.Key(name(item))).Append(": ").Append(map(item)).Append('\n');
        return text.ToString();
    }

    private static string Map(List<string> entries) => entries.Count == 0 ? "{}" : "{ " + string.Join(", ", entries) + " }";

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> items, Func<T, string> name) => items.OrderBy(name, StringComparer.Ordinal);
}
