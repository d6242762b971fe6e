namespace SchemaTool.Cli.Output;

/// <summary>`check --json`: ok is true exactly when the exit code is 0; otherwise reasons says why.</summary>
public sealed record CheckJson(bool Ok, string Database, IReadOnlyList<string> Current, IReadOnlyList<string> Heads, IReadOnlyList<CheckReason> Reasons);

/// <summary>
/// Why a database is not up to date. Kind: pending, half_applied, edited, missing, multiple_heads or difference;
/// revision names the revision (null for a difference), message says it in words.
/// </summary>
public sealed record CheckReason(string Kind, string? Revision, string Message);
