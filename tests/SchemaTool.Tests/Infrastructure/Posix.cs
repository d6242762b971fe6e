using System.Runtime.InteropServices;

namespace SchemaTool.Tests.Infrastructure;

internal static class Posix
{
    public const int SigQuit = 3;
    public const int SigKill = 9;

    public static bool IsRoot { get; } = Environment.UserName == "root" || geteuid() == 0;

    /// <summary>Sends a signal; false when the process does not exist (or is not ours to signal).</summary>
    public static bool Signal(int processId, int signal) => kill(processId, signal) == 0;

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
