using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Planning;

/// <summary>The ordered operations from the database's schema to the model's, with their SQL both ways.</summary>
public sealed record Plan(
    Schema Current,
    Schema Desired,
    IReadOnlyList<Operation> Operations,
    string UpScript,
    string DownScript,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notices)
{
    public bool IsEmpty => Operations.Count == 0;

    /// <summary>The statements of <see cref="UpScript"/> with what each does, for `plan` to show.</summary>
    public IReadOnlyList<PlannedStatement> UpStatements { get; init; } = [];

    /// <summary>The statements of <see cref="DownScript"/> with what each does.</summary>
    public IReadOnlyList<PlannedStatement> DownStatements { get; init; } = [];

    /// <summary>Column drop-and-add pairs that look like renames written without `renamed_from:`.</summary>
    public IReadOnlyList<RenameHint> RenameHints { get; init; } = [];
}
