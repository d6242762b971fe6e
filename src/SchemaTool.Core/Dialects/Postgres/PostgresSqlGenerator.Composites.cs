using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>The statements of an operation on a composite type; null for any other operation.</summary>
    private static IReadOnlyList<string>? CompositeStatements(Operation operation) => operation switch
    {
        CreateCompositeType op => [$"CREATE TYPE {QN(op.Type.Name)} AS ({string.Join(", ", op.Type.Attributes.Select(Attribute))})",
            .. op.Type.Comment is { } comment ? [CommentOn("TYPE", QN(op.Type.Name), comment)] : Array.Empty<string>()],
        DropCompositeType op => [$"DROP TYPE {QN(op.Type.Name)}"],
        AlterCompositeType op => AlterComposite(op),
        SetObjectComment { Kind: SchemaObjectKind.CompositeType } op => [CommentOn("TYPE", QN(op.Name), op.To)],
        _ => null,
    };

    private static string Attribute(CompositeAttribute attribute) =>
        $"{Q(attribute.Name)} {attribute.Type}" + (attribute.Collation is { } collation ? $" COLLATE {Q(collation)}" : "");

    /// <summary>
    /// One ALTER TYPE with every change: drops first, then new types, then additions (which append). Without CASCADE:
    /// a typed table (CREATE TABLE ... OF) is not modelled, and the server refuses rather than change it unseen.
    /// </summary>
    private static List<string> AlterComposite(AlterCompositeType op)
    {
        var actions = op.Dropped.Select(a => $"DROP ATTRIBUTE {Q(a.Name)}")
            .Concat(op.Changed.Select(a => $"ALTER ATTRIBUTE {Q(a.Name)} TYPE {a.Type}" + (a.Collation is { } c ? $" COLLATE {Q(c)}" : "")))
            .Concat(op.Added.Select(a => "ADD ATTRIBUTE " + Attribute(a))).ToList();
        return actions.Count == 0 ? [] : [$"ALTER TYPE {QN(op.To.Name)} {string.Join(", ", actions)}"];
    }
}
