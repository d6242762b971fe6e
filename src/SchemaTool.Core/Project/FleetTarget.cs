namespace SchemaTool.Project;

/// <summary>One database of a fleet: the name it is shown by and its URL (never printed: it may hold a password).</summary>
public sealed record FleetTarget(string Name, string Url);
