namespace SchemaTool.Model;

/// <summary>
/// A trigger on a table (or, INSTEAD OF, on a view). Its action is <paramref name="Body"/>, the statements between
/// BEGIN and END (SQLite, MySQL), or <paramref name="Execute"/>, the function call (PostgreSQL's EXECUTE FUNCTION).
/// <paramref name="UpdateOf"/> names the columns of an UPDATE OF trigger. <paramref name="Follows"/> (MySQL) names the
/// trigger of the same table, timing and event that fires right before this one; null leaves its place to the server
/// (read back, null is the first of its table, timing and event).
/// </summary>
public sealed record Trigger(
    string Name,
    string Table,
    TriggerTiming Timing,
    ValueList<TriggerEvent> Events,
    string? Body = null,
    string? Execute = null,
    TriggerLevel ForEach = TriggerLevel.Row,
    ValueList<string> UpdateOf = default,
    string? When = null,
    string? Comment = null,
    string? Follows = null)
{
    /// <summary>What the trigger uses besides its table; null until read or canonicalized (see <see cref="View.DependsOn"/>).</summary>
    public ValueList<Dependency>? DependsOn { get; init; }

    /// <summary>
    /// What tells two triggers apart: the table and the name, since PostgreSQL keeps a trigger's name per table (the
    /// model's key may differ from the name, see `name:`). Where names are per schema, a plan refuses two of one name.
    /// </summary>
    internal string Identity => Table + "\u001F" + Name;

    /// <summary>The object without what is derived from it: what the differ compares.</summary>
    public Trigger WithoutDependencies() => DependsOn is null ? this : this with { DependsOn = null };
}

public enum TriggerTiming
{
    Before,
    After,
    InsteadOf,
}

public enum TriggerEvent
{
    Insert,
    Update,
    Delete,
    Truncate,
}

public enum TriggerLevel
{
    Row,
    Statement,
}

public static class TriggerWords
{
    public static string ToSql(this TriggerTiming timing) => timing == TriggerTiming.InsteadOf ? "INSTEAD OF" : timing.ToString().ToUpperInvariant();

    public static string ToYaml(this TriggerTiming timing) => timing.ToSql().ToLowerInvariant();

    public static TriggerTiming? ParseTiming(string text) =>
        text.Trim().ToLowerInvariant().Replace('_', ' ') switch
        {
            "before" => TriggerTiming.Before,
            "after" => TriggerTiming.After,
            "instead of" => TriggerTiming.InsteadOf,
            _ => null,
        };

    public static string ToSql(this TriggerEvent e) => e.ToString().ToUpperInvariant();

    public static string ToYaml(this TriggerEvent e) => e.ToString().ToLowerInvariant();

    public static TriggerEvent? ParseEvent(string text) =>
        Enum.TryParse<TriggerEvent>(text.Trim(), ignoreCase: true, out var e) && Enum.IsDefined(e) && !char.IsDigit(text.Trim()[0]) ? e : null;

    public static string ToYaml(this TriggerLevel level) => level.ToString().ToLowerInvariant();

    public static TriggerLevel? ParseLevel(string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            "row" => TriggerLevel.Row,
            "statement" => TriggerLevel.Statement,
            _ => null,
        };
}
