using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What PostgreSQL does by itself when a sequence or type is renamed, taken out of the plan.</summary>
internal static class PostgresTypeRewriter
{
    /// <summary>
    /// A default reads its sequence by OID (<c>nextval('s'::regclass)</c>): renaming the sequence renames it in the
    /// default, so a default whose only change is that new name is not altered (it could not be: the column would
    /// need the new name before the rename and the old one after).
    /// </summary>
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        RecreatedEnums(RenamedValueDefaults(RenamedSequenceDefaults(operations.Where(op => op is not AlterExtension { To.Version: null }).ToList())), current, desired);

    /// <summary>
    /// A default of an enum value holds the value, not its text: renaming the value renames it in the default. So a
    /// column change starts from the renamed default (else its inverse would set the old name before it is back).
    /// </summary>
    private static IReadOnlyList<Operation> RenamedValueDefaults(IReadOnlyList<Operation> operations)
    {
        var renames = operations.OfType<RenameEnumValue>().ToList();
        if (renames.Count == 0) return operations;
        var result = new List<Operation>(operations.Count);
        foreach (var op in operations)
        {
            if (op is AlterColumn { From.Default: { Kind: DefaultKind.String } from } alter
                && renames.Where(r => r.Type == ObjectUses.TypeName(alter.To.Type)).Aggregate(from.Text, (v, r) => v == r.From ? r.To : v) is var renamed
                && renamed != from.Text)
            {
                var kept = alter with { From = alter.From with { Default = ColumnDefault.String(renamed) } };
                if (kept.From != kept.To) result.Add(kept);
                continue;
            }
            result.Add(op);
        }
        return result;
    }

    /// <summary>
    /// PostgreSQL cannot remove a value from an enum type: an enum type that loses one is re-created with the model's
    /// values (<see cref="RecreateEnumType"/>, after the renames of its values), in place of its removals and
    /// additions. Additions alone are made in place (<see cref="AddEnumValues"/>), and undone by a re-creation.
    /// </summary>
    private static IReadOnlyList<Operation> RecreatedEnums(IReadOnlyList<Operation> operations, Schema current, Schema desired)
    {
        var types = operations.Where(op => op is AddEnumValue or RemoveEnumValue).Select(op => op.TableName).ToHashSet(StringComparer.Ordinal);
        if (types.Count == 0) return operations;
        var result = operations.Where(op => op is not (AddEnumValue or RemoveEnumValue)).ToList();
        foreach (var name in types)
        {
            var want = desired.Enums.First(e => e.Name == name).WithoutHints();
            var renames = operations.OfType<RenameEnumValue>().Where(r => r.Type == name).ToList();
            var oldName = operations.OfType<RenameType>().FirstOrDefault(r => r.To == name)?.From ?? name;
            var have = current.Enums.First(e => e.Name == oldName);
            string Renamed(string value) => renames.Aggregate(value, (v, r) => v == r.From ? r.To : v);
            // The re-created type takes the comment it has then: the database's (a changed comment is set after, and undone before).
            var before = new EnumType(name, have.Values.Select(Renamed).ToValueList(), have.Comment);
            var after = want with { Comment = have.Comment };
            var columns = ColumnsOf(oldName, name, current, desired, Renamed);
            result.Add(operations.OfType<RemoveEnumValue>().Any(r => r.Type == name)
                ? new RecreateEnumType(before, after, columns)
                : new AddEnumValues(operations.OfType<AddEnumValue>().Where(a => a.Type == name).ToValueList(), new RecreateEnumType(after, before, columns)));
        }
        return result;
    }

    /// <summary>
    /// The columns of the type in both schemas, as they are when the type changes: as the database has them (the
    /// column changes of the plan come after, and are undone before), their enum default with the values' renames.
    /// </summary>
    private static ValueList<(string Table, Column Column)> ColumnsOf(string oldName, string name, Schema current, Schema desired, Func<string, string> renamed) =>
        current.Tables
            .SelectMany(t => t.Columns.Where(c => ObjectUses.TypeName(c.Type) == oldName
                                                  && desired.FindTable(t.Name)?.FindColumn(c.Name) is { } kept && ObjectUses.TypeName(kept.Type) == name)
                .Select(c => (t.Name, c.Default is { Kind: DefaultKind.String } d ? c with { Default = ColumnDefault.String(renamed(d.Text)) } : c)))
            .ToValueList();

    // An extension's version is the model's only where it says one: without, the extension is kept at whatever
    // version the database has (CREATE EXTENSION takes the default one).
    private static IReadOnlyList<Operation> RenamedSequenceDefaults(IReadOnlyList<Operation> operations)
    {
        var renames = operations.OfType<RenameSequence>().ToList();
        if (renames.Count == 0) return operations;
        var result = new List<Operation>(operations.Count);
        foreach (var op in operations)
        {
            if (op is AlterColumn { From.Default: { Kind: DefaultKind.Sql } from, To.Default: { Kind: DefaultKind.Sql } to } alter
                && Renamed(from.Text, renames) == to.Text)
            {
                var kept = alter with { From = alter.From with { Default = to } };
                if (kept.From != kept.To) result.Add(kept);
                continue;
            }
            result.Add(op);
        }
        return result;
    }

    private static string Renamed(string sql, List<RenameSequence> renames) =>
        renames.Aggregate(sql, (text, r) => text.Replace(Regclass(r.From), Regclass(r.To), StringComparison.Ordinal));

    private static string Regclass(string sequence) => SqlLiterals.String(sequence) + "::regclass";
}
