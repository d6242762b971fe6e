using System.Diagnostics;
using SchemaTool.Project;

namespace SchemaTool.Cli;

/// <summary>
/// With SCHEMATOOL_STATS=1, one line on stderr at exit for the benchmark (scripts/bench.sh): how many
/// statements the command's sessions sent, and when (in ms) Main was entered, the first connection was open,
/// the model was loaded, the database read (plan, status, diff) and the command ended, counted from SCHEMATOOL_STATS_T0 (Unix time in ns, set by the caller just before
/// it starts the process; `date +%s%N`), else from the process start time that the OS reports (coarser).
/// Costs nothing when the variable is not set.
/// </summary>
public static class SessionStats
{
    public const string Variable = "SCHEMATOOL_STATS";

    private static readonly List<Workspace> Workspaces = [];
    private static DateTime _mainEntered;

    /// <summary>Called first thing in Main.</summary>
    public static void Start() => _mainEntered = DateTime.UtcNow;

    private static bool Enabled => Environment.GetEnvironmentVariable(Variable) is "1" or "true";

    public static Workspace Track(Workspace workspace)
    {
        if (Enabled) lock (Workspaces) Workspaces.Add(workspace);
        return workspace;
    }

    public static void Report(TextWriter stderr)
    {
        if (!Enabled) return;
        var started = long.TryParse(Environment.GetEnvironmentVariable(Variable + "_T0"), out var t0)
            ? DateTime.UnixEpoch.AddTicks(t0 / 100)
            : Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var statements = 0;
        DateTime? connected = null, modelLoaded = null, databaseRead = null;
        lock (Workspaces)
            foreach (var workspace in Workspaces)
            {
                statements += workspace.Sessions.Sum(s => s.StatementsSent);
                connected = Earliest(connected, workspace.FirstConnectedUtc);
                modelLoaded = Earliest(modelLoaded, workspace.ModelLoadedUtc);
                databaseRead = Earliest(databaseRead, workspace.DatabaseReadUtc);
            }
        string Ms(DateTime? at) => at is { } t ? (t - started).TotalMilliseconds.ToString("F0") : "-";
        stderr.WriteLine($"schematool-stats: statements={statements} main_ms={Ms(_mainEntered)} first_connect_ms={Ms(connected)} " +
                         $"model_loaded_ms={Ms(modelLoaded)} database_read_ms={Ms(databaseRead)} exit_ms={Ms(DateTime.UtcNow)}");
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
