using System.Text.RegularExpressions;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>` WITH (fillfactor = 70)`, or nothing when there are no storage parameters.</summary>
    private static string WithClause(StorageParameters? parameters) =>
        parameters is null ? "" : $" WITH ({Assignments(parameters.Items)})";

    private static string Assignments(IEnumerable<StorageParameter> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Name} = {ParameterValue(p.Text)}"));

    // A number or a word as it is; anything else (an extension's parameter may take any text) as a string literal.
    private static string ParameterValue(string value) => PlainValue().IsMatch(value) ? value : SqlLiterals.String(value);

    [GeneratedRegex(@"^(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|[a-z_][a-z0-9_]*)$")]
    private static partial Regex PlainValue();

    /// <summary>What SET (...) and RESET (...) take to bring parameters <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static (List<StorageParameter> Set, List<string> Reset) StorageChange(StorageParameters? from, StorageParameters? to) =>
        ((to?.Items ?? []).Where(p => from?.Find(p.Name) is not { } had || !had.Equals(p)).ToList(),
         (from?.Items ?? []).Where(p => to?.Find(p.Name) is null).Select(p => p.Name).ToList());

    /// <summary>
    /// SET LOGGED / SET UNLOGGED of a serial's sequence whose own persistence (null: its table's) changes: from one
    /// that differs from its table to the table's is the other way round, whatever the table is.
    /// </summary>
    private static string? SequencePersistenceChange(bool? from, bool? to) =>
        from == to ? null : (to ?? !from!.Value) ? "SET UNLOGGED" : "SET LOGGED";

    /// <summary>
    /// An unlogged table whose serial sequences are made apart (they have options) and follow the table: it is created
    /// logged and then set unlogged, which from PostgreSQL 15 sets its sequences unlogged too, as `serial` in CREATE
    /// UNLOGGED TABLE does, and before 15 leaves them logged, as it does too. A sequence with its own `unlogged:` is
    /// set back after.
    /// </summary>
    private static bool CreatedLoggedThenUnlogged(Table table) =>
        table.Options?.Unlogged == true && table.Columns.Any(c => OwnsNamedSequence(c) && c.Numbering!.Unlogged is null);

    /// <summary>One ALTER INDEX per action: ALTER INDEX takes a single one.</summary>
    private static IReadOnlyList<string> SetIndexStorage(SetIndexStorage op)
    {
        var (set, reset) = StorageChange(op.From, op.To);
        var statements = new List<string>();
        if (reset.Count > 0) statements.Add($"ALTER INDEX {QIndex(op.Table, op.Index)} RESET ({string.Join(", ", reset)})");
        if (set.Count > 0) statements.Add($"ALTER INDEX {QIndex(op.Table, op.Index)} SET ({Assignments(set)})");
        return statements;
    }

    /// <summary>A table's logging and storage parameters: SET LOGGED / UNLOGGED, SET (...), RESET (...), each where it changes.</summary>
    private static IReadOnlyList<string> AlterTableOptions(AlterTableOptions op)
    {
        var (from, to) = (op.From ?? new TableOptions(), op.To ?? new TableOptions());
        var actions = new List<string>();
        if (from.Unlogged != to.Unlogged) actions.Add(to.Unlogged ? "SET UNLOGGED" : "SET LOGGED");
        var (set, reset) = StorageChange(from.With, to.With);
        if (reset.Count > 0) actions.Add($"RESET ({string.Join(", ", reset)})");
        if (set.Count > 0) actions.Add($"SET ({Assignments(set)})");
        return actions.Count == 0 ? [] : [$"ALTER TABLE {QN(op.Table)} {string.Join(", ", actions)}"];
    }
}
