namespace SchemaTool.Dialects;

/// <summary>
/// Where a database is: the dialect, the connection string for its ADO.NET driver, and a display form
/// with the password masked (the only form that may be printed).
/// </summary>
public sealed record ConnectionTarget(string Dialect, string ConnectionString, string Display, string? Schema = null)
{
    public override string ToString() => Display;
}
