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
    DropForeignKey,
    DropCheck,
    DropIndex,
    DropPrimaryKey,
    DropPartition,
    DropTable,
    DropColumn,
    Rename,
    TableOptions,
    CreateTable,
    AddColumn,
    AlterColumn,
    Rebuild,
    AddPrimaryKey,
    CreateIndex,
    CreatePartition,
    AddCheck,
    AddForeignKey,
    Comment,
}
