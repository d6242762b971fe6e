using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    private static string ColumnDefinition(Column column)
    {
        // A serial whose sequence has a name or options of its own is written as pg_dump writes it: the sequence
        // first (CreateSequence), the column an integer whose default takes from it, then OWNED BY.
        var sequence = OwnsNamedSequence(column) ? SequenceName(column) : null;
        var text = $"{Q(column.Name)} {(sequence is null ? column.Type : PostgresTypes.SerialBase(column.Type))}";
        if (column.Collation is not null) text += $" COLLATE {Q(column.Collation)}";
        if (column.AutoIncrement) text += IdentityClause(column);
        if (column.Generated is { } generated) text += $" GENERATED ALWAYS AS ({generated.Expression}) {(generated.Stored ? "STORED" : "VIRTUAL")}";
        if (!column.Nullable) text += " NOT NULL";
        if (sequence is not null) text += $" DEFAULT nextval({SqlLiterals.String(QN(sequence))}::regclass)";
        if (column.Default is { } value) text += " DEFAULT " + (value.Written is { } written ? PostgresDefaults.Parenthesized(written) : PostgresDefaults.ToSql(value));
        return text;
    }

    private static string IdentityClause(Column column)
    {
        var options = column.Numbering is { Sequence: { } name } n
            ? $"SEQUENCE NAME {QN(name)} {PostgresNumbering.Options(n)}".TrimEnd()
            : PostgresNumbering.Options(column.Numbering);
        return $" GENERATED {(column.Numbering?.Always == true ? "ALWAYS" : "BY DEFAULT")} AS IDENTITY" + (options.Length > 0 ? $" ({options})" : "");
    }

    /// <summary>A serial column whose sequence the model names or gives options: its sequence is written out.</summary>
    private static bool OwnsNamedSequence(Column column) => column.Numbering is not null && PostgresTypes.SerialBase(column.Type) is not null;

    private static string SequenceName(Column column) => column.Numbering?.Sequence ?? throw new InvalidOperationException("no sequence name");

    private static string CreateSequence(Column column) =>
        $"CREATE {(column.Numbering?.Unlogged == true ? "UNLOGGED " : "")}SEQUENCE {QN(SequenceName(column))} AS {column.Numbering?.SequenceType ?? PostgresTypes.SerialBase(column.Type)} {PostgresNumbering.Options(column.Numbering)}".TrimEnd();

    private static string SequenceOwnedBy(string table, Column column) =>
        $"ALTER SEQUENCE {QN(SequenceName(column))} OWNED BY {QN(table)}.{Q(column.Name)}";

    private static IReadOnlyList<string> AddColumn(string table, Column column)
    {
        column = WithSequenceName(table, column);
        var statements = new List<string>();
        if (OwnsNamedSequence(column)) statements.Add(CreateSequence(column));
        statements.Add($"ALTER TABLE {QN(table)} ADD COLUMN {ColumnDefinition(column)}");
        if (OwnsNamedSequence(column)) statements.Add(SequenceOwnedBy(table, column));
        if (column.Comment is not null) statements.Add(CommentOn("COLUMN", $"{QN(table)}.{Q(column.Name)}", column.Comment));
        if (column.Statistics is { } target) statements.Add(SetStatistics(table, column.Name, target));
        return statements;
    }

    /// <summary>A column's statistics target; -1 gives it back the server's default.</summary>
    private static string SetStatistics(string table, string column, int target) =>
        $"ALTER TABLE {QN(table)} ALTER COLUMN {Q(column)} SET STATISTICS {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The statements of a column change; <paramref name="notNullOnline"/> proves a new NOT NULL by a validated check first.</summary>
    private static IReadOnlyList<string> AlterColumn(AlterColumn op, bool notNullOnline = false)
    {
        var (from, to) = (op.From, op.To);
        var statements = new List<string>();
        var alter = $"ALTER TABLE {QN(op.Table)} ALTER COLUMN {Q(to.Name)}";

        if (op.GeneratedChanged && to.Generated is not null)
        {
            // PostgreSQL 15 cannot change a generation expression in place; the values are derived, so nothing is lost.
            statements.Add($"ALTER TABLE {QN(op.Table)} DROP COLUMN {Q(from.Name)}");
            statements.AddRange(AddColumn(op.Table, to));
            return statements;
        }
        if (op.GeneratedChanged) statements.Add($"{alter} DROP EXPRESSION");
        if (from.AutoIncrement && !to.AutoIncrement) statements.Add($"{alter} DROP IDENTITY");

        var fromType = PostgresTypes.SerialBase(from.Type) ?? from.Type;
        var toType = PostgresTypes.SerialBase(to.Type) ?? to.Type;
        var fromSerial = fromType != from.Type;
        var toSerial = toType != to.Type;
        var defaultDropped = false;
        if (fromType != toType || op.CollationChanged)
        {
            // A default is converted by the cast the server finds itself, which it does not find between two enum types.
            if (from.Default is not null && (from.Default != to.Default || PostgresTypeCasts.ThroughText(fromType, toType)))
            {
                statements.Add($"{alter} DROP DEFAULT");
                defaultDropped = true;
            }
            var text = $"{alter} TYPE {toType}";
            if (to.Collation is not null) text += $" COLLATE {Q(to.Collation)}";
            if (PostgresTypes.Family(fromType) != PostgresTypes.Family(toType)) text += $" USING {PostgresTypeCasts.Using(Q(to.Name), fromType, toType)}";
            statements.Add(text);
        }
        if (fromSerial && !toSerial) statements.Add($"{alter} DROP DEFAULT");
        if (op.NullabilityChanged && !to.Nullable && notNullOnline) statements.AddRange(SetNotNullOnline(op.Table, to.Name));
        else if (op.NullabilityChanged) statements.Add($"{alter} {(to.Nullable ? "DROP" : "SET")} NOT NULL");
        if ((op.DefaultChanged || defaultDropped) && !toSerial)
        {
            if (to.Default is { } value) statements.Add($"{alter} SET DEFAULT {PostgresDefaults.ToSql(value)}");
            else if (!defaultDropped && from.Default is not null) statements.Add($"{alter} DROP DEFAULT");
        }
        if (toSerial && !fromSerial) statements.AddRange(AttachSequence(op.Table, to));
        // serial to bigserial: the column's sequence takes the column's new type (and with it the new type's bounds).
        if (toSerial && fromSerial && fromType != toType && from.Numbering?.SequenceType is null && to.Numbering?.SequenceType is null)
            statements.Add($"ALTER SEQUENCE {QIndex(op.Table, from.Numbering?.Sequence ?? PostgresNumbering.DefaultSequenceName(op.Table, from.Name))} AS {toType}");
        if (to.AutoIncrement && !from.AutoIncrement)
        {
            statements.Add($"ALTER TABLE {QN(op.Table)} ALTER COLUMN {Q(to.Name)} ADD{IdentityClause(to)}");
            statements.Add(SkipExistingValues(op.Table, to.Name));
        }
        else if (from.Numbering != to.Numbering && (to.AutoIncrement || toSerial && fromSerial))
            statements.AddRange(AlterNumbering(op.Table, from, to));
        if (op.CommentChanged) statements.Add(CommentOn("COLUMN", $"{QN(op.Table)}.{Q(to.Name)}", to.Comment));
        if (from.Statistics != to.Statistics) statements.Add(SetStatistics(op.Table, to.Name, to.Statistics ?? -1));
        return statements;
    }

    /// <summary>A serial's or identity's sequence takes the model's name and options.</summary>
    private static IEnumerable<string> AlterNumbering(string table, Column from, Column to)
    {
        var name = from.Numbering?.Sequence ?? PostgresNumbering.DefaultSequenceName(table, from.Name);
        if (to.Numbering?.Sequence is { } newName && newName != name)
        {
            yield return $"ALTER SEQUENCE {QIndex(table, name)} RENAME TO {Q(newName)}";
            name = newName;
        }
        if ((from.Numbering?.Always ?? false) != (to.Numbering?.Always ?? false))
            yield return $"ALTER TABLE {QN(table)} ALTER COLUMN {Q(to.Name)} SET GENERATED {(to.Numbering?.Always == true ? "ALWAYS" : "BY DEFAULT")}";
        if (from.Numbering?.SequenceType != to.Numbering?.SequenceType)
            yield return $"ALTER SEQUENCE {QIndex(table, name)} AS {to.Numbering?.SequenceType ?? PostgresTypes.SerialBase(to.Type) ?? to.Type}";
        if ((from.Numbering ?? Numbering.Default) with { Sequence = null, Always = false, SequenceType = null, Unlogged = null }
            != (to.Numbering ?? Numbering.Default) with { Sequence = null, Always = false, SequenceType = null, Unlogged = null })
        {
            foreach (var statement in PostgresSequenceBounds.MoveInside(QIndex(table, name),
                         PostgresNumbering.Bounds(from.Numbering, PostgresTypes.Canonical(from.Type)), PostgresNumbering.Bounds(to.Numbering, PostgresTypes.Canonical(to.Type))))
                yield return statement;
            yield return $"ALTER SEQUENCE {QIndex(table, name)} {PostgresNumbering.Changes(to.Numbering)}";
        }
        if (SequencePersistenceChange(from.Numbering?.Unlogged, to.Numbering?.Unlogged) is { } persistence)
            yield return $"ALTER SEQUENCE {QIndex(table, name)} {persistence}";
    }

    /// <summary>
    /// The column with its serial's sequence named, when the model gives it options but no name; in the table's
    /// schema, which the statements that create and own it must name (the session's schema is the search_path).
    /// </summary>
    private static Column WithSequenceName(string table, Column column) =>
        OwnsNamedSequence(column) && column.Numbering!.Sequence is null
            ? column with { Numbering = column.Numbering with { Sequence = QualifiedName.Beside(table, PostgresNumbering.DefaultSequenceName(table, column.Name)) } }
            : column.Numbering is { Sequence: { } name } numbering && (column.AutoIncrement || OwnsNamedSequence(column))
                ? column with { Numbering = numbering with { Sequence = QualifiedName.Beside(table, name) } }
                : column;

    /// <summary>A new identity starts at 1; move it past the rows already there so the next insert does not collide.</summary>
    private static string SkipExistingValues(string table, string column) =>
        $"SELECT setval(pg_get_serial_sequence({SqlLiterals.String(QN(table))}, {SqlLiterals.String(column)}), " +
        $"COALESCE(max({Q(column)}), 0) + 1, false) FROM {QN(table)}";

    /// <summary>What the serial pseudo-type does at CREATE TABLE, for an existing column.</summary>
    private static IEnumerable<string> AttachSequence(string table, Column column)
    {
        var sequence = column.Numbering?.Sequence ?? PostgresNumbering.DefaultSequenceName(table, column.Name);
        var type = column.Numbering?.SequenceType ?? PostgresTypes.SerialBase(column.Type);
        yield return $"CREATE SEQUENCE {QIndex(table, sequence)} AS {type} {PostgresNumbering.Options(column.Numbering)}".TrimEnd();
        yield return $"ALTER SEQUENCE {QIndex(table, sequence)} OWNED BY {QN(table)}.{Q(column.Name)}";
        yield return $"ALTER TABLE {QN(table)} ALTER COLUMN {Q(column.Name)} SET DEFAULT nextval({SqlLiterals.String(QIndex(table, sequence))}::regclass)";
        yield return SkipExistingValues(table, column.Name);
    }
}
