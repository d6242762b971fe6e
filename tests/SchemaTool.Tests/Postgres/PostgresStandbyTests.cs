using SchemaTool.Dialects.Postgres;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.Postgres;

/// <summary>A hot standby accepts connections but no writes: apply must refuse before it locks (exit 3).</summary>
public sealed class PostgresStandbyTests
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_standby_is_refused_and_a_multi_host_url_finds_the_primary()
    {
        await using var primary = await PostgresServer.StartAsync();
        var account = await RunAs.PickAccountAsync("postgres", "nobody");
        var folder = TempFolder.Create("schematool-pgstandby-");
        var data = Path.Combine(folder, "data");
        var port = FreePort.Pick();
        try
        {
            await RunAs.GiveAsync(folder, account);
            await RunAs.RunCheckedAsync(account, Path.Combine(Bin, "pg_basebackup"),
                ["-h", primary.Host, "-p", primary.Port.ToString(), "-U", "postgres", "-D", data, "-R", "-X", "stream"], Timeout, folder);
            await RunAs.RunCheckedAsync(account, Path.Combine(Bin, "pg_ctl"),
                ["start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(folder, "server.log"),
                 "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1"], Timeout, folder);

            var dialect = new PostgresDialect();
            var standby = dialect.ParseTarget($"postgres://postgres:pw@127.0.0.1:{port}/postgres", folder);
            await using (var session = await dialect.OpenAsync(standby, CancellationToken.None))
            {
                var error = await Assert.ThrowsAsync<DatabaseException>(
                    () => session.AcquireLockAsync(TimeSpan.FromSeconds(1), _ => { }, CancellationToken.None));
                Assert.Equal(3, error.ExitCode);
                Assert.Contains("read-only standby", error.Message);
                Assert.Contains("target_session_attrs=primary", error.Message);
                Assert.DoesNotContain(":pw@", error.Message);
            }

            var both = dialect.ParseTarget(
                $"postgres://postgres@127.0.0.1:{port},{primary.Host}:{primary.Port}/postgres?target_session_attrs=primary", folder);
            await using (var session = await dialect.OpenAsync(both, CancellationToken.None))
            await using (await session.AcquireLockAsync(TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None))
            {
                // Reaching here means the session went to the primary.
            }
        }
        finally
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
                await RunAs.RunCheckedAsync(account, Path.Combine(Bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", data], Timeout, folder);
            TempFolder.Delete(folder);
        }
    }
}
