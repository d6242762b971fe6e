using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// Changes an index's storage parameters in place (PostgreSQL's `ALTER INDEX ... SET (...)` / `RESET (...)`): the
/// index is not built again; the new values apply to the pages written from then on.
/// </summary>
public sealed record SetIndexStorage(string Table, string Index, StorageParameters? From, StorageParameters? To) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Index;
    public override Phase Phase => Phase.TableOptions;
    public override Operation Invert() => new SetIndexStorage(Table, Index, To, From);
    public override string Describe() =>
        $"change storage parameters of index {Index} on {Table}: {StorageParameters.Describe(From)} -> {StorageParameters.Describe(To)}";

    internal override Dependencies Dependencies => new(Dependencies.None, Dependencies.None, [Dependencies.Table(Table)], Dependencies.None);
}

/// <summary>Turns an index dropped and created again under the same name, when only its storage parameters differ, into a <see cref="SetIndexStorage"/>.</summary>
internal static class IndexStorageChanges
{
    /// <param name="ops">The plan so far; the index drops and creates of one table are those from <paramref name="first"/> on.</param>
    /// <param name="translate">The current index with the table's column renames applied.</param>
    public static void Pair(List<Operation> ops, int first, string table, Func<TableIndex, TableIndex> translate)
    {
        var creates = ops.Skip(first).OfType<CreateIndex>().ToDictionary(c => c.Index.Name, StringComparer.Ordinal);
        foreach (var drop in ops.Skip(first).OfType<DropIndex>().ToList())
        {
            if (!creates.TryGetValue(drop.Index.Name, out var create)) continue;
            var now = translate(drop.Index);
            if (now.With == create.Index.With || now with { With = create.Index.With } != create.Index) continue;
            ops.Remove(drop);
            ops.Remove(create);
            ops.Add(new SetIndexStorage(table, create.Index.Name, now.With, create.Index.With));
        }
    }
}
