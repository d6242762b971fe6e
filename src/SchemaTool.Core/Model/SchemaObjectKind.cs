namespace SchemaTool.Model;

/// <summary>The kinds of object a schema holds, for messages, summaries and the dialects' lists of what they model.</summary>
public enum SchemaObjectKind
{
    Table,
    View,
    MaterializedView,
    Trigger,
    Function,
    Procedure,
    EnumType,
    Domain,
    Sequence,
    Extension,
    Namespace,
    Event,
    Aggregate,
    CompositeType,
}

public static class SchemaObjectKinds
{
    /// <summary>The kind as a user reads it: "materialized view", "enum type".</summary>
    public static string Word(this SchemaObjectKind kind) => kind switch
    {
        SchemaObjectKind.MaterializedView => "materialized view",
        SchemaObjectKind.EnumType => "enum type",
        SchemaObjectKind.CompositeType => "composite type",
        SchemaObjectKind.Namespace => "schema",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>"views", "materialized views", "enum types".</summary>
    public static string Plural(this SchemaObjectKind kind) => kind.Word() + "s";
}
