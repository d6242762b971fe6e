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
        CreateSequence op => [Join("CREATE SEQUENCE " + Q(op.Sequence.Name), PostgresSequences.Options(op.Sequence)),
            .. op.Sequence.Comment is { } comment ? [CommentOn("SEQUENCE", Q(op.Sequence.Name), comment)] : Array.Empty<string>()],
        DropSequence op => [$"DROP SEQUENCE {Q(op.Sequence.Name)}"],
        AlterSequence op => AlterSequence(op.From, op.To),
        RenameSequence op => [$"ALTER SEQUENCE {Q(op.From)} RENAME TO {Q(op.To)}"],
        SetObjectComment { Kind: SchemaObjectKind.Sequence } op => [CommentOn("SEQUENCE", Q(op.Name), op.To)],
        CreateExtension op => [CreateExtension(op.Extension)],
        DropExtension op => [$"DROP EXTENSION {Q(op.Extension.Name)}"],
        AlterExtension op => [Join($"ALTER EXTENSION {Q(op.To.Name)} UPDATE", op.To.Version is { } to ? "TO " + SqlLiterals.String(to) : "")],
        _ => null,
    };

    private static List<string> AlterSequence(Sequence from, Sequence to)
    {
        var statements = new List<string>();
        if (PostgresSequences.Changes(from, to) is { Length: > 0 } changes) statements.Add($"ALTER SEQUENCE {Q(to.Name)} {changes}");
        if (from.OwnedBy != to.OwnedBy)
            statements.Add($"ALTER SEQUENCE {Q(to.Name)} OWNED BY {(to.Owner is { } owner ? Q(owner.Table) + "." + Q(owner.Column) : "NONE")}");
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
