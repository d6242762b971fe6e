using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>
    /// The statements of an operation on a sequence, enum type, domain, extension or schema; null for any other
    /// operation. A sequence is created without its owner and given one by an ALTER SEQUENCE after its table.
    /// </summary>
    private static IReadOnlyList<string>? TypeStatements(Operation operation) => operation switch
    {
        CreateSequence op => [Join("CREATE SEQUENCE " + QN(op.Sequence.Name), PostgresSequences.Options(op.Sequence)),
            .. op.Sequence.Comment is { } comment ? [CommentOn("SEQUENCE", QN(op.Sequence.Name), comment)] : Array.Empty<string>()],
        DropSequence op => [$"DROP SEQUENCE {QN(op.Sequence.Name)}"],
        AlterSequence op => AlterSequence(op.From, op.To),
        RenameSequence op => [$"ALTER SEQUENCE {QN(op.From)} RENAME TO {QLocal(op.To)}"],
        SetObjectComment { Kind: SchemaObjectKind.Sequence } op => [CommentOn("SEQUENCE", QN(op.Name), op.To)],
        CreateExtension op => [CreateExtension(op.Extension)],
        DropExtension op => [$"DROP EXTENSION {Q(op.Extension.Name)}"],
        AlterExtension op => [Join($"ALTER EXTENSION {Q(op.To.Name)} UPDATE", op.To.Version is { } to ? "TO " + SqlLiterals.String(to) : "")],
        CreateEnumType op => [$"CREATE TYPE {QN(op.Type.Name)} AS ENUM ({string.Join(", ", op.Type.Values.Select(SqlLiterals.String))})",
            .. op.Type.Comment is { } comment ? [CommentOn("TYPE", QN(op.Type.Name), comment)] : Array.Empty<string>()],
        DropEnumType op => [$"DROP TYPE {QN(op.Type.Name)}"],
        AddEnumValue op => [$"ALTER TYPE {QN(op.Type)} ADD VALUE {SqlLiterals.String(op.Value)}" + (op.Before is { } before ? " BEFORE " + SqlLiterals.String(before) : "")],
        RenameEnumValue op => [$"ALTER TYPE {QN(op.Type)} RENAME VALUE {SqlLiterals.String(op.From)} TO {SqlLiterals.String(op.To)}"],
        RenameType op => [$"ALTER {(op.Kind == SchemaObjectKind.Domain ? "DOMAIN" : "TYPE")} {QN(op.From)} RENAME TO {QLocal(op.To)}"],
        RemoveEnumValue op => throw new NotSupportedException(
            $"PostgreSQL cannot remove a value from an enum type: the dialect's rewrite re-creates {op.Type} (RecreateEnumType), which needs the schemas"),
        RecreateEnumType op => RecreateEnum(op),
        AddEnumValues op => op.Adds.SelectMany(add => TypeStatements(add)!).ToList(),
        SetObjectComment { Kind: SchemaObjectKind.EnumType } op => [CommentOn("TYPE", QN(op.Name), op.To)],
        CreateDomain op => CreateDomain(op.Domain),
        DropDomain op => [$"DROP DOMAIN {QN(op.Domain.Name)}"],
        AlterDomain op => AlterDomain(op.From, op.To),
        SetObjectComment { Kind: SchemaObjectKind.Domain } op => [CommentOn("DOMAIN", QN(op.Name), op.To)],
        CreateNamespace op => [$"CREATE SCHEMA {Q(op.Namespace.Name)}",
            .. op.Namespace.Comment is { } comment ? [CommentOn("SCHEMA", Q(op.Namespace.Name), comment)] : Array.Empty<string>()],
        DropNamespace op => [$"DROP SCHEMA {Q(op.Namespace.Name)}"],
        SetObjectComment { Kind: SchemaObjectKind.Namespace } op => [CommentOn("SCHEMA", Q(op.Name), op.To)],
        _ => null,
    };

    private static List<string> CreateDomain(DomainType domain)
    {
        var text = $"CREATE DOMAIN {QN(domain.Name)} AS {domain.BaseType}";
        if (domain.Collation is { } collation) text += $" COLLATE {Q(collation)}";
        if (domain.Default is { } value) text += $" DEFAULT {DomainDefault(value)}";
        if (!domain.Nullable) text += " NOT NULL";
        foreach (var check in domain.Checks) text += $" CONSTRAINT {Q(check.Name)} CHECK ({check.Written ?? check.Expression})";
        return [text, .. domain.Comment is { } comment ? [CommentOn("DOMAIN", QN(domain.Name), comment)] : Array.Empty<string>()];
    }

    /// <summary>A domain's default, NOT NULL and checks changed in place; its base type and collation cannot be (refused at plan).</summary>
    private static List<string> AlterDomain(DomainType from, DomainType to)
    {
        var alter = $"ALTER DOMAIN {QN(to.Name)}";
        var statements = new List<string>();
        if (from.Default != to.Default)
            statements.Add(to.Default is { } value ? $"{alter} SET DEFAULT {DomainDefault(value)}" : $"{alter} DROP DEFAULT");
        if (from.Nullable != to.Nullable) statements.Add($"{alter} {(to.Nullable ? "DROP" : "SET")} NOT NULL");
        foreach (var check in from.Checks.Where(c => !to.Checks.Contains(c))) statements.Add($"{alter} DROP CONSTRAINT {Q(check.Name)}");
        foreach (var check in to.Checks.Where(c => !from.Checks.Contains(c)))
            statements.Add($"{alter} ADD CONSTRAINT {Q(check.Name)} CHECK ({check.Written ?? check.Expression})");
        return statements;
    }

    private static string DomainDefault(ColumnDefault value) => value.Written is { } written ? PostgresDefaults.Parenthesized(written) : PostgresDefaults.ToSql(value);

    /// <summary>
    /// The old type renamed aside, the new one created with the new values, each column cast to it through text
    /// (its default dropped and set again around the cast, which cannot convert it), the old type dropped.
    /// </summary>
    private static List<string> RecreateEnum(RecreateEnumType op)
    {
        var (name, aside) = (op.To.Name, Postgres.RecreateEnumType.AsideName(op.To.Name));
        var statements = new List<string>
        {
            $"ALTER TYPE {QN(name)} RENAME TO {QLocal(aside)}",
            $"CREATE TYPE {QN(name)} AS ENUM ({string.Join(", ", op.To.Values.Select(SqlLiterals.String))})",
        };
        foreach (var (table, column) in op.Columns)
        {
            var alter = $"ALTER TABLE {QN(table)} ALTER COLUMN {Q(column.Name)}";
            var arrays = column.Type[ObjectUsesTypeEnd(column.Type)..];
            if (column.Default is not null) statements.Add($"{alter} DROP DEFAULT");
            statements.Add($"{alter} TYPE {QN(name)}{arrays} USING {Q(column.Name)}::text{arrays}::{QN(name)}{arrays}");
            // A default of a removed value is not set again: the model's column changes it after (or the server refuses it there).
            if (column.Default is { } value && (value.Kind != DefaultKind.String || op.To.Values.Contains(value.Text)))
                statements.Add($"{alter} SET DEFAULT {PostgresDefaults.ToSql(value)}");
        }
        statements.Add($"DROP TYPE {QN(aside)}");
        if (op.To.Comment is { } comment) statements.Add(CommentOn("TYPE", QN(name), comment));
        return statements;
    }

    private static int ObjectUsesTypeEnd(string type) => type.IndexOf('[') is var at and >= 0 ? at : type.Length;

    private static List<string> AlterSequence(Sequence from, Sequence to)
    {
        var statements = new List<string>();
        if (PostgresSequences.Changes(from, to) is { Length: > 0 } changes)
        {
            var (a, b) = (PostgresSequences.Effective(from), PostgresSequences.Effective(to));
            statements.AddRange(PostgresSequenceBounds.MoveInside(QN(to.Name), (a.Min!.Value, a.Max!.Value), (b.Min!.Value, b.Max!.Value)));
            statements.Add($"ALTER SEQUENCE {QN(to.Name)} {changes}");
        }
        if (from.OwnedBy != to.OwnedBy)
            statements.Add($"ALTER SEQUENCE {QN(to.Name)} OWNED BY {(to.Owner is { } owner ? QN(owner.Table) + "." + Q(owner.Column) : "NONE")}");
        return statements;
    }

    private static string CreateExtension(Extension extension)
    {
        var text = "CREATE EXTENSION " + Q(extension.Name);
        if (extension.Schema is { } schema) text += " SCHEMA " + Q(schema);
        if (extension.Version is { } version) text += " VERSION " + SqlLiterals.String(version);
        return text;
    }

    private static string Join(string head, string options) => options.Length == 0 ? head : head + " " + options;
}
