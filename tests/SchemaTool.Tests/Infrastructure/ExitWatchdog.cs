using System.Diagnostics;

namespace SchemaTool.Tests.Infrastructure;

/// <summary>
/// Servers are stopped on AppDomain.ProcessExit, but that handler often cannot finish: dotnet test kills
/// the test host about 100 ms after the last test (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT), and a crashed or
/// killed test host runs no handlers at all. So each server also gets a small detached shell that waits
/// for the test process to disappear and then kills the server and removes its folder, unless that was
/// already done.
/// </summary>
internal static class ExitWatchdog
{
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner=$1 folder=$2 pidfile=$3 signal=$4
        tail --pid="$owner" -s 0.1 -f /dev/null
        [ -d "$folder" ] || exit 0
        # A dead server whose parent is gone stays a zombie until init reaps it; count that as gone.
        alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }
        pid=$(head -n 1 "$pidfile")
        if [ -n "$pid" ] && kill -"$signal" "$pid"; then
          for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
          kill -KILL "$pid"
        fi
        rm -rf "$folder"
        """;

    /// <param name="folder">The server's temp folder; the watchdog does nothing if it is gone by then.</param>
    /// <param name="pidFile">File whose first line is the server's process id.</param>
    /// <param name="signal">Signal that makes the server stop at once (QUIT for postgres, KILL for mariadbd).</param>
    public static void Guard(string folder, string pidFile, string signal)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --fork detaches it from our process tree, so killing the test host's tree does not kill the watchdog.
        foreach (var argument in new[] { "--fork", "sh", "-c", Script, "watchdog", Environment.ProcessId.ToString(), folder, pidFile, signal })
            startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start the exit watchdog (setsid).");
        process.WaitForExit();
    }
}
