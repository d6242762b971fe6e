using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    /// <summary>The objects beyond tables read by the batch's last queries, and what of them is named instead of modelled.</summary>
    private sealed class ObjectParts
    {
        public List<View> Views { get; } = [];
        public List<Routine> Routines { get; } = [];
        public List<Trigger> Triggers { get; } = [];
        public List<UnmanagedObject> Unmanaged { get; } = [];

        /// <summary>
        /// The objects in the schema. A trigger on a relation the schema does not model (a partition) is named, not
        /// modelled. Triggers of several tables may share a name (the model keys them apart, see ModelWriter).
        /// </summary>
        public Schema Into(Schema schema)
        {
            var relations = schema.Tables.Select(t => t.Name).Concat(Views.Select(v => v.Name)).ToHashSet(StringComparer.Ordinal);
            bool Modelled(Trigger t) => relations.Contains(t.Table);
            var triggers = Triggers.Where(Modelled).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Table, StringComparer.Ordinal).ToValueList();
            Unmanaged.AddRange(Triggers.Where(t => !Modelled(t)).Select(t => new UnmanagedObject("trigger", t.Name, t.Table)));
            return schema with
            {
                Unmanaged = Unmanaged.Count == 0 ? schema.Unmanaged
                    : schema.Unmanaged.Concat(Unmanaged).OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)
                        .ThenBy(u => u.Table, StringComparer.Ordinal).ToValueList(),
                Views = Views.ToValueList(),
                Routines = Routines.ToValueList(),
                Triggers = triggers,
            };
        }
    }

    private static async Task<ObjectParts> ReadObjectsAsync(NpgsqlDataReader reader, List<(string View, TableIndex Index)> viewIndexes, CancellationToken ct)
    {
        var parts = new ObjectParts();
        var indexes = viewIndexes.ToLookup(i => i.View, i => i.Index, StringComparer.Ordinal);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            var materialized = reader.GetBoolean(1);
            parts.Views.Add(new View(name, ViewQuery(reader.GetString(2)), materialized,
                Indexes: materialized ? indexes[name].OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList() : default,
                Comment: Text(reader, 3),
                With: materialized ? TableStorage(Options(reader, 6)) : ViewStorage(Options(reader, 6)),
                ClusterOn: Text(reader, 7))
            {
                OutputColumns = reader.GetFieldValue<string[]>(4).ToValueList(),
                DependsOn = Dependencies(reader.GetFieldValue<string[]>(5)),
            });
        }
        await ReadRoutinesAsync(reader, parts, ct);
        await ReadTriggersAsync(reader, parts, ct);
        return parts;
    }

    /// <summary>pg_get_viewdef's text without the space it starts with and the semicolon it ends with.</summary>
    private static string ViewQuery(string definition)
    {
        var text = definition.Trim();
        return text.EndsWith(';') ? text[..^1].TrimEnd() : text;
    }

    /// <summary>
    /// The dependencies of the catalog's "kind\x1Fname[\x1Fcolumn]" rows (PostgresCatalogQueries.DependsOn), in a
    /// stable order; a column stands with its relation, which is named on its own too.
    /// </summary>
    private static ValueList<Dependency> Dependencies(string[] rows)
    {
        var found = new SortedSet<Dependency>(Comparer<Dependency>.Create((a, b) =>
            a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind)
            : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName
            : string.CompareOrdinal(a.Column, b.Column) is var byColumn and not 0 ? byColumn
            : string.CompareOrdinal(a.Arguments, b.Arguments)));
        foreach (var row in rows)
        {
            var fields = row.Split('\x1F');
            if (fields.Length < 2) continue;
            var name = fields[1];
            switch (fields[0])
            {
                case "r":
                    found.Add(Dependency.Relation(name));
                    if (fields.Length > 2) found.Add(Dependency.OnColumn(name, fields[2]));
                    break;
                case "s": found.Add(Dependency.Sequence(name)); break;
                case "f": found.Add(Dependency.Routine(name) with { Arguments = fields.Length > 2 ? fields[2] : null }); break;
                case "t": found.Add(Dependency.Type(name)); break;
            }
        }
        return found.ToValueList();
    }
}
