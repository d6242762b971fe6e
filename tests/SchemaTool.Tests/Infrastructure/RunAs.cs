namespace SchemaTool.Tests.Infrastructure;

/// <summary>
/// Database servers refuse to run as root, so when the tests run as root the server processes run
/// as an unprivileged account instead, and their folder is handed over to that account.
/// </summary>
internal static class RunAs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The first existing account among <paramref name="candidates"/> when running as root, else null.</summary>
    public static async Task<string?> PickAccountAsync(params string[] candidates)
    {
        if (!Posix.IsRoot) return null;
        foreach (var name in candidates)
        {
            var lookup = await ProcessRunner.RunAsync("id", ["-u", name], Timeout).ConfigureAwait(false);
            if (lookup.ExitCode == 0) return name;
        }
        throw new InvalidOperationException(
            $"Running as root, but none of the accounts {string.Join(", ", candidates)} exists to run the database server as.");
    }

    /// <summary>Runs a program as <paramref name="account"/> (via runuser), or as ourselves when it is null.</summary>
    public static Task<ProcessResult> RunCheckedAsync(
        string? account, string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null) =>
        account is null
            ? ProcessRunner.RunCheckedAsync(file, arguments, timeout, workingDirectory)
            : ProcessRunner.RunCheckedAsync("runuser", ["-u", account, "--", file, .. arguments], timeout, workingDirectory);

    public static async Task GiveAsync(string path, string? account)
    {
        if (account is null) return;
        await ProcessRunner.RunCheckedAsync("chown", ["-R", account + ":", path], Timeout).ConfigureAwait(false);
    }
}
