namespace SchemaTool.Tests.Infrastructure;

internal static class TempFolder
{
    // Always /tmp rather than $TMPDIR: the server may run as another OS user (postgres, mysql), which
    // must be able to reach the folder, and a per-user TMPDIR such as /root/tmp would not allow that.
    private const string Root = "/tmp";

    /// <summary>Creates a fresh, empty folder such as /tmp/schematool-pg-1a2b3c4d, readable by its owner only.</summary>
    public static string Create(string prefix)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The throwaway database servers for the tests need Linux.");
        while (true)
        {
            var path = Path.Combine(Root, prefix + Guid.NewGuid().ToString("N")[..8]);
            if (Directory.Exists(path)) continue;
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }
}
