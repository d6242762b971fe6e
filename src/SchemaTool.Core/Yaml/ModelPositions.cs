using System.Runtime.CompilerServices;
using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>
/// Where each table, column, index, foreign key and check of a loaded model is written (file:line:column), for
/// the checks that can run only at plan, against the database (name lengths, known types, tables with rows).
/// </summary>
/// <remarks>
/// Kept beside the schema, not in it: the model records compare by value with what the catalog reads, which has
/// no positions. A schema built in code has none, and messages then name the object alone.
/// </remarks>
public sealed class ModelPositions
{
    private static readonly ConditionalWeakTable<Schema, ModelPositions> Attached = new();

    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Name), string> _columns = new();
    private readonly Dictionary<(string Table, string Name), string> _objects = new();
    private readonly Dictionary<(string Kind, string Name), string> _named = new();
    private readonly Dictionary<(string Table, string Name), string> _triggers = new();

    public static ModelPositions None { get; } = new();

    /// <summary>The positions of the model <paramref name="model"/> was loaded from; <see cref="None"/> if it was not loaded from files.</summary>
    public static ModelPositions Of(Schema model) => Attached.TryGetValue(model, out var positions) ? positions : None;

    internal static void Attach(Schema model, IEnumerable<TableDraft> tables, Objects.ObjectDrafts? objects = null)
    {
        var positions = new ModelPositions();
        foreach (var (kind, name, where) in objects?.Named() ?? []) positions._named.TryAdd((kind, name), where);
        foreach (var (trigger, _, where) in objects?.Triggers ?? []) positions._triggers.TryAdd((trigger.Table, trigger.Name), where);
        foreach (var table in tables)
        {
            positions._tables.TryAdd(table.Name, table.Where);
            foreach (var column in table.Columns) positions._columns.TryAdd((table.Name, column.Name), column.Where);
            foreach (var (index, where) in table.Indexes) positions._objects.TryAdd((table.Name, index.Name), where);
            foreach (var (key, where) in table.ForeignKeys) positions._objects.TryAdd((table.Name, key.Name), where);
            foreach (var (check, where) in table.Checks) positions._objects.TryAdd((table.Name, check.Name), where);
            foreach (var (exclusion, where) in table.Exclusions) positions._objects.TryAdd((table.Name, exclusion.Name), where);
            if (table.PartitionsWhere is { } partitionsWhere)
                foreach (var partition in AllPartitions(table.Partitions)) positions._objects.TryAdd((table.Name, partition.Name), partitionsWhere);
            // What a column shorthand makes is written on the column.
            foreach (var column in table.Columns.Where(c => c.Unique || c.Index))
                positions._objects.TryAdd((table.Name, Names.Generated(column.Index ? "ix" : "uq", table.Name, column.Name)), column.Where);
            foreach (var column in table.Columns.Where(c => c.References is not null))
                positions._objects.TryAdd((table.Name, Names.Generated("fk", table.Name, column.Name)), column.ReferencesWhere ?? column.Where);
        }
        Attached.AddOrUpdate(model, positions);
    }

    /// <summary>"file:line:column: " of the table, or "" when unknown.</summary>
    public string Table(string table) => Prefix(_tables.GetValueOrDefault(table));

    /// <summary>"file:line:column: " of the column, else of its table, or "".</summary>
    public string Column(string table, string column) =>
        Prefix(_columns.GetValueOrDefault((table, column)) ?? _tables.GetValueOrDefault(table));

    /// <summary>"file:line:column: " of an index, foreign key or check by name, else of its table, or "".</summary>
    public string Object(string table, string name) =>
        Prefix(_objects.GetValueOrDefault((table, name)) ?? _tables.GetValueOrDefault(table));

    /// <summary>"file:line:column: " of an object beyond tables by its kind as messages name it ("view", "sequence"...), or "".</summary>
    public string Named(string kind, string name) => Prefix(_named.GetValueOrDefault((kind, name)));

    private static IEnumerable<Partition> AllPartitions(IEnumerable<Partition> partitions) =>
        partitions.SelectMany(p => AllPartitions(p.Partitioning?.Partitions ?? []).Prepend(p));

    /// <summary>"file:line:column: " of a trigger by its table and name, or "".</summary>
    public string Trigger(string table, string name) => Prefix(_triggers.GetValueOrDefault((table, name)));

    private static string Prefix(string? where) => where is null ? "" : where + ": ";
}
