using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>Creates an extension before the tables and types that use what it brings.</summary>
public sealed record CreateExtension(Extension Extension) : Operation
{
    public override string TableName => Extension.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Extension;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateExtension;
    public override Operation Invert() => new DropExtension(Extension);
    public override string Describe() => $"create extension {Extension.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Extension(Extension.Name), Dependencies.AnyExtension], Dependencies.None,
        [Dependencies.Gone(Dependencies.Extension(Extension.Name)), .. Extension.Schema is { } schema ? [Dependencies.Namespace(schema)] : Dependencies.None],
        Dependencies.None);
}

public sealed record DropExtension(Extension Extension) : Operation
{
    public override string TableName => Extension.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Extension;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropExtension;
    public override Operation Invert() => new CreateExtension(Extension);
    public override string Describe() => $"drop extension {Extension.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Gone(Dependencies.Extension(Extension.Name))], [Dependencies.Extension(Extension.Name), Dependencies.AnyExtension], Dependencies.None,
        Extension.Schema is { } schema ? [Dependencies.Namespace(schema)] : Dependencies.None);
}

/// <summary>Moves an extension to another version (ALTER EXTENSION ... UPDATE TO).</summary>
public sealed record AlterExtension(Extension From, Extension To) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Extension;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateExtension;
    public override Operation Invert() => new AlterExtension(To, From);
    public override string Describe() => $"update extension {To.Name} to version {To.Version ?? "(default)"}";

    internal override Dependencies Dependencies => new(Dependencies.None, Dependencies.None, [Dependencies.Extension(To.Name)], Dependencies.None);
}

/// <summary>Creates a PostgreSQL schema (namespace) before anything in it.</summary>
public sealed record CreateNamespace(Namespace Namespace) : Operation
{
    public override string TableName => Namespace.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Namespace;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateNamespace;
    public override Operation Invert() => new DropNamespace(Namespace);
    public override string Describe() => $"create schema {Namespace.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Namespace(Namespace.Name)], Dependencies.None, Dependencies.None, Dependencies.None);
}

/// <summary>Drops an empty PostgreSQL schema after everything in it.</summary>
public sealed record DropNamespace(Namespace Namespace) : Operation
{
    public override string TableName => Namespace.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Namespace;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropNamespace;
    public override Operation Invert() => new CreateNamespace(Namespace);
    public override string Describe() => $"drop schema {Namespace.Name}";

    internal override Dependencies Dependencies => new(Dependencies.None, [Dependencies.Namespace(Namespace.Name)], Dependencies.None, Dependencies.None);
}
