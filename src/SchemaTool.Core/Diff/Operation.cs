using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// One schema change. Each carries everything needed to undo it, so <see cref="Invert"/> gives the exact
/// down-file operation (a dropped column is kept whole; a rename is undone by a rename).
/// </summary>
public abstract record Operation
{
    /// <summary>The table the operation acts on, by the name it has when the operation runs.</summary>
    public abstract string TableName { get; }

    /// <summary>The name of the object acted on inside the table, for ordering and summaries.</summary>
    public virtual string ObjectName => "";

    /// <summary>
    /// The kind of object acted on: a table, or something inside one, unless the operation says otherwise. An
    /// operation on an object outside tables (a view, a sequence...) gives that object's name as its TableName.
    /// </summary>
    public virtual SchemaObjectKind ObjectKind => SchemaObjectKind.Table;

    /// <summary>
    /// The table or view the operation acts on or inside, whose renames and drops order it (OperationOrderer);
    /// null for an object that lives outside relations (a type, a sequence, a routine...).
    /// </summary>
    internal virtual string? Relation => TableName;

    /// <summary>Coarse position when dependencies leave the order free (drops first, foreign keys last).</summary>
    public abstract Phase Phase { get; }

    public abstract Operation Invert();

    /// <summary>A warning for the up file and the console when the operation can lose data.</summary>
    public virtual string? Warning => null;

    /// <summary>What must exist when the operation runs, and what it creates or removes (see OperationOrderer).</summary>
    internal abstract Dependencies Dependencies { get; }

    public abstract string Describe();
}

public enum Phase
{
    // Objects that use tables go first, so that what they use can change or go.
    DropEvent,
    DropTrigger,
    DropView,
    DropForeignKey,
    DropCheck,
    // Before the index it names can be dropped.
    Uncluster,
    DropIndex,
    DropPrimaryKey,
    DropPartition,
    DropTable,
    DropColumn,
    // What tables use goes after them.
    DropRoutine,
    DropSequence,
    DropType,
    DropExtension,
    DropNamespace,
    Rename,
    TableOptions,
    // What tables use comes before them.
    CreateNamespace,
    CreateExtension,
    AlterType,
    CreateType,
    CreateSequence,
    CreateRoutine,
    CreateTable,
    AddColumn,
    AlterColumn,
    Rebuild,
    AddPrimaryKey,
    CreateIndex,
    CreatePartition,
    AddCheck,
    AddForeignKey,
    // After the index it names is built.
    Cluster,
    Comment,
    // Objects that use tables come after them.
    CreateView,
    CreateTrigger,
    CreateEvent,
    AlterSequence,
}
