namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// The crash and concurrency tests run one after the other, not side by side: the crash test times a whole `apply`
/// to choose its kill moments, and eight racing `apply` processes beside it made that window 20 times too wide (a
/// MariaDB long run measured 24.6 s instead of about 1 s, and only 34 of 100 kills landed before the run ended).
/// </summary>
public static class SafetyProcesses
{
    public const string Collection = "Safety processes";
}
