using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Creates an enum type before the columns of that type.</summary>
public sealed record CreateEnumType(EnumType Type) : Operation
{
    public override string TableName => Type.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateType;
    public override Operation Invert() => new DropEnumType(Type);
    public override string Describe() => $"create enum type {Type.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Type(Type.Name)], None, [Gone(Dependencies.Type(Type.Name))], None);
}

/// <summary>Drops an enum type after the columns of that type.</summary>
public sealed record DropEnumType(EnumType Type) : Operation
{
    public override string TableName => Type.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropType;
    public override Operation Invert() => new CreateEnumType(Type);
    public override string Describe() => $"drop enum type {Type.Name}";

    internal override Dependencies Dependencies => new([Gone(Dependencies.Type(Type.Name))], [Dependencies.Type(Type.Name)], None, None);
}

/// <summary>
/// Adds a value to an enum type, before the value <paramref name="Before"/> (at the end when null). PostgreSQL
/// before 12 runs ALTER TYPE ... ADD VALUE outside the revision's transaction.
/// </summary>
public sealed record AddEnumValue(string Type, string Value, string? Before) : Operation
{
    public override string TableName => Type;
    public override string ObjectName => Value;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => new RemoveEnumValue(Type, Value, Before);
    public override string Describe() => $"add value '{Value}' to enum type {Type}";

    internal override Dependencies Dependencies => new(
        [EnumValue(Type, Value)], None,
        [Dependencies.Type(Type), Gone(EnumValue(Type, Value)), .. Before is null ? None : [EnumValue(Type, Before)]], None);

    /// <summary>One value of an enum type: the value an add or a remove is placed by must be there when it runs.</summary>
    internal static string EnumValue(string type, string value) => Dependencies.Type(type) + "=" + value;
}

/// <summary>
/// Removes a value from an enum type; <paramref name="Before"/> is the value that follows it, so the inverse puts
/// it back in its place. PostgreSQL cannot drop a value: its dialect goes through a new type and a cast.
/// </summary>
public sealed record RemoveEnumValue(string Type, string Value, string? Before) : Operation
{
    public override string TableName => Type;
    public override string ObjectName => Value;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => new AddEnumValue(Type, Value, Before);
    public override string Warning => $"removes value '{Value}' from enum type {Type}: rows that hold it fail to convert";
    public override string Describe() => $"remove value '{Value}' from enum type {Type}";

    internal override Dependencies Dependencies => new(
        [Gone(AddEnumValue.EnumValue(Type, Value))], [AddEnumValue.EnumValue(Type, Value)], [Dependencies.Type(Type)],
        Before is null ? None : [AddEnumValue.EnumValue(Type, Before)]);
}

/// <summary>Renames one value of an enum type; the rows that hold it follow.</summary>
public sealed record RenameEnumValue(string Type, string From, string To) : Operation
{
    public override string TableName => Type;
    public override string ObjectName => From;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => new RenameEnumValue(Type, To, From);
    public override string Describe() => $"rename value '{From}' of enum type {Type} to '{To}'";

    internal override Dependencies Dependencies => new(
        [AddEnumValue.EnumValue(Type, To)], [AddEnumValue.EnumValue(Type, From)], [Dependencies.Type(Type)], None);
}

/// <summary>Renames an enum type or a domain; the columns of that type follow it.</summary>
public sealed record RenameType(SchemaObjectKind Kind, string From, string To) : Operation
{
    public override string TableName => To;
    public override string ObjectName => From;
    public override SchemaObjectKind ObjectKind => Kind;
    internal override string? Relation => null;
    public override Phase Phase => Phase.Rename;
    public override Operation Invert() => new RenameType(Kind, To, From);
    public override string Describe() => $"rename {Kind.Word()} {From} to {To}";

    internal override Dependencies Dependencies => new([Dependencies.Type(To)], [Dependencies.Type(From)], None, None);
}

/// <summary>Creates a domain after its base type and the routines its checks and default call.</summary>
public sealed record CreateDomain(DomainType Domain) : Operation
{
    public override string TableName => Domain.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Domain;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateType;
    public override Operation Invert() => new DropDomain(Domain);
    public override string Describe() => $"create domain {Domain.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Type(Domain.Name)], None, [.. Uses(Domain), Gone(Dependencies.Type(Domain.Name))], None);

    internal static IReadOnlyList<string> Uses(DomainType domain) =>
    [
        Dependencies.Type(ObjectUses.TypeName(domain.BaseType)),
        .. domain.Checks.SelectMany(c => ExpressionNames.Functions(c.Expression)).Select(Routine),
        .. ExpressionNames.Functions(domain.Default?.Kind == DefaultKind.Sql ? domain.Default.Text : null).Select(Routine),
    ];
}

/// <summary>Drops a domain after the columns of that type.</summary>
public sealed record DropDomain(DomainType Domain) : Operation
{
    public override string TableName => Domain.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Domain;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropType;
    public override Operation Invert() => new CreateDomain(Domain);
    public override string Describe() => $"drop domain {Domain.Name}";

    internal override Dependencies Dependencies => new([Gone(Dependencies.Type(Domain.Name))], [Dependencies.Type(Domain.Name)], None, CreateDomain.Uses(Domain));
}

/// <summary>Changes a domain's default, NOT NULL, checks or comment in place (ALTER DOMAIN).</summary>
public sealed record AlterDomain(DomainType From, DomainType To) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Domain;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => new AlterDomain(To, From);
    public override string Describe() => $"alter domain {To.Name}";

    internal override Dependencies Dependencies => new(None, None, [Dependencies.Type(To.Name), .. CreateDomain.Uses(To)], CreateDomain.Uses(From));
}
