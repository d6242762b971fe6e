using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Creates a view (a materialized one with its indexes) after what it reads.</summary>
public sealed record CreateView(View View) : Operation
{
    public override string TableName => View.Name;
    public override SchemaObjectKind ObjectKind => View.Kind;
    public override Phase Phase => Phase.CreateView;
    public override Operation Invert() => new DropView(View);
    public override string Describe() => $"create {View.Kind.Word()} {View.Name}";

    internal override Dependencies Dependencies => new(
        Provides: [Relation(View.Name)],
        Removes: None,
        Requires: [.. Of(View.DependsOn), Gone(Relation(View.Name))],
        RequiresBefore: None);
}

/// <summary>Drops a view before anything it reads changes or goes.</summary>
public sealed record DropView(View View) : Operation
{
    public override string TableName => View.Name;
    public override SchemaObjectKind ObjectKind => View.Kind;
    public override Phase Phase => Phase.DropView;
    public override Operation Invert() => new CreateView(View);
    public override string Describe() => $"drop {View.Kind.Word()} {View.Name}";

    internal override Dependencies Dependencies => new(
        Provides: [Gone(Relation(View.Name))],
        Removes: [Relation(View.Name)],
        Requires: None,
        RequiresBefore: Of(View.DependsOn));
}

/// <summary>
/// Changes a view's query in place (CREATE OR REPLACE VIEW), which keeps the views that read it. A dialect that
/// cannot (SQLite; PostgreSQL when a column goes) rewrites it into a drop and a create, and the views that read
/// it are then dropped and created around it (DependentObjects).
/// </summary>
public sealed record ReplaceView(View From, View To) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => To.Kind;
    public override Phase Phase => Phase.CreateView;
    public override Operation Invert() => new ReplaceView(To, From);
    public override string Describe() => $"replace {To.Kind.Word()} {To.Name}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: Of(To.DependsOn),
        RequiresBefore: Of(From.DependsOn));
}
